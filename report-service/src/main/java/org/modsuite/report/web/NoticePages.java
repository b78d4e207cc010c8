package org.modsuite.report.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.modsuite.report.dsa.SorSchema;
import org.modsuite.report.rest.ClientAddress;
import org.modsuite.report.service.Actor;
import org.modsuite.report.service.NoticeLimiter;
import org.modsuite.report.service.NoticeRequest;
import org.modsuite.report.service.NoticeService;
import org.modsuite.support.rest.ProblemException;
import org.modsuite.support.security.Roles;

/**
 * The NGO pages: the public Art. 16 notice form (plain HTML, no script needed) with its receipt, the notifier's
 * status page, and for trusted flaggers their organisation's notices and the CSV bulk submission.
 */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
public class NoticePages {

  static final int MAX_CSV_ROWS = 500;
  private static final Set<String> FLAGGERS = Set.of(Roles.TRUSTED_FLAGGER);

  private final Pages pages;
  private final NoticeService notices;
  private final NoticeLimiter limiter;
  private final HttpServerRequest request;
  private final Template form;
  private final Template receipt;
  private final Template status;
  private final Template mine;
  private final Template bulk;

  public NoticePages(Pages pages, NoticeService notices, NoticeLimiter limiter, HttpServerRequest request,
      @Location("notice-form.html") Template form, @Location("notice-receipt.html") Template receipt,
      @Location("notice-status.html") Template status, @Location("notices-mine.html") Template mine, @Location("notices-bulk.html") Template bulk) {
    this.pages = pages;
    this.notices = notices;
    this.limiter = limiter;
    this.request = request;
    this.form = form;
    this.receipt = receipt;
    this.status = status;
    this.mine = mine;
    this.bulk = bulk;
  }

  /** One result row of a bulk upload. */
  public record BulkRow(long row, boolean accepted, String result) {
  }

  /** One of the organisation's notices with the time it took to decide. */
  public record MineRow(UUID id, String received, String state, String category, String outcome, String decided, String hours) {
  }

