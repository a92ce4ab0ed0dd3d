package dev.craft.server;

import static dev.craft.server.AdvisoryApiTest.finding;
import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NVD, EUVD and GitHub feeds against a local HTTP server playing the three APIs: paging, the
 * NVD apiKey header and GitHub token, incremental second runs, and a response that does not read.
 */
class SourceFeedsTest {
  /** A PyPI OSV record without severity, as PyPI's records are; jinja2 2.10 is in the SBOM. */
  static final String PYSEC =
      """
      {"id":"PYSEC-2099-1","modified":"2099-01-01T00:00:00Z","aliases":["CVE-2099-0001"],
       "affected":[{"package":{"ecosystem":"PyPI","name":"jinja2"},"versions":["2.10"]}]}
      """;

  static String nvdCve(String id, String modified, String vector) {
    return """
        {"cve":{"id":"%s","published":"2099-01-01T00:00:00.000","lastModified":"%s",
          "vulnStatus":"Analyzed","descriptions":[{"lang":"en","value":"x"}],
          "metrics":{"cvssMetricV31":[{"source":"nvd@nist.gov","type":"Primary",
            "cvssData":{"version":"3.1","vectorString":"%s","baseScore":9.8}}]},
          "weaknesses":[{"description":[{"lang":"en","value":"CWE-94"}]}],
          "configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,
            "criteria":"cpe:2.3:a:pallets:jinja2:*:*:*:*:*:python:*:*","versionEndExcluding":"2.11.3"}]}]}]}}
        """
        .formatted(id, modified, vector);
  }

  static String nvdPage(int start, int total, String... cves) {
    return "{\"resultsPerPage\":1,\"startIndex\":%d,\"totalResults\":%d,\"vulnerabilities\":[%s]}"
        .formatted(start, total, String.join(",", cves));
  }

  static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

  record Seen(String path, String query, String apiKey, String auth) {}

