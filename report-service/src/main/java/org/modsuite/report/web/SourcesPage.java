package org.modsuite.report.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.modsuite.report.client.IngestionClient;
import org.modsuite.report.client.SourceStatus;
import org.modsuite.support.security.Roles;

/**
 * The admin's sources overview: each source of ingestion-service with its state, last success, last error, lag and
 * posts in the last hour. When ingestion-service cannot be read the page says so (200, with the reason), never a 500.
 */
@Path("/admin/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

  private final Pages pages;
  private final IngestionClient ingestion;
  private final HttpServerRequest request;
  private final Template template;

  public SourcesPage(Pages pages, IngestionClient ingestion, HttpServerRequest request, @Location("sources.html") Template template) {
    this.pages = pages;
    this.ingestion = ingestion;
    this.request = request;
    this.template = template;
  }

  /** One source as a table row. */
  public record SourceRow(String name, String type, String state, boolean healthy, String lastSuccess, String lastErrorAt, String lastError,
      String lag, long postsLastHour) {

    static SourceRow of(SourceStatus s) {
      boolean healthy = "ok".equals(s.state()) || "push".equals(s.state());
      return new SourceRow(s.id(), s.type(), s.state(), healthy, time(s.lastSuccessAt()), time(s.lastErrorAt()), s.lastError(),
          humanLag(s.lagSeconds()), s.postsLastHour());
    }
  }

  @GET
  public Uni<Response> page() {
    return pages.page(request, Set.of(Roles.ADMIN), user -> ingestion.sources()
        .map(sources -> render(user, sources.stream().map(SourceRow::of).toList(), false))
        .onFailure().recoverWithItem(e -> {
          Log.infof("sources overview: ingestion-service at %s not readable: %s", ingestion.baseUrl(), e.toString());
          return render(user, List.of(), true);
        }));
  }

  private Response render(PageUser user, List<SourceRow> sources, boolean unreachable) {
    Map<String, Object> data = new HashMap<>();
    data.put("sources", sources);
    data.put("unreachable", unreachable);
    data.put("ingestionUrl", ingestion.baseUrl());
    return pages.html(template, user, data);
  }

  /** Seconds as people read them: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
  static String humanLag(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = Math.max(0, seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    if (s < 86_400) {
      return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
    return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
  }

  private static String time(Instant t) {
    return t == null ? "–" : PageExtensions.utc(t);
  }
}