  @GET
  @Path("new")
  public Uni<Response> newNotice() {
    return pages.page(request, Pages.PUBLIC, user -> Uni.createFrom().item(renderForm(user, Map.of(), Map.of(), 200)));
  }

  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Uni<Response> submit(@FormParam("csrf") String csrf, @FormParam("url") String url, @FormParam("postUid") String postUid,
      @FormParam("category") String category, @FormParam("explanation") String explanation, @FormParam("notifierName") String name,
      @FormParam("notifierEmail") String email, @FormParam("goodFaith") String goodFaith) {
    Map<String, Object> values = new HashMap<>();
    values.put("url", url);
    values.put("postUid", postUid);
    values.put("category", category);
    values.put("explanation", explanation);
    values.put("notifierName", name);
    values.put("notifierEmail", email);
    values.put("goodFaith", goodFaith != null);
    return pages.page(request, Pages.PUBLIC, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      String client = ClientAddress.of(request);
      if (!user.signedIn()) {
        long retryAfter = limiter.retryAfterSeconds(client);
        if (retryAfter > 0) {
          return Uni.createFrom().item(pages.message(user, 429, "error_title", "Too many notices: try again in " + retryAfter + " s."));
        }
      }
      Map<String, String> errors = new HashMap<>();
      if (goodFaith == null) {
        errors.put("goodFaith", "confirm the statement of good faith (Art. 16(2)(d))");
      }
      NoticeRequest notice = new NoticeRequest(List.of(new NoticeRequest.Item(QueuePage.blank(postUid), QueuePage.blank(url))), explanation,
          QueuePage.blank(category), List.of(), QueuePage.blank(name), QueuePage.blank(email), goodFaith != null, user.lang());
      for (var e : org.modsuite.report.service.NoticeValidator.validate(notice)) {
        errors.putIfAbsent(formField(e.field()), e.message());
      }
      if (!errors.isEmpty()) {
        return Uni.createFrom().item(renderForm(user, values, errors, 400));
      }
      return notices.submit(notice, actor(user, client), organisation(user)).map(r -> {
        Map<String, Object> data = new HashMap<>();
        data.put("r", r);
        data.put("statusPath", "/notices/" + r.noticeId() + "/status?token=" + r.statusToken());
        return pages.html(receipt, user, data);
      });
    });
  }

  @GET
  @Path("{id}/status")
  public Uni<Response> status(@PathParam("id") UUID id, @QueryParam("token") String token) {
    return pages.page(request, Pages.PUBLIC, user -> notices.status(id, token).map(s -> pages.html(status, user, Map.of("s", s))));
  }

  @GET
  @Path("mine")
  public Uni<Response> mine() {
    return pages.page(request, FLAGGERS, user -> {
      if (user.organisation() == null) {
        return Uni.createFrom().item(pages.html(mine, user, Map.of("rows", List.of())));
      }
      return notices.page(user.organisation(), 0, 200).map(list -> pages.html(mine, user, Map.of("rows", list.stream().map(n -> new MineRow(n.id(),
          PageExtensions.utc(n.receivedAt()), n.state(), n.category(), n.outcome() == null ? "–" : n.outcome(),
          n.decidedAt() == null ? "–" : PageExtensions.utc(n.decidedAt()),
          n.decidedAt() == null ? "–" : Long.toString(PageExtensions.hoursUntil(n.receivedAt(), n.decidedAt())))).toList())));
    });
  }

  @GET
  @Path("bulk")
  public Uni<Response> bulkForm() {
    return pages.page(request, FLAGGERS, user -> Uni.createFrom().item(pages.html(bulk, user, Map.of("rows", List.of(), "done", false))));
  }

  @POST
  @Path("bulk")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uni<Response> bulkUpload(@RestForm("csrf") String csrf, @RestForm("file") FileUpload file, @RestForm("notifierName") String name,
      @RestForm("notifierEmail") String email) {
    return pages.page(request, FLAGGERS, user -> {
      if (!pages.csrfValid(request, csrf)) {
        return Uni.createFrom().item(pages.csrfRefused(user));
      }
      if (file == null) {
        throw ProblemException.invalid("file", "choose a CSV file");
      }
      List<CSVRecord> records;
      try (Reader reader = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8);
           CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get()
               .parse(reader)) {
        records = parser.getRecords();
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        throw ProblemException.invalid("file", "not a readable CSV file with the header url,postUid,category,explanation,keywords");
      }
      if (records.size() > MAX_CSV_ROWS) {
        throw ProblemException.invalid("file", "at most " + MAX_CSV_ROWS + " rows per file");
      }
      Actor actor = actor(user, ClientAddress.of(request));
      List<BulkRow> results = new ArrayList<>();
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (CSVRecord rec : records) {
        NoticeRequest notice = new NoticeRequest(List.of(new NoticeRequest.Item(value(rec, "postUid"), value(rec, "url"))), value(rec, "explanation"),
            value(rec, "category"), value(rec, "keywords") == null ? List.of() : Arrays.stream(value(rec, "keywords").split("\\|")).map(String::strip)
                .filter(k -> !k.isEmpty()).toList(), QueuePage.blank(name), QueuePage.blank(email), true, user.lang());
        long row = rec.getRecordNumber() + 1; // the header is line 1
        chain = chain.chain(() -> notices.submit(notice, actor, user.organisation())
            .map(r -> new BulkRow(row, true, r.noticeId().toString()))
            .onFailure(ProblemException.class).recoverWithItem(e -> new BulkRow(row, false, describe((ProblemException) e)))
            .invoke(results::add).replaceWithVoid());
      }
      return chain.map(v -> pages.html(bulk, user, Map.of("rows", results, "done", true,
          "accepted", results.stream().filter(BulkRow::accepted).count(), "refused", results.stream().filter(r -> !r.accepted()).count())));
    });
  }

  private Response renderForm(PageUser user, Map<String, Object> values, Map<String, String> errors, int status) {
    Map<String, Object> data = new HashMap<>();
    data.put("v", values);
    data.put("errors", errors);
    data.put("categories", CaseReviewPage.options(SorSchema.CATEGORIES, values.get("category"), null));
    return pages.html(status, form, user, data);
  }

  private static String formField(String field) {
    return field.startsWith("items") ? "url" : field.startsWith("keywords") ? "category" : field;
  }

  private static String value(CSVRecord rec, String column) {
    return rec.isMapped(column) && rec.isSet(column) ? QueuePage.blank(rec.get(column)) : null;
  }

  private static String describe(ProblemException e) {
    var p = e.problem();
    if (p.errors() != null && !p.errors().isEmpty()) {
      return p.errors().stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
    return p.detail() == null ? p.title() : p.detail();
  }

  private static Actor actor(PageUser user, String client) {
    return user.signedIn() ? new Actor(user.name(), user.trustedFlagger() ? Roles.TRUSTED_FLAGGER : "none", client) : new Actor("public", "public", client);
  }

  private static String organisation(PageUser user) {
    return user.trustedFlagger() ? user.organisation() : null;
  }
}
