package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Art. 14 cases through the HTTP API, on a real server and database. */
class CaseApiTest {
  static TestServer s;
  static long productId;
  static long releaseId;
  static String developer;
  static String auditor;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    var product =
        json(
            s.postJson(
                "/api/v1/products",
                ADMIN_TOKEN,
                "{\"name\":\"Router R1\",\"type\":\"hardware\",\"securityContact\":\"psirt@r1.example\"}"));
    productId = product.get("id").asLong();
    releaseId =
        json(s.postJson(
                "/api/v1/products/" + productId + "/releases",
                ADMIN_TOKEN,
                "{\"version\":\"4.2.1\",\"status\":\"released\"}"))
            .get("id")
            .asLong();
    for (String[] u : new String[][] {{"dev", "developer"}, {"aud", "auditor"}}) {
      var r =
          s.postJson(
              "/api/v1/users",
              ADMIN_TOKEN,
              "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"password-%s-123\"}"
                  .formatted(u[0], u[1], u[0]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    developer = Browserless.tokenFor(s, "dev", "password-dev-123");
    auditor = Browserless.tokenFor(s, "aud", "password-aud-123");
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static String vulnerability(String awareAt, String zone, String extra) {
    return """
        {"kind":"vulnerability","title":"Auth bypass exploited in Router R1","awareAt":"%s","zone":"%s",
         "summary":"An authentication bypass in Router R1 4.2.1 is exploited in the wild",
         "determination":"Customer honeypot shows exploitation without the owner's permission",
         "evidence":[{"description":"honeypot capture","reference":"https://tickets.example/42"}],
         "signals":[{"source":"kev","value":"listed"}],
         "products":[{"productId":%d,"releaseIds":[%d]}],
         "memberStates":["DE","FR"],"manufacturer":"Example GmbH"%s}
        """
        .formatted(awareAt, zone, productId, releaseId, extra);
  }

  static String incident(String awareAt, String zone) {
    return """
        {"kind":"incident","title":"Update server compromised","awareAt":"%s","zone":"%s",
         "determination":"Malicious code shipped through the update channel",
         "severityCriteria":["malicious_code"],"memberStates":["NL"],
         "content":{"maliciousSuspected":"yes"}}
        """
        .formatted(awareAt, zone);
  }

  static JsonNode create(String body) {
    var r = s.postJson("/api/v1/cases", ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.startsWith("/api/v1/cases/"));
    return json(r);
  }

  static JsonNode submit(long id, String stage, String at, String extra) {
    var r =
        s.postJson(
            "/api/v1/cases/" + id + "/submissions",
            ADMIN_TOKEN,
            "{\"stage\":\"%s\",\"submittedAt\":\"%s\",\"reference\":\"SRP-%s\"%s}"
                .formatted(stage, at, stage, extra));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("case");
  }

  static JsonNode deadline(JsonNode c, String key) {
    for (JsonNode d : c.get("deadlines")) {
      if (d.get("key").asText().equals(key)) {
        return d;
      }
    }
    throw new AssertionError("no deadline " + key + " in " + c.get("deadlines"));
  }

  static JsonNode put(long id, String body) {
    var r = s.putJson("/api/v1/cases/" + id, ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  @Test
  void aVulnerabilityGoesThroughEveryStage() {
    var c = create(vulnerability("2026-10-01T09:00:00Z", "UTC", ""));
    long id = c.get("id").asLong();
    assertThat(c.get("decidedBy").asText()).isEqualTo("admin");
    assertThat(deadline(c, "earlyWarning").get("due").asText()).isEqualTo("2026-10-02T09:00:00Z");
    assertThat(deadline(c, "notification").get("due").asText()).isEqualTo("2026-10-04T09:00:00Z");
    assertThat(deadline(c, "finalReport").get("state").asText()).isEqualTo("no_deadline_yet");
    assertThat(deadline(c, "earlyWarning").get("state").asText()).isEqualTo("overdue");

    c = submit(id, "early_warning", "2026-10-02T08:00:00Z", "");
    assertThat(deadline(c, "earlyWarning").get("state").asText()).isEqualTo("submitted");
    assertThat(deadline(c, "earlyWarning").get("late").asBoolean()).isFalse();

    c =
        put(
            id,
            "{\"content\":{\"generalInformation\":\"An authentication bypass in the web UI\"}}");
    c = submit(id, "notification", "2026-10-04T10:00:00Z", "");
    assertThat(deadline(c, "notification").get("late").asBoolean()).isTrue();

    c = put(id, "{\"measureAvailableAt\":\"2026-10-20T12:00:00Z\"}");
    assertThat(deadline(c, "finalReport").get("due").asText()).isEqualTo("2026-11-03T12:00:00Z");
    c =
        put(
            id,
            """
            {"content":{"measuresTaken":"Patched","userMeasures":"Install 4.2.2","updateDetails":"Release 4.2.2",
             "severity":"High","impact":"Remote admin access","maliciousActor":"unknown actor"}}
            """);
    assertThat(readiness(c, "final_report").get("ready").asBoolean()).isTrue();
    c = submit(id, "final_report", "2026-10-25T12:00:00Z", "");
    for (JsonNode d : c.get("deadlines")) {
      assertThat(d.get("state").asText()).as(d.toString()).isEqualTo("submitted");
    }
    assertThat(c.get("submissions")).hasSize(3);
    assertThat(c.get("submissions").get(2).get("sent").get("updateDetails").asText())
        .isEqualTo("Release 4.2.2");
    assertThat(c.get("nextDeadline").isNull()).isTrue();
  }

  static JsonNode readiness(JsonNode c, String stage) {
    for (JsonNode r : c.get("readiness")) {
      if (r.get("stage").asText().equals(stage)) {
        return r;
      }
    }
    throw new AssertionError("no readiness for " + stage);
  }

  @Test
  void theFormSaysWhatEachStageStillNeedsAndEnforcesTheSrpLimits() {
    var c = create(vulnerability("2026-10-01T09:00:00Z", "UTC", ""));
    var notification = readiness(c, "notification");
    assertThat(notification.get("ready").asBoolean()).isFalse();
    assertThat(notification.get("issues").toString())
        .contains("v21")
        .contains("General information");
    assertThat(readiness(c, "early_warning").get("ready").asBoolean()).isTrue();
    c =
        put(
            c.get("id").asLong(),
            "{\"content\":{\"generalInformation\":\"" + "x".repeat(4001) + "\"}}");
    assertThat(readiness(c, "notification").get("issues").toString())
        .contains("4001 characters; the SRP accepts at most 4000");
    var tooLong =
        s.postJson(
            "/api/v1/cases",
            ADMIN_TOKEN,
            vulnerability("2026-10-01T09:00:00Z", "UTC", ",\"title\":\"" + "t".repeat(256) + "\""));
    assertThat(tooLong.statusCode()).isEqualTo(400);
  }

  @Test
  void aVulnerabilityNeedsReliableEvidenceNotJustSignals() {
    String body =
        """
        {"kind":"vulnerability","title":"KEV says so","awareAt":"2026-10-01T09:00:00Z",
         "determination":"listed in KEV","signals":[{"source":"kev","value":"listed"}]}
        """;
    var r = s.postJson("/api/v1/cases", ADMIN_TOKEN, body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("Art. 3(42)").contains("signals");
  }

  @Test
  void anIncidentIsReportableOnlyWithAnArticle14_5Criterion() {
    var r =
        s.postJson(
            "/api/v1/cases",
            ADMIN_TOKEN,
            incident("2026-10-01T09:00:00Z", "UTC").replace("[\"malicious_code\"]", "[]"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("Art. 14(5)");
  }

  /**
   * The clocks of core seen through the API: exact hours, calendar days and months in the case's
   * zone.
   */
  @ParameterizedTest(name = "{0} in {1}: {2} {3} → {4} due {5}")
  @CsvSource({
    // early warning and notification are exact hours, also across the start of summer time
    "vulnerability, Europe/Berlin, aware, 2026-03-28T12:00:00Z, earlyWarning, 2026-03-29T12:00:00Z",
    "vulnerability, Europe/Berlin, aware, 2026-03-28T12:00:00Z, notification, 2026-03-31T12:00:00Z",
    // 14 calendar days keep the local time of day: one hour less in UTC across the change to CEST
    "vulnerability, Europe/Berlin, measure, 2026-03-20T12:00:00Z, finalReport, 2026-04-03T11:00:00Z",
    "vulnerability, UTC, measure, 2026-03-20T12:00:00Z, finalReport, 2026-04-03T12:00:00Z",
    "vulnerability, Europe/Berlin, measure, 2026-10-20T09:00:00Z, finalReport, 2026-11-03T10:00:00Z",
    // one month after the notification; a missing day becomes the month's last day
    // (submissions cannot lie in the future, so these month ends are in the past)
    "incident, Europe/Berlin, notification, 2026-01-31T09:00:00Z, finalReport, 2026-02-28T09:00:00Z",
    "incident, UTC, notification, 2024-01-31T12:00:00Z, finalReport, 2024-02-29T12:00:00Z",
    "incident, Europe/Berlin, notification, 2025-10-15T08:00:00Z, finalReport, 2025-11-15T09:00:00Z",
    "incident, America/New_York, notification, 2025-10-31T03:30:00Z, finalReport, 2025-12-01T04:30:00Z",
  })
  void deadlinesFollowCoreClocksThroughTheApi(
      String kind, String zone, String event, String at, String key, String due) {
    Instant t0 =
        event.equals("aware") ? Instant.parse(at) : Instant.parse(at).minus(2, ChronoUnit.DAYS);
    var c =
        create(
            kind.equals("vulnerability")
                ? vulnerability(t0.toString(), zone, "")
                : incident(t0.toString(), zone));
    long id = c.get("id").asLong();
    switch (event) {
      case "measure" -> c = put(id, "{\"measureAvailableAt\":\"" + at + "\"}");
      case "notification" -> c = submit(id, "notification", at, "");
      default -> {}
    }
    assertThat(deadline(c, key).get("due").asText()).isEqualTo(due);
  }

  @Test
  void anIntermediateReportHasTheDueDateTheCoordinatorSet() {
    var c = create(incident("2026-10-01T09:00:00Z", "UTC"));
    long id = c.get("id").asLong();
    var r =
        s.postJson(
            "/api/v1/cases/" + id + "/intermediate-requests",
            ADMIN_TOKEN,
            "{\"requestedAt\":\"2026-10-05T09:00:00Z\",\"dueAt\":\"2026-10-08T17:00:00Z\",\"requestedBy\":\"NCSC-NL\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long requestId = json(r).get("id").asLong();
    c = json(s.get("/api/v1/cases/" + id, ADMIN_TOKEN));
    var d = deadline(c, "intermediate-" + requestId);
    assertThat(d.get("due").asText()).isEqualTo("2026-10-08T17:00:00Z");
    assertThat(d.get("basis").asText()).isEqualTo("Art. 14(6)");
    var noRequest =
        s.postJson(
            "/api/v1/cases/" + id + "/submissions",
            ADMIN_TOKEN,
            "{\"stage\":\"intermediate\",\"submittedAt\":\"2026-10-07T09:00:00Z\"}");
    assertThat(noRequest.statusCode()).isEqualTo(400);
    c = submit(id, "intermediate", "2026-10-07T09:00:00Z", ",\"requestId\":" + requestId);
    assertThat(deadline(c, "intermediate-" + requestId).get("state").asText())
        .isEqualTo("submitted");
  }

  @Test
  void theCoordinatorFollowsArticle14_7AndTheSmallEnterpriseCarveOutIsShown() {
    var c =
        create(
            vulnerability(
                "2026-10-01T09:00:00Z",
                "UTC",
                ",\"enterpriseSize\":\"micro\",\"routing\":{\"mostEmployeesIn\":\"AT\",\"importerIn\":\"IT\"}"));
    assertThat(c.get("coordinator").get("state").asText()).isEqualTo("AT");
    assertThat(c.get("coordinator").get("csirt").get("verified").asBoolean()).isFalse();
    assertThat(c.get("smallEnterpriseCarveOut").asText())
        .contains("Art. 64(10)(a)")
        .contains("remains");
    assertThat(deadline(c, "earlyWarning").get("note").asText()).contains("Art. 64(10)(a)");
    c = put(c.get("id").asLong(), "{\"routing\":{\"importerIn\":\"IT\",\"mostUsersIn\":\"ES\"}}");
    assertThat(c.get("coordinator").get("state").asText()).isEqualTo("IT");
    assertThat(c.get("coordinator").get("basis").asText()).contains("point (b)");
  }

  @Test
  void theListPutsOverdueCasesFirstAndTheCalendarIsInDueOrder() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long later =
        create(vulnerability(now.minus(1, ChronoUnit.HOURS).toString(), "UTC", ""))
            .get("id")
            .asLong();
    long overdue =
        create(vulnerability(now.minus(30, ChronoUnit.HOURS).toString(), "UTC", ""))
            .get("id")
            .asLong();
    var items = json(s.get("/api/v1/cases", ADMIN_TOKEN)).get("items");
    List<Long> order = new ArrayList<>();
    items.forEach(i -> order.add(i.get("id").asLong()));
    assertThat(order.indexOf(overdue)).isLessThan(order.indexOf(later));
    assertThat(items.get(0).get("nextDeadline").get("state").asText()).isEqualTo("overdue");

    var calendar =
        json(s.get("/api/v1/deadlines?from=" + now.minus(40, ChronoUnit.HOURS), ADMIN_TOKEN))
            .get("items");
    List<String> dues = new ArrayList<>();
    calendar.forEach(i -> dues.add(i.get("due").asText()));
    assertThat(dues).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
    assertThat(calendar.findValuesAsText("caseId"))
        .contains(Long.toString(later), Long.toString(overdue));
  }

  @Test
  void rolesAreEnforced() {
    var c = create(vulnerability("2026-10-01T09:00:00Z", "UTC", ""));
    long id = c.get("id").asLong();
    assertThat(
            s.postJson("/api/v1/cases", developer, vulnerability("2026-10-01T09:00:00Z", "UTC", ""))
                .statusCode())
        .isEqualTo(403);
    assertThat(s.get("/api/v1/cases/" + id, auditor).statusCode()).isEqualTo(200);
    assertThat(s.putJson("/api/v1/cases/" + id, auditor, "{\"title\":\"x\"}").statusCode())
        .isEqualTo(403);
    // The developer is in no team of the product, so the case does not exist for them.
    assertThat(s.get("/api/v1/cases/" + id, developer).statusCode()).isEqualTo(404);
    assertThat(s.get("/api/v1/cases/999999", ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void theReferenceDataIsServed() {
    var fields = json(s.get("/api/v1/art14/srp-fields", ADMIN_TOKEN)).get("items");
    assertThat(fields.findValuesAsText("number")).contains("1", "v21", "i39");
    var csirts = json(s.get("/api/v1/art14/coordinators", ADMIN_TOKEN));
    assertThat(csirts.get("items")).hasSize(27);
    assertThat(csirts.get("source").asText()).contains("not verified");
  }
}
