package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Triage decisions: scopes, re-opening, history, the inbox with priority and SLA, and the release
 * gate of Annex I Part I (2)(a).
 */
class TriageTest {
  static final String LOG4J = "GHSA-jfh8-c2jp-5v3q";
  static TestServer s;
  static String auditor;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    for (String[] u : new String[][] {{"taud", "auditor"}}) {
      var r =
          s.postJson(
              "/api/v1/users",
              ADMIN_TOKEN,
              "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"password-%s-123\"}"
                  .formatted(u[0], u[1], u[0]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    auditor = Browserless.tokenFor(s, "taud", "password-taud-123");
    for (String f : new String[] {"GHSA-jfh8-c2jp-5v3q.json", "PYSEC-2019-217.yaml"}) {
      var r = post("/api/v1/advisories/import?name=" + f, resource("/osv/" + f));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    String kev =
        "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,"
            + "dueDate,knownRansomwareCampaignUse,notes\n"
            + "CVE-2021-44228,Apache,Log4j2,Log4j2 RCE,2021-12-10,d,a,2021-12-24,Known,\n";
    assertThat(post("/api/v1/advisories/kev", kev.getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static byte[] resource(String path) {
    try (InputStream in = TriageTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> post(String path, byte[] body) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static long product(String name) {
    return json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"" + name + "\"}"))
        .get("id")
        .asLong();
  }

  /** A release with the findings SBOM (log4j at {@code log4jVersion}); returns its API path. */
  static String release(long product, String version, String log4jVersion) {
    var created =
        s.postJson(
            "/api/v1/products/" + product + "/releases",
            ADMIN_TOKEN,
            "{\"version\":\"" + version + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/api/v1/products/" + product + "/releases/" + json(created).get("id").asLong();
    upload(path, log4jVersion, false);
    return path;
  }

  static void upload(String release, String log4jVersion, boolean replace) {
    String sbom =
        new String(resource("/sbom/findings.cdx.json"), StandardCharsets.UTF_8)
            .replace("log4j-core@2.14.1", "log4j-core@" + log4jVersion)
            .replace("\"2.14.1\"", "\"" + log4jVersion + "\"");
    var r =
        post(
            release + "/sbom" + (replace ? "?replace=true" : ""),
            sbom.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  static JsonNode finding(String release, String vulnerability) {
    var r = s.get(release + "/findings", ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode f : json(r).get("items")) {
      if (f.get("vulnerability").asText().equals(vulnerability)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + vulnerability + " in " + r.body());
  }

  static HttpResponse<String> decide(long product, JsonNode finding, String token, String body) {
    return s.putJson(
        "/api/v1/products/" + product + "/findings/" + finding.get("id").asLong() + "/analysis",
        token,
        body);
  }

  static String state(String release, String vulnerability) {
    return finding(release, vulnerability).get("analysis").get("state").asText();
  }

  @Test
  void aDecisionForEveryReleaseAppliesToANewReleasesFinding() {
    long p = product("Triage All");
    String v1 = release(p, "1.0.0", "2.14.1");
    var r =
        decide(
            p,
            finding(v1, LOG4J),
            ADMIN_TOKEN,
            """
            {"state":"not_affected","justification":"code_not_reachable","scope":"product",
             "detail":"JNDI lookups disabled"}
            """);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String v2 = release(p, "1.1.0", "2.14.1");
    JsonNode analysis = finding(v2, LOG4J).get("analysis");
    assertThat(analysis.get("state").asText()).isEqualTo("not_affected");
    assertThat(analysis.get("justification").asText()).isEqualTo("code_not_reachable");
    assertThat(analysis.get("scope").asText()).isEqualTo("product");
    // The most specific scope wins: a decision for this release only overrides the product's.
    decide(p, finding(v2, LOG4J), ADMIN_TOKEN, "{\"state\":\"exploitable\",\"scope\":\"release\"}");
    assertThat(state(v2, LOG4J)).isEqualTo("exploitable");
    assertThat(state(v1, LOG4J)).isEqualTo("not_affected");
  }

  @Test
  void aRangeDecisionCoversTheReleasesInsideTheRangeIncludingNewOnes() {
    long p = product("Triage Range");
    String v1 = release(p, "1.0.0", "2.14.1");
    String v2 = release(p, "2.0.0", "2.14.1");
    String v3 = release(p, "3.0.0", "2.14.1");
    var r =
        decide(
            p,
            finding(v2, LOG4J),
            ADMIN_TOKEN,
            "{\"state\":\"false_positive\",\"scope\":\"range\",\"from\":\"1.5\",\"to\":\"2.5\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String v21 = release(p, "2.1.0", "2.14.1");
    assertThat(state(v2, LOG4J)).isEqualTo("false_positive");
    assertThat(state(v21, LOG4J)).isEqualTo("false_positive");
    assertThat(state(v1, LOG4J)).isEqualTo("in_triage");
    assertThat(state(v3, LOG4J)).isEqualTo("in_triage");
  }

  @Test
  void aNewSbomWithAnotherComponentVersionReopensTheDecisionAndTheHistoryIsAudited() {
    long p = product("Triage Reopen");
    String v1 = release(p, "1.0.0", "2.14.1");
    JsonNode f = finding(v1, LOG4J);
    decide(p, f, ADMIN_TOKEN, "{\"state\":\"exploitable\",\"assignee\":\"alice\"}");
    decide(
        p,
        f,
        ADMIN_TOKEN,
        "{\"state\":\"resolved\",\"response\":[\"update\"],\"comment\":\"patched config\"}");
    upload(v1, "2.14.0", true);
    JsonNode reopened = finding(v1, LOG4J);
    assertThat(reopened.get("analysis").get("state").asText()).isEqualTo("in_triage");
    assertThat(reopened.get("analysis").get("response")).isEmpty();

    var h =
        s.get(
            "/api/v1/products/"
                + p
                + "/findings/"
                + reopened.get("id").asLong()
                + "/analysis/history",
            ADMIN_TOKEN);
    assertThat(h.statusCode()).as(h.body()).isEqualTo(200);
    JsonNode items = json(h).get("items");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).get("state").asText()).isEqualTo("exploitable");
    assertThat(items.get(0).get("actor").asText()).isEqualTo("admin");
    assertThat(items.get(1).get("comment").asText()).isEqualTo("patched config");
    assertThat(items.get(2).get("event").asText()).isEqualTo("reopened");
    assertThat(items.get(2).get("comment").asText())
        .isEqualTo("component version changed from 2.14.1 to 2.14.0");
    String audit = s.get("/api/v1/audit/entries?limit=200", ADMIN_TOKEN).body();
    assertThat(audit).contains("triage.decide").contains("triage.reopen");
  }

  @Test
  void anUpdatedAdvisoryReopensTheDecision() {
    long p = product("Triage Advisory");
    String v1 = release(p, "1.0.0", "2.14.1");
    decide(p, finding(v1, "PYSEC-2019-217"), ADMIN_TOKEN, "{\"state\":\"exploitable\"}");
    String yaml = new String(resource("/osv/PYSEC-2019-217.yaml"), StandardCharsets.UTF_8);
    String changed = yaml.replaceFirst("modified: *[^\\n]*", "modified: '2030-01-01T00:00:00Z'");
    assertThat(changed).isNotEqualTo(yaml);
    var r =
        post(
            "/api/v1/advisories/import?name=PYSEC-2019-217.yaml",
            changed.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(state(v1, "PYSEC-2019-217")).isEqualTo("in_triage");
  }

  @Test
  void notAffectedNeedsAJustificationAndAnAuditorMayNotDecide() {
    long p = product("Triage Rules");
    JsonNode f = finding(release(p, "1.0.0", "2.14.1"), LOG4J);
    assertThat(decide(p, f, ADMIN_TOKEN, "{\"state\":\"not_affected\"}").statusCode())
        .isEqualTo(400);
    assertThat(decide(p, f, ADMIN_TOKEN, "{\"state\":\"nonsense\"}").statusCode()).isEqualTo(400);
    assertThat(decide(p, f, auditor, "{\"state\":\"exploitable\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void theInboxIsSortedByKevThenCvssThenEpssAndPaged() {
    long p = product("Triage Inbox");
    release(p, "1.0.0", "2.14.1");
    List<JsonNode> all = new ArrayList<>();
    long total = -1;
    for (int offset = 0; offset < 10_000; offset += 2) {
      var r = s.get("/api/v1/findings?limit=2&offset=" + offset, ADMIN_TOKEN);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = json(r);
      total = page.get("total").asLong();
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(all::add);
      if (page.get("items").size() < 2) {
        break;
      }
    }
    assertThat(all).hasSize((int) total).hasSizeGreaterThan(2);
    for (int i = 1; i < all.size(); i++) {
      JsonNode a = all.get(i - 1);
      JsonNode b = all.get(i);
      int byKev = Boolean.compare(b.get("kev").asBoolean(), a.get("kev").asBoolean());
      assertThat(byKev).as("KEV first at " + i).isLessThanOrEqualTo(0);
      if (byKev == 0) {
        assertThat(a.get("cvss").asDouble()).isGreaterThanOrEqualTo(b.get("cvss").asDouble());
      }
    }
    JsonNode first = all.get(0);
    assertThat(first.get("kev").asBoolean()).isTrue();
    assertThat(first.get("analysis").get("priority").asText()).isEqualTo("critical");
    // Critical: due 7 days (triage.sla-critical) after the finding was first seen.
    assertThat(
            Duration.between(
                Instant.parse(first.get("firstSeenAt").asText()),
                Instant.parse(first.get("analysis").get("dueAt").asText())))
        .isEqualTo(Duration.ofDays(7));
    var exploitable = json(s.get("/api/v1/findings?state=exploitable&limit=500", ADMIN_TOKEN));
    exploitable
        .get("items")
        .forEach(i -> assertThat(i.get("analysis").get("state").asText()).isEqualTo("exploitable"));
    assertThat(s.get("/api/v1/findings?state=bogus", ADMIN_TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void theReleasePageFormRecordsADecisionAndTheInboxPageShowsIt() {
    long p = product("Triage Pages");
    String v1 = release(p, "1.0.0", "2.14.1");
    JsonNode f = finding(v1, LOG4J);
    var session = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
    String page = v1.replace("/api/v1", "");
    var html = s.send(HttpRequest.newBuilder(s.uri(page)).header("Cookie", session.cookie()).GET());
    assertThat(html.body()).contains("triage-form").contains("blocks release");
    String form =
        "_csrf="
            + Browserless.enc(session.csrf())
            + "&state=not_affected&justification=requires_configuration&response=&detail=x"
            + "&scope=release&from=&to=";
    var posted =
        s.send(
            HttpRequest.newBuilder(s.uri(page + "/findings/" + f.get("id").asLong() + "/analysis"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    assertThat(state(v1, LOG4J)).isEqualTo("not_affected");
    var inbox =
        s.send(
            HttpRequest.newBuilder(s.uri("/inbox?state=not_affected"))
                .header("Cookie", session.cookie())
                .GET());
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("Triage Pages 1.0.0").contains(LOG4J);
  }

  @Test
  void theSlaIsOverdueAfterItsWindowAndMetOnceDecided() {
    Instant due = Instant.parse("2026-01-08T00:00:00Z");
    Duration soon = Duration.ofDays(3);
    assertThat(TriageView.slaState("in_triage", due, soon, due.plusSeconds(1)))
        .isEqualTo("overdue");
    assertThat(TriageView.slaState("exploitable", due, soon, due.minus(Duration.ofDays(1))))
        .isEqualTo("due-soon");
    assertThat(TriageView.slaState("in_triage", due, soon, due.minus(Duration.ofDays(5))))
        .isEqualTo("on-track");
    assertThat(TriageView.slaState("not_affected", due, soon, due.plusSeconds(1))).isEqualTo("met");
    assertThat(TriagePriority.of(true, 0, -1)).isEqualTo(TriagePriority.CRITICAL);
    assertThat(TriagePriority.of(false, 9.8, -1)).isEqualTo(TriagePriority.CRITICAL);
    assertThat(TriagePriority.of(false, 5.0, 0.5)).isEqualTo(TriagePriority.HIGH);
    assertThat(TriagePriority.of(false, 5.0, 0.01)).isEqualTo(TriagePriority.MEDIUM);
    assertThat(TriagePriority.of(false, 0, -1)).isEqualTo(TriagePriority.MEDIUM);
    assertThat(TriagePriority.of(false, 3.1, 0.01)).isEqualTo(TriagePriority.LOW);
    // Product context: important class II and critical products are one level higher.
    assertThat(TriagePriority.of(false, 5.0, 0.01, "critical")).isEqualTo(TriagePriority.HIGH);
    assertThat(TriagePriority.of(false, 3.1, 0.01, "important-2")).isEqualTo(TriagePriority.MEDIUM);
    assertThat(TriagePriority.of(false, 7.5, 0.01, "important-2"))
        .isEqualTo(TriagePriority.CRITICAL);
    assertThat(TriagePriority.of(true, 0, -1, "critical")).isEqualTo(TriagePriority.CRITICAL);
    assertThat(TriagePriority.of(false, 5.0, 0.01, "important-1")).isEqualTo(TriagePriority.MEDIUM);
    assertThat(TriagePriority.of(false, 5.0, 0.01, "default")).isEqualTo(TriagePriority.MEDIUM);
  }

  @Test
  void aCriticalProductsFindingsArePrioritisedOneLevelHigher() {
    long p = product("Triage Critical Class");
    String v1 = release(p, "1.0.0", "2.14.1");
    assertThat(finding(v1, "PYSEC-2019-217").at("/analysis/priority").asText()).isEqualTo("medium");
    var classified =
        s.putJson(
            "/api/v1/products/" + p + "/compliance/classification",
            ADMIN_TOKEN,
            """
            {"productClass":"critical","annexCategory":"IV-1","coreFunctionality":"a smart meter gateway",
             "standards":"none","standardsReferences":"","euccRequired":false,"fossPublicDocs":false}
            """);
    assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
    assertThat(finding(v1, "PYSEC-2019-217").at("/analysis/priority").asText()).isEqualTo("high");
  }

  @Test
  void aBulkDecisionChecksEveryFindingFirstThenDecidesEachWithItsOwnHistory() {
    long p = product("Triage Bulk");
    String v1 = release(p, "1.0.0", "2.14.1");
    String v2 = release(p, "2.0.0", "2.14.1");
    long other = product("Triage Bulk Other");
    String foreign = release(other, "1.0.0", "2.14.1");
    long a = finding(v1, "PYSEC-2019-217").get("id").asLong();
    long b = finding(v2, "PYSEC-2019-217").get("id").asLong();
    long c = finding(foreign, "PYSEC-2019-217").get("id").asLong();
    String bulk = "/api/v1/products/" + p + "/findings/analysis";
    String decision =
        "\"state\":\"not_affected\",\"justification\":\"code_not_reachable\",\"comment\":\"bulk\"";

    // Another product's finding: nothing is decided, not even the valid ones.
    var r = s.postJson(bulk, ADMIN_TOKEN, "{\"findings\":[" + a + "," + c + "]," + decision + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(state(v1, "PYSEC-2019-217")).isEqualTo("in_triage");
    // An invalid decision (not_affected needs a justification) changes nothing either.
    r =
        s.postJson(
            bulk, ADMIN_TOKEN, "{\"findings\":[" + a + "," + b + "],\"state\":\"not_affected\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(state(v1, "PYSEC-2019-217")).isEqualTo("in_triage");
    assertThat(s.postJson(bulk, ADMIN_TOKEN, "{\"findings\":[]," + decision + "}").statusCode())
        .isEqualTo(400);
    assertThat(
            s.postJson(bulk, auditor, "{\"findings\":[" + a + "]," + decision + "}").statusCode())
        .isEqualTo(403);

    r = s.postJson(bulk, ADMIN_TOKEN, "{\"findings\":[" + a + "," + b + "]," + decision + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("updated").asInt()).isEqualTo(2);
    assertThat(state(v1, "PYSEC-2019-217")).isEqualTo("not_affected");
    assertThat(state(v2, "PYSEC-2019-217")).isEqualTo("not_affected");
    assertThat(state(foreign, "PYSEC-2019-217")).isEqualTo("in_triage");
    for (long id : new long[] {a, b}) {
      var history =
          json(
              s.get(
                  "/api/v1/products/" + p + "/findings/" + id + "/analysis/history", ADMIN_TOKEN));
      assertThat(history.get("items").toString()).contains("bulk").contains("not_affected");
    }
    // The inbox filtered to the product lists its findings only.
    var inbox = json(s.get("/api/v1/findings?product=" + p + "&limit=500", ADMIN_TOKEN));
    assertThat(inbox.get("total").asLong()).isGreaterThanOrEqualTo(4);
    for (JsonNode f : inbox.get("items")) {
      assertThat(f.get("productId").asLong()).isEqualTo(p);
    }
  }

  @Test
  void theGateBlocksAReleaseWithAnUnmitigatedKevFindingAndClearsAfterAMitigation() {
    long p = product("Triage Gate");
    String v1 = release(p, "1.0.0", "2.14.1");
    JsonNode gate = json(s.get(v1 + "/gate", ADMIN_TOKEN));
    assertThat(gate.get("verdict").asText()).isEqualTo("blocked");
    assertThat(gate.get("blocking").toString()).contains(LOG4J);
    assertThat(gate.get("blocking").toString()).doesNotContain("PYSEC-2019-217");

    var refused = s.putJson(v1, ADMIN_TOKEN, "{\"version\":\"1.0.0\",\"status\":\"released\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains(LOG4J).contains("Annex I Part I (2)(a)");
    var placed =
        s.putJson(v1, ADMIN_TOKEN, "{\"version\":\"1.0.0\",\"placedOnMarket\":\"2026-01-01\"}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(409);

    decide(
        p,
        finding(v1, LOG4J),
        ADMIN_TOKEN,
        "{\"state\":\"in_triage\",\"response\":[\"workaround_available\"]}");
    assertThat(json(s.get(v1 + "/gate", ADMIN_TOKEN)).get("verdict").asText()).isEqualTo("clear");
    var released = s.putJson(v1, ADMIN_TOKEN, "{\"version\":\"1.0.0\",\"status\":\"released\"}");
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);

    // An exploitable finding blocks even without KEV.
    String v2 = release(p, "2.0.0", "2.14.1");
    decide(p, finding(v2, LOG4J), ADMIN_TOKEN, "{\"state\":\"resolved\"}");
    decide(p, finding(v2, "PYSEC-2019-217"), ADMIN_TOKEN, "{\"state\":\"exploitable\"}");
    JsonNode g2 = json(s.get(v2 + "/gate", ADMIN_TOKEN));
    assertThat(g2.get("verdict").asText()).isEqualTo("blocked");
    assertThat(g2.get("blocking").toString()).contains("PYSEC-2019-217").doesNotContain(LOG4J);
  }
}
