package dev.craft.server;

import static dev.craft.server.AdvisoryApiTest.finding;
import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The online feeds against a local HTTP server standing in for the OSV bucket, CISA and FIRST: the
 * first round imports everything, the next fetches only what {@code modified_id.csv} lists as
 * newer.
 */
class AdvisoryFeedsTest {
  static final String RECORD =
      """
      {"id":"%s","modified":"%s","aliases":["%s"],
       "affected":[{"package":{"ecosystem":"PyPI","name":"jinja2"},"versions":["2.10"]}]}
      """;

  @Test
  void feedsImportIncrementallyAndFlagKevAndEpss() throws IOException {
    Map<String, String> files = new ConcurrentHashMap<>();
    List<String> requested = new CopyOnWriteArrayList<>();
    files.put(
        "/osv/PyPI/modified_id.csv",
        "2025-03-01T00:00:00Z,PyPI/FEED-2\n2025-02-01T00:00:00Z,PyPI/FEED-1\n");
    files.put(
        "/osv/PyPI/FEED-1.json",
        RECORD.formatted("FEED-1", "2025-02-01T00:00:00Z", "CVE-2099-1111"));
    files.put(
        "/osv/PyPI/FEED-2.json",
        RECORD.formatted("FEED-2", "2025-03-01T00:00:00Z", "CVE-2099-2222"));
    files.put(
        "/kev.json",
        """
        {"catalogVersion":"2099.01.01","vulnerabilities":[{"cveID":"CVE-2099-1111","vendorProject":"P",
         "product":"Jinja2","vulnerabilityName":"x","dateAdded":"2099-01-01","dueDate":"2099-01-22",
         "knownRansomwareCampaignUse":"Unknown"}]}
        """);
    files.put("/epss.csv", "cve,epss,percentile\nCVE-2099-2222,0.5,0.9\n");
    HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feed.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          requested.add(path);
          String body = files.get(path);
          respond(ex, body);
        });
    feed.start();
    String base = "http://127.0.0.1:" + feed.getAddress().getPort();
    try (var s =
        TestServer.start(
            Map.of(
                "advisories.osv-urls", base + "/osv/PyPI",
                "advisories.kev-url", base + "/kev.json",
                "advisories.epss-url", base + "/epss.csv"))) {
      String release = AdvisoryFeedsTestSupport.release(s);

      JsonNode first = json(sync(s));
      assertThat(first.get("osv").get(0).get("fetched").asInt()).isEqualTo(2);
      assertThat(first.get("osv").get(0).get("added").asInt()).isEqualTo(2);
      assertThat(first.get("kev").asInt()).isEqualTo(1);
      assertThat(first.get("epss").asInt()).isEqualTo(1);
      JsonNode items = json(s.get(release + "/findings", ADMIN_TOKEN)).get("items");
      assertThat(finding(items, "FEED-1").get("kev").asBoolean()).isTrue();
      assertThat(finding(items, "FEED-2").get("epss").asDouble()).isEqualTo(0.5);

      requested.clear();
      JsonNode second = json(sync(s));
      assertThat(second.get("osv").get(0).get("fetched").asInt()).isZero();
      assertThat(requested).doesNotContain("/osv/PyPI/FEED-1.json", "/osv/PyPI/FEED-2.json");

      files.put(
          "/osv/PyPI/modified_id.csv",
          "2025-04-01T00:00:00Z,PyPI/FEED-1\n2025-03-01T00:00:00Z,PyPI/FEED-2\n");
      files.put(
          "/osv/PyPI/FEED-1.json",
          RECORD.formatted("FEED-1", "2025-04-01T00:00:00Z", "CVE-2099-1111"));
      requested.clear();
      JsonNode third = json(sync(s));
      assertThat(third.get("osv").get(0).get("fetched").asInt()).isEqualTo(1);
      assertThat(third.get("osv").get(0).get("updated").asInt()).isEqualTo(1);
      assertThat(requested)
          .contains("/osv/PyPI/FEED-1.json")
          .doesNotContain("/osv/PyPI/FEED-2.json");
    } finally {
      feed.stop(0);
    }
  }

  @Test
  void aRunningFeedShowsHowFarItIsInTheApiAndOnThePage() throws Exception {
    var secondRequested = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    HttpServer feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    feed.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    feed.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String body =
              switch (path) {
                case "/osv/PyPI/modified_id.csv" ->
                    "2025-03-01T00:00:00Z,PyPI/PROG-2\n2025-02-01T00:00:00Z,PyPI/PROG-1\n";
                case "/osv/PyPI/PROG-2.json" ->
                    RECORD.formatted("PROG-2", "2025-03-01T00:00:00Z", "CVE-2099-3332");
                case "/osv/PyPI/PROG-1.json" -> {
                  // Fetched second (the list is newest first), and held until the test has seen
                  // the progress of the first.
                  secondRequested.countDown();
                  try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  yield RECORD.formatted("PROG-1", "2025-02-01T00:00:00Z", "CVE-2099-3331");
                }
                default -> null;
              };
          respond(ex, body);
        });
    feed.start();
    String base = "http://127.0.0.1:" + feed.getAddress().getPort() + "/osv/PyPI";
    try (var s = TestServer.start(Map.of("advisories.osv-urls", base))) {
      var round = java.util.concurrent.CompletableFuture.supplyAsync(() -> sync(s));
      assertThat(secondRequested.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      JsonNode running = osvFeed(s);
      assertThat(running.get("state").asText()).isEqualTo("running");
      assertThat(running.get("progress").get("done").asInt()).isEqualTo(1);
      assertThat(running.get("progress").get("total").asInt()).isEqualTo(2);
      assertThat(running.get("progress").get("unit").asText()).isEqualTo("records");
      assertThat(AdvisoryFeedsTestSupport.page(s, "/advisories")).contains("(1 of 2 records)");

      release.countDown();
      assertThat(
              json(round.get(30, java.util.concurrent.TimeUnit.SECONDS))
                  .get("osv")
                  .get(0)
                  .get("added")
                  .asInt())
          .isEqualTo(2);
      JsonNode done = osvFeed(s);
      assertThat(done.get("state").asText()).isEqualTo("idle");
      assertThat(done.path("progress").isNull() || done.path("progress").isMissingNode()).isTrue();
    } finally {
      release.countDown();
      feed.stop(0);
    }
  }

  /** Answers with {@code body}, or 404 when there is none. */
  private static void respond(
      com.sun.net.httpserver.HttpExchange ex, @org.jspecify.annotations.Nullable String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
    if (body != null) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  private static JsonNode osvFeed(TestServer s) {
    for (JsonNode f : json(s.get("/api/v1/advisory-feeds", ADMIN_TOKEN)).get("items")) {
      if (f.get("kind").asText().equals("osv")) {
        return f;
      }
    }
    throw new AssertionError("no OSV feed in /api/v1/advisory-feeds");
  }

  private static java.net.http.HttpResponse<String> sync(TestServer s) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/advisories/sync"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }
}
