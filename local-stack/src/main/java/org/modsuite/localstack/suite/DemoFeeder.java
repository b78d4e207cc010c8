package org.modsuite.localstack.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Pushes the bundled demo sample through ingestion and waits until report-service's case count settles. */
final class DemoFeeder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 50;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String ingestionUrl;
  private final String reportUrl;
  private final String adminPassword;
  private String token;

  DemoFeeder(String ingestionUrl, String reportUrl, String adminPassword) {
    this.ingestionUrl = ingestionUrl;
    this.reportUrl = reportUrl;
    this.adminPassword = adminPassword;
  }

  /** The demo acts as the bootstrap admin, which may push posts and read cases. */
  String token() throws IOException, InterruptedException {
    if (token == null) {
      String form = "username=admin&password=" + java.net.URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/auth/token"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("the demo could not log in as admin: HTTP " + response.statusCode() + " (was the admin password changed?)");
      }
      token = JSON.readTree(response.body()).path("access_token").asText();
    }
    return token;
  }

  /** Sends the sample; returns how many posts ingestion published (the rest it dropped as already published). */
  int send() throws IOException, InterruptedException {
    List<String> posts = sample();
    int accepted = 0;
    for (int from = 0; from < posts.size(); from += BATCH) {
      String body = "[" + String.join(",", posts.subList(from, Math.min(posts.size(), from + BATCH))) + "]";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingestionUrl + "/api/v1/posts"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token()).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IOException("ingestion refused the demo batch: HTTP " + response.statusCode() + " " + response.body());
      }
      accepted += JSON.readTree(response.body()).path("accepted").asInt();
    }
    return accepted;
  }

  /** Polls the case count until it has not changed for five seconds (or a minute has passed). */
  long awaitCases() throws IOException, InterruptedException {
    long last = -1;
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      long total = caseCount();
      if (total != last) {
        last = total;
        stableSince = System.nanoTime();
      } else if (total > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos()) {
        break;
      }
      Thread.sleep(500);
    }
    return last;
  }

  private long caseCount() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(reportUrl + "/api/v1/cases?state=all&size=1"))
        .header("Authorization", "Bearer " + token()).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()).path("total").asLong() : 0;
  }

  static List<String> sample() {
    List<String> lines = new ArrayList<>();
    try (InputStream in = DemoFeeder.class.getResourceAsStream("/demo/demo-posts.jsonl");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
