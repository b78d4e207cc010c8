package org.modsuite.ingestion.rest;

import java.util.List;

/** The answer to a push: per post, in request order, whether it was published or dropped as a duplicate. */
public record IngestResult(int accepted, int duplicates, List<Item> items) {

  /** One pushed post. */
  public record Item(int index, String postUid, Status status) {
  }

  /** What happened to one pushed post. */
  public enum Status {
    /** Published to posts.ingested (acknowledged by Kafka). */
    @com.fasterxml.jackson.annotation.JsonProperty("accepted") ACCEPTED,
    /** The same version of this post was published before; nothing was sent. */
    @com.fasterxml.jackson.annotation.JsonProperty("duplicate") DUPLICATE
  }

  public static IngestResult of(List<Item> items) {
    int accepted = (int) items.stream().filter(i -> i.status() == Status.ACCEPTED).count();
    return new IngestResult(accepted, items.size() - accepted, items);
  }
}
