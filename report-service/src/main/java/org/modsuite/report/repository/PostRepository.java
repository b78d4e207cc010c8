package org.modsuite.report.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.report.Post;

/** The latest version of each post. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, String> {

  /**
   * Stores a post version unless a newer one is stored. A delete keeps the text only where it is evidence of a
   * restriction; otherwise the text is erased with the post.
   */
  public Uni<Integer> upsert(PostEvent p, Instant now) {
    boolean delete = p.op() == PostOp.DELETE;
    return Panache.getSession().chain(s -> s.createNativeQuery("""
        INSERT INTO post (post_uid, platform, url, author_id, text, language, created_at, edited_at, deleted, version, source_name, received_at)
        VALUES (:uid, :platform, :url, :author, :text, :language, :createdAt, :editedAt, :deleted, :version, :sourceName, :now)
        ON CONFLICT (post_uid) DO UPDATE SET
            url = coalesce(EXCLUDED.url, post.url), author_id = coalesce(EXCLUDED.author_id, post.author_id),
            text = CASE WHEN EXCLUDED.deleted AND post.evidence_until IS NOT NULL THEN post.text ELSE EXCLUDED.text END,
            language = coalesce(EXCLUDED.language, post.language), edited_at = EXCLUDED.edited_at, deleted = EXCLUDED.deleted,
            version = EXCLUDED.version, received_at = EXCLUDED.received_at
        WHERE post.version <= EXCLUDED.version""")
        .setParameter("uid", p.postUid()).setParameter("platform", p.platform()).setParameter("url", p.url())
        .setParameter("author", p.authorId()).setParameter("text", delete ? "" : p.text()).setParameter("language", p.language())
        .setParameter("createdAt", p.createdAt()).setParameter("editedAt", p.editedAt()).setParameter("deleted", delete)
        .setParameter("version", p.postVersion()).setParameter("sourceName", p.sourceName()).setParameter("now", now)
        .executeUpdate());
  }

  /** Keeps the post's text as evidence of a restriction until the given time. */
  public Uni<Integer> keepAsEvidence(String postUid, Instant until) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
        "UPDATE post SET evidence_until = greatest(coalesce(evidence_until, :until), :until) WHERE post_uid = :uid")
        .setParameter("uid", postUid).setParameter("until", until).executeUpdate());
  }

  public Uni<Post> findByUrl(String url) {
    return find("url", url).firstResult();
  }
}
