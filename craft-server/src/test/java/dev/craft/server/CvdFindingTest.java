package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A CVD report recorded as a finding: release findings, triage inbox, gate, links both ways. */
class CvdFindingTest {
  static TestServer s;
  static FindingFixtures fx;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of("cvd.max-reports-per-hour", "100"));
    fx = new FindingFixtures(s);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static long report(String title) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/public/reports"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\""
                            + title
                            + "\",\"description\":\"details\",\"creditAs\":\"Ada Lovelace\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  static long releaseId(String path) {
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  @Test
  void aReportOnAComponentBecomesAFindingInTriageThatLinksBackToTheReport() {
    long report = report("XSS in the template engine");
    long product = fx.product("CVD Findings");
    String release = fx.release(product, "1.0.0");
    var r =
        s.postJson(
            "/api/v1/cvd/reports/" + report + "/findings",
            ADMIN_TOKEN,
            """
            {"productId":%d,"releaseId":%d,"purl":"pkg:pypi/jinja2@2.10",
             "cvssVector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}
            """
                .formatted(product, releaseId(release)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long findingId = json(r).get("findingId").asLong();

    JsonNode finding = fx.finding(release, "CVD-" + report);
    assertThat(finding.get("id").asLong()).isEqualTo(findingId);
    assertThat(finding.get("severity").asText()).isEqualTo("critical");
    assertThat(finding.get("cvss").asDouble()).isEqualTo(9.8);
    assertThat(finding.get("component").get("name").asText()).isEqualTo("jinja2");
    assertThat(finding.get("analysis").get("state").asText()).isEqualTo("in_triage");

    var inbox = json(s.get("/api/v1/findings?state=in_triage&limit=500", ADMIN_TOKEN));
    assertThat(inbox.get("items").findValuesAsText("vulnerability")).contains("CVD-" + report);

    var linked = json(s.get("/api/v1/cvd/reports/" + report + "/findings", ADMIN_TOKEN));
    assertThat(linked.get("items").get(0).get("findingId").asLong()).isEqualTo(findingId);

    // Both pages link each other.
    var admin = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
    String releasePage = page(admin, "/products/" + product + "/releases/" + releaseId(release));
    assertThat(releasePage).contains("href=\"/cvd/" + report + "\"");
    assertThat(page(admin, "/cvd/" + report))
        .contains(
            "/products/" + product + "/releases/" + releaseId(release) + "#finding-" + findingId);
    // An advisory written from the finding credits the reporter as they asked.
    assertThat(
            page(
                admin,
                "/csaf/new?product="
                    + product
                    + "&release="
                    + releaseId(release)
                    + "&finding="
                    + findingId))
        .contains("Ada Lovelace");

    // Once only; a new SBOM keeps it.
    assertThat(
            s.postJson(
                    "/api/v1/cvd/reports/" + report + "/findings",
                    ADMIN_TOKEN,
                    "{\"productId\":%d,\"releaseId\":%d,\"purl\":\"pkg:pypi/jinja2@2.10\"}"
                        .formatted(product, releaseId(release)))
                .statusCode())
        .isEqualTo(409);
    fx.upload(release, sbom -> sbom.replace("2.14.1", "2.14.0"), true);
    assertThat(fx.finding(release, "CVD-" + report).get("id").asLong()).isEqualTo(findingId);
    assertThat(s.get("/api/v1/audit/entries?limit=100", ADMIN_TOKEN).body())
        .contains("finding.record");
  }

  @Test
  void aFindingOnTheProductItselfNeedsNoSbomAndAnExploitableOneBlocksTheRelease() {
    long report = report("Default credentials");
    long product = fx.product("CVD Gate");
    var created =
        s.postJson(
            "/api/v1/products/" + product + "/releases", ADMIN_TOKEN, "{\"version\":\"2.0.0\"}");
    long release = json(created).get("id").asLong();
    String path = "/api/v1/products/" + product + "/releases/" + release;
    var r =
        s.postJson(
            "/api/v1/cvd/reports/" + report + "/findings",
            ADMIN_TOKEN,
            "{\"productId\":%d,\"releaseId\":%d,\"vulnerabilityId\":\"CVE-2026-12345\",\"severity\":\"high\"}"
                .formatted(product, release));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode finding = fx.finding(path, "CVE-2026-12345");
    assertThat(finding.get("component").get("purl").asText()).isEmpty();
    assertThat(json(s.get(path + "/gate", ADMIN_TOKEN)).get("verdict").asText()).isEqualTo("clear");

    var decided = fx.decide(product, finding, "{\"state\":\"exploitable\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    // VEX exports carry the manual finding with its decision, in every format.
    for (String format : new String[] {"openvex", "cyclonedx", "csaf"}) {
      var vex = s.get(path + "/vex?format=" + format, ADMIN_TOKEN);
      assertThat(vex.statusCode()).as(vex.body()).isEqualTo(200);
      assertThat(vex.body()).as(format).contains("CVE-2026-12345");
    }
    JsonNode gate = json(s.get(path + "/gate", ADMIN_TOKEN));
    assertThat(gate.get("verdict").asText()).isEqualTo("blocked");
    assertThat(gate.get("blocking").toString()).contains("CVE-2026-12345");

    fx.decide(product, finding, "{\"state\":\"resolved\",\"response\":[\"update\"]}");
    assertThat(json(s.get(path + "/gate", ADMIN_TOKEN)).get("verdict").asText()).isEqualTo("clear");
  }

  @Test
  void aFindingFromAReportOnAnEuExploitedCveIsFlaggedLikeKev() {
    var euvd =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/advisories/euvd?exploited=true&name=e.json"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"id\":\"EUVD-2099-8001\",\"aliases\":\"CVE-2099-8001\\n\","
                            + "\"exploitedSince\":\"Jan 5, 2099\",\"dateUpdated\":\"Jan 6, 2099\"}]")));
    assertThat(euvd.statusCode()).as(euvd.body()).isEqualTo(200);
    long report = report("Exploited in the wild");
    long product = fx.product("CVD EU Exploited");
    long release =
        json(s.postJson(
                "/api/v1/products/" + product + "/releases",
                ADMIN_TOKEN,
                "{\"version\":\"1.0.0\"}"))
            .get("id")
            .asLong();
    var r =
        s.postJson(
            "/api/v1/cvd/reports/" + report + "/findings",
            ADMIN_TOKEN,
            "{\"productId\":%d,\"releaseId\":%d,\"vulnerabilityId\":\"CVE-2099-8001\"}"
                .formatted(product, release));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String path = "/api/v1/products/" + product + "/releases/" + release;
    assertThat(fx.finding(path, "CVE-2099-8001").get("kev").asBoolean()).isTrue();
  }

  @Test
  void aComponentThatIsNotInTheReleasesSbomIsRefused() {
    long report = report("Bug in a library we do not ship");
    long product = fx.product("CVD Refused");
    String release = fx.release(product, "1.0.0");
    var r =
        s.postJson(
            "/api/v1/cvd/reports/" + report + "/findings",
            ADMIN_TOKEN,
            "{\"productId\":%d,\"releaseId\":%d,\"purl\":\"pkg:npm/left-pad@1.0.0\"}"
                .formatted(product, releaseId(release)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("not a component");
  }

  static String page(Browserless.Session session, String path) {
    var r = s.send(HttpRequest.newBuilder(s.uri(path)).header("Cookie", session.cookie()).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }
}