  HttpServer upstream;
  String base;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final Map<String, Function<HttpExchange, String>> routes = new ConcurrentHashMap<>();
  final Map<String, String> links = new ConcurrentHashMap<>();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String query = ex.getRequestURI().getRawQuery();
          seen.add(
              new Seen(
                  path,
                  query == null ? "" : query,
                  String.valueOf(ex.getRequestHeaders().getFirst("apiKey")),
                  String.valueOf(ex.getRequestHeaders().getFirst("Authorization"))));
          var route = routes.get(path);
          String body = route == null ? null : route.apply(ex);
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          String link = links.get(path + "?" + query);
          if (link != null) {
            ex.getResponseHeaders().add("Link", link);
          }
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
          if (body != null) {
            ex.getResponseBody().write(bytes);
          }
          ex.close();
        });
    upstream.start();
    base = "http://127.0.0.1:" + upstream.getAddress().getPort();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  static String param(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getQuery();
    if (q == null) {
      return "";
    }
    for (String part : q.split("&")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    return "";
  }

  @Test
  void nvdPagesWithTheApiKeyThenFetchesOnlyNewerAndGivesPypiFindingsItsCvss() {
    List<String> incremental = new CopyOnWriteArrayList<>();
    routes.put(
        "/nvd",
        ex -> {
          if (!param(ex, "lastModStartDate").isEmpty()) {
            return nvdPage(0, incremental.size(), incremental.toArray(String[]::new));
          }
          int start = Integer.parseInt(param(ex, "startIndex"));
          String cve =
              start == 0
                  ? nvdCve("CVE-2099-0001", "2099-01-05T00:00:00.000", CRITICAL)
                  : nvdCve(
                      "CVE-2099-0002",
                      "2099-01-06T00:00:00.000",
                      "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N");
          return nvdPage(start, 2, cve);
        });
    try (var s =
        TestServer.start(
            Map.of(
                "advisories.nvd-url", base + "/nvd",
                "advisories.nvd-api-key", "test-key-123",
                "advisories.nvd-page-size", "1",
                "advisories.feed-page-delay", "PT0S"))) {
      String release = AdvisoryFeedsTestSupport.release(s);
      var imported =
          AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/import?name=p.json", PYSEC);
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      JsonNode before =
          finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1");
      assertThat(before.get("severity").asText()).isEqualTo("unknown");

      JsonNode first = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(first.get("nvd").get("pages").asInt()).isEqualTo(2);
      assertThat(first.get("nvd").get("added").asInt()).isEqualTo(2);
      assertThat(seen).extracting(Seen::apiKey).containsOnly("test-key-123");
      assertThat(seen).extracting(Seen::query).allMatch(q -> !q.contains("lastModStartDate"));

      JsonNode after =
          finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1");
      assertThat(after.get("severity").asText()).isEqualTo("critical");
      assertThat(after.get("cvssVector").asText()).isEqualTo(CRITICAL);

      JsonNode advisory = json(s.get("/api/v1/advisories/PYSEC-2099-1", ADMIN_TOKEN));
      JsonNode nvd = advisory.get("nvd").get(0);
      assertThat(nvd.get("id").asText()).isEqualTo("CVE-2099-0001");
      assertThat(nvd.get("cvss").get("vector").asText()).isEqualTo(CRITICAL);
      assertThat(nvd.get("cwes").get(0).asText()).isEqualTo("CWE-94");
      assertThat(nvd.get("cpeMatches").get(0).get("versionEndExcluding").asText())
          .isEqualTo("2.11.3");
      String page = AdvisoryFeedsTestSupport.page(s, "/advisories/PYSEC-2099-1");
      assertThat(page).contains("id=\"advisory-nvd\"").contains(CRITICAL).contains("CWE-94");

      seen.clear();
      JsonNode second = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(second.get("nvd").get("fetched").asInt()).isZero();
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).query()).contains("lastModStartDate=").contains("lastModEndDate=");

      incremental.add(nvdCve("CVE-2099-0002", "2099-02-01T00:00:00.000", CRITICAL));
      JsonNode third = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(third.get("nvd").get("fetched").asInt()).isEqualTo(1);
      assertThat(third.get("nvd").get("updated").asInt()).isEqualTo(1);

      JsonNode feeds = json(s.get("/api/v1/advisory-feeds", ADMIN_TOKEN)).get("items");
      assertThat(feeds.get(0).get("kind").asText()).isEqualTo("nvd");
      assertThat(feeds.get(0).get("state").asText()).isEqualTo("idle");
      assertThat(feeds.get(0).get("lastSuccessAt").isNull()).isFalse();
      assertThat(feeds.get(0).get("lastCounts").get("updated").asInt()).isEqualTo(1);
      assertThat(AdvisoryFeedsTestSupport.page(s, "/advisories")).contains("id=\"feed-list\"");
    }
  }

  @Test
  void aBadNvdResponseFailsTheRoundWithAClearErrorAndStoresNothing() {
    routes.put("/nvd", ex -> "{\"vulnerabilities\":[");
    try (var s =
        TestServer.start(
            Map.of("advisories.nvd-url", base + "/nvd", "advisories.feed-page-delay", "PT0S"))) {
      HttpResponse<String> r = AdvisoryFeedsTestSupport.sync(s, 502);
      assertThat(json(r).get("title").asText()).isEqualTo("Bad Gateway");
      assertThat(json(r).get("detail").asText())
          .startsWith(base + "/nvd?")
          .contains("not valid JSON");
      JsonNode feed = json(s.get("/api/v1/advisory-feeds", ADMIN_TOKEN)).get("items").get(0);
      assertThat(feed.get("lastError").asText()).contains("not valid JSON");
      assertThat(feed.get("lastSuccessAt").isNull()).isTrue();
      assertThat(feed.get("watermark").asText()).isEmpty();
      assertThat(s.get("/api/v1/advisories?q=CVE-2099-0001", ADMIN_TOKEN).body())
          .contains("\"items\":[]");
      assertThat(AdvisoryFeedsTestSupport.page(s, "/advisories")).contains("not valid JSON");
    }
  }

  @Test
  void euvdExploitedCountsLikeKevAndItsIdsFindAdvisoriesByAlias() {
    routes.put(
        "/euvd/exploitedvulnerabilities",
        ex ->
            """
            [{"id":"EUVD-2099-1001","aliases":"CVE-2099-0001\\n","exploitedSince":"Jan 5, 2099, 12:00:00 AM",
              "baseScore":9.8,"baseScoreVector":"%s","dateUpdated":"Jan 6, 2099, 8:00:00 AM"}]
            """
                .formatted(CRITICAL));
    routes.put(
        "/euvd/vulnerabilities",
        ex ->
            param(ex, "exploited").equals("true")
                ? "{\"items\":[],\"total\":0}"
                : param(ex, "page").equals("0")
                    ? "{\"items\":[{\"id\":\"EUVD-2099-1002\",\"aliases\":\"CVE-2099-0002\\n\","
                        + "\"dateUpdated\":\"Jan 3, 2099\"}],\"total\":2}"
                    : "{\"items\":[{\"id\":\"EUVD-2099-1003\",\"aliases\":\"GHSA-2222-3333-4444\","
                        + "\"dateUpdated\":\"Jan 4, 2099\"}],\"total\":2}");
    try (var s =
        TestServer.start(
            Map.of(
                "advisories.euvd-url", base + "/euvd",
                "advisories.euvd-page-size", "1",
                "advisories.feed-page-delay", "PT0S"))) {
      String release = AdvisoryFeedsTestSupport.release(s);
      AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/import?name=p.json", PYSEC);
      assertThat(
              finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1")
                  .get("kev")
                  .asBoolean())
          .isFalse();

      JsonNode first = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(first.get("euvd").get("fetched").asInt()).isEqualTo(3);
      assertThat(first.get("euvd").get("exploited").asInt()).isEqualTo(1);
      JsonNode f =
          finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1");
      assertThat(f.get("kev").asBoolean()).isTrue();
      assertThat(f.get("kevSources").get(0).asText()).isEqualTo("EU exploited (EUVD-2099-1001)");
      assertThat(AdvisoryFeedsTestSupport.page(s, release.substring("/api/v1".length())))
          .contains("EU exploited (EUVD-2099-1001)");

      JsonNode byEuvd = json(s.get("/api/v1/advisories?q=EUVD-2099-1001", ADMIN_TOKEN));
      assertThat(byEuvd.get("items").get(0).get("id").asText()).isEqualTo("PYSEC-2099-1");
      JsonNode advisory = json(s.get("/api/v1/advisories/PYSEC-2099-1", ADMIN_TOKEN));
      assertThat(advisory.get("euvd").get(0).get("exploited").asBoolean()).isTrue();
      assertThat(AdvisoryFeedsTestSupport.page(s, "/advisories/PYSEC-2099-1"))
          .contains("EU exploited");

      // A second upload of the same SBOM is matched with the EU-exploited flag from the start.
      seen.clear();
      JsonNode second = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(second.get("euvd").get("changed").asInt()).isZero();
      assertThat(seen)
          .filteredOn(x -> x.path().equals("/euvd/vulnerabilities"))
          .allMatch(x -> x.query().contains("fromDate="));
    }
  }

  @Test
  void githubAdvisoriesArePagedByLinkImportedAsOsvAndFetchedIncrementally() {
    String advisory =
        """
        {"ghsa_id":"%s","cve_id":"%s","summary":"s","type":"reviewed","severity":"high",
         "identifiers":[{"type":"GHSA","value":"%s"}],"published_at":"2099-01-01T00:00:00Z",
         "updated_at":"%s","withdrawn_at":null,
         "vulnerabilities":[{"package":{"ecosystem":"pip","name":"jinja2"},
           "vulnerable_version_range":"< 2.11.3","first_patched_version":"2.11.3"}],
         "cvss_severities":{"cvss_v3":{"vector_string":"%s","score":9.8}},"cwes":[]}
        """;
    String p1 =
        "["
            + advisory.formatted(
                "GHSA-2222-3333-4444",
                "CVE-2099-0001",
                "GHSA-2222-3333-4444",
                "2099-01-02T00:00:00Z",
                CRITICAL)
            + "]";
    String p2 =
        "["
            + advisory.formatted(
                "GHSA-5555-6666-7777",
                "CVE-2099-0002",
                "GHSA-5555-6666-7777",
                "2099-01-03T00:00:00Z",
                CRITICAL)
            + "]";
    routes.put(
        "/gh/advisories",
        ex -> param(ex, "after").equals("c2") ? p2 : param(ex, "modified").isEmpty() ? p1 : "[]");
    links.put(
        "/gh/advisories?type=reviewed&per_page=100",
        "<" + base + "/gh/advisories?type=reviewed&per_page=100&after=c2>; rel=\"next\"");
    try (var s =
        TestServer.start(
            Map.of(
                "advisories.github-url", base + "/gh/advisories",
                "advisories.github-token", "ghp_test",
                "advisories.feed-page-delay", "PT0S"))) {
      String release = AdvisoryFeedsTestSupport.release(s);
      JsonNode first = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(first.get("github").get("pages").asInt()).isEqualTo(2);
      assertThat(first.get("github").get("added").asInt()).isEqualTo(2);
      assertThat(seen).extracting(Seen::auth).containsOnly("Bearer ghp_test");
      JsonNode f =
          finding(
              json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "GHSA-2222-3333-4444");
      assertThat(f.get("status").asText()).isEqualTo("affected");
      assertThat(f.get("severity").asText()).isEqualTo("critical");
      JsonNode byCve = json(s.get("/api/v1/advisories?q=CVE-2099-0002", ADMIN_TOKEN));
      assertThat(byCve.get("items").get(0).get("id").asText()).isEqualTo("GHSA-5555-6666-7777");

      seen.clear();
      JsonNode second = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(second.get("github").get("fetched").asInt()).isZero();
      assertThat(seen.get(0).query()).contains("modified=%3E%3D2099-01-03T00%3A00%3A00Z");
    }
  }

  @Test
  void offlineFilesImportThroughTheApiIdempotentlyAndAreUsedWhenMatching() {
    try (var s = TestServer.start(Map.of())) {
      var nvd =
          AdvisoryFeedsTestSupport.post(
              s,
              "/api/v1/advisories/nvd?name=nvd.json",
              nvdPage(0, 1, nvdCve("CVE-2099-0001", "2099-01-05T00:00:00.000", CRITICAL)));
      assertThat(nvd.statusCode()).as(nvd.body()).isEqualTo(200);
      assertThat(json(nvd).get("added").asInt()).isEqualTo(1);
      var again =
          AdvisoryFeedsTestSupport.post(
              s,
              "/api/v1/advisories/nvd",
              nvdPage(0, 1, nvdCve("CVE-2099-0001", "2099-01-05T00:00:00.000", CRITICAL)));
      assertThat(json(again).get("unchanged").asInt()).isEqualTo(1);

      AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/import?name=p.json", PYSEC);
      String release = AdvisoryFeedsTestSupport.release(s);
      JsonNode f =
          finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1");
      assertThat(f.get("severity").asText()).isEqualTo("critical");
      assertThat(f.get("kev").asBoolean()).isFalse();

      var euvd =
          AdvisoryFeedsTestSupport.post(
              s,
              "/api/v1/advisories/euvd?exploited=true",
              "[{\"id\":\"EUVD-2099-1001\",\"aliases\":\"CVE-2099-0001\",\"dateUpdated\":\"x\"}]");
      assertThat(euvd.statusCode()).as(euvd.body()).isEqualTo(200);
      assertThat(json(euvd).get("exploited").asInt()).isEqualTo(1);
      f = finding(json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "PYSEC-2099-1");
      assertThat(f.get("kev").asBoolean()).isTrue();

      String gh =
          """
          [{"ghsa_id":"GHSA-2222-3333-4444","cve_id":"CVE-2099-0001","type":"reviewed",
            "severity":"medium","updated_at":"2099-01-06T00:00:00Z","published_at":"2099-01-01T00:00:00Z",
            "vulnerabilities":[{"package":{"ecosystem":"pip","name":"jinja2"},
              "vulnerable_version_range":">= 2.0, <= 2.10","first_patched_version":"2.10.1"}]}]
          """;
      var github = AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/github", gh);
      assertThat(github.statusCode()).as(github.body()).isEqualTo(200);
      assertThat(json(github).get("added").asInt()).isEqualTo(1);
      assertThat(json(github).get("findings").asInt()).isEqualTo(1);
      assertThat(
              json(AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/github", gh))
                  .get("unchanged")
                  .asInt())
          .isEqualTo(1);
      f =
          finding(
              json(s.get(release + "/findings", ADMIN_TOKEN)).get("items"), "GHSA-2222-3333-4444");
      // No CVSS in the GitHub record: NVD's is used, and the EU exploited flag through the CVE.
      assertThat(f.get("severity").asText()).isEqualTo("critical");
      assertThat(f.get("kev").asBoolean()).isTrue();

      var bad = AdvisoryFeedsTestSupport.post(s, "/api/v1/advisories/nvd", "{\"x\":1}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(json(bad).get("detail").asText())
          .isEqualTo(
              "upload:nvd.json: not an NVD CVE API 2.0 response: no 'vulnerabilities' array");
    }
  }

  @Test
  void aRateLimitedAnswerIsRetriedAfterRetryAfter() {
    int[] calls = {0};
    upstream.removeContext("/");
    upstream.createContext(
        "/",
        ex -> {
          calls[0]++;
          if (calls[0] == 1) {
            ex.getResponseHeaders().add("Retry-After", "0");
            ex.sendResponseHeaders(429, -1);
            ex.close();
            return;
          }
          byte[] b = nvdPage(0, 0).getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    try (var s =
        TestServer.start(
            Map.of("advisories.nvd-url", base + "/nvd", "advisories.feed-page-delay", "PT0S"))) {
      JsonNode r = json(AdvisoryFeedsTestSupport.sync(s, 200));
      assertThat(r.get("nvd").get("pages").asInt()).isEqualTo(1);
      assertThat(calls[0]).isEqualTo(2);
    }
  }

  @Test
  void nvdRangesLongerThan120DaysAreSplit() {
    Instant from = Instant.parse("2099-01-01T00:00:00Z");
    var windows = SourceFeeds.windows(from, from.plus(java.time.Duration.ofDays(250)));
    assertThat(windows).hasSize(3);
    assertThat(windows.get(0)[1]).isEqualTo(from.plus(java.time.Duration.ofDays(120)));
    assertThat(windows.get(2)[1]).isEqualTo(from.plus(java.time.Duration.ofDays(250)));
    assertThat(SourceFeeds.windows(from, from)).hasSize(1);
  }
}
