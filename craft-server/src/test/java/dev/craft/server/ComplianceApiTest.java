package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scope (Art. 2, 3, 69), classification and every route of Art. 32, support period (Art. 13(8)) and
 * retention (Art. 13(9), 13(13)) through the API.
 */
class ComplianceApiTest {
  static TestServer s;
  static String developer;
  static final AtomicInteger N = new AtomicInteger();

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    var r =
        s.postJson(
            "/api/v1/users",
            ADMIN_TOKEN,
            "{\"username\":\"dev\",\"role\":\"developer\",\"password\":\"password-dev-123\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    developer = Browserless.tokenFor(s, "dev", "password-dev-123");
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static long product(String type) {
    var r =
        s.postJson(
            "/api/v1/products",
            ADMIN_TOKEN,
            "{\"name\":\"Compliance product %d\",\"type\":\"%s\"}"
                .formatted(N.incrementAndGet(), type));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  static long release(long product, String version, String placed, String status) {
    String body =
        placed.isEmpty()
            ? "{\"version\":\"%s\",\"status\":\"%s\"}".formatted(version, status)
            : "{\"version\":\"%s\",\"releaseDate\":\"%s\",\"placedOnMarket\":\"%s\",\"status\":\"%s\"}"
                .formatted(version, placed, placed, status);
    var r = s.postJson("/api/v1/products/" + product + "/releases", ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  static JsonNode put(String path, String body, int status) {
    var r = s.putJson(path, ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json(r);
  }

  // --- scope ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}/{1} foss={2} commercial={3} placed={4} -> in scope {5} ({6})")
  @CsvSource(
      delimiter = '|',
      value = {
        "true  | none                | false | true  | 2028-01-10 | true  | Art. 71(2)",
        "true  | none                | false | true  | 2025-10-01 | true  | 69(3)",
        "true  | none                | false | true  |            | true  | not yet placed on the market",
        "false | none                | false | true  | 2026-01-01 | false | Art. 2(1): its intended purpose or reasonably foreseeable use includes no",
        "true  | medical_device      | false | true  | 2026-01-01 | false | Art. 2(2)(a)",
        "true  | in_vitro_diagnostic | false | true  | 2026-01-01 | false | Art. 2(2)(b)",
        "true  | motor_vehicle       | false | true  | 2026-01-01 | false | Art. 2(2)(c)",
        "true  | civil_aviation      | false | true  | 2026-01-01 | false | Art. 2(3)",
        "true  | marine_equipment    | false | true  | 2026-01-01 | false | Art. 2(4)",
        "true  | spare_part          | false | true  | 2026-01-01 | false | Art. 2(6)",
        "true  | national_security   | false | true  | 2026-01-01 | false | Art. 2(7)",
        "true  | none                | true  | false | 2026-01-01 | false | Art. 2(1), 3(22), 3(48)",
        "true  | none                | true  | true  | 2026-01-01 | true  | Art. 2(1): a product with digital elements"
      })
  void theScopeDecisionFollowsArticle2AndItsRationaleIsRecordedAndAudited(
      boolean connection,
      String exemption,
      boolean foss,
      boolean commercial,
      String placed,
      boolean inScope,
      String reason) {
    long id = product("software");
    String date = placed == null ? "null" : "\"" + placed + "\"";
    var body =
        """
        {"dataConnection":%s,"exemption":"%s","freeOpenSource":%s,"commercialActivity":%s,
         "placedOnMarket":%s,"rationale":"decided in the table test"}
        """
            .formatted(connection, exemption, foss, commercial, date);
    var saved = put("/api/v1/products/" + id + "/compliance/scope", body, 200);
    assertThat(saved.at("/decision/inScope").asBoolean()).isEqualTo(inScope);
    assertThat(saved.at("/decision/reasons").toString()).contains(reason);
    assertThat(saved.at("/decision/roleObligations").asText()).startsWith("Art. 13 and 14");
    var read = json(s.get("/api/v1/products/" + id + "/compliance/scope", ADMIN_TOKEN));
    assertThat(read.at("/scope/rationale").asText()).isEqualTo("decided in the table test");
    assertThat(read.get("decidedBy").asText()).isEqualTo("admin");
    var audit = json(s.get("/api/v1/audit/entries?limit=5", ADMIN_TOKEN)).toString();
    assertThat(audit).contains("compliance.scope.set");
  }

  @Test
  void aScopeWithoutRationaleIs400AndADeveloperMayNotRecordOne() {
    long id = product("software");
    var r =
        s.putJson(
            "/api/v1/products/" + id + "/compliance/scope",
            ADMIN_TOKEN,
            "{\"dataConnection\":true}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).startsWith("rationale");
    var forbidden =
        s.putJson(
            "/api/v1/products/" + id + "/compliance/scope",
            developer,
            "{\"dataConnection\":true,\"rationale\":\"x\"}");
    assertThat(forbidden.statusCode()).isIn(403, 404);
    assertThat(s.get("/api/v1/products/" + id + "/compliance/scope", ADMIN_TOKEN).statusCode())
        .isEqualTo(404);
  }

  // --- classification and Art. 32 ---------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1} standards={2} eucc={3} foss={4} -> {5} ({6})")
  @CsvSource(
      delimiter = '|',
      value = {
        "default      |           | none    | false | false | A B+C H EUCC | Art. 32(1)",
        "important-1  | III-I-12  | full    | false | false | A B+C H EUCC | Art. 32(1), 32(2)",
        "important-1  | III-I-12  | partial | false | false | B+C H        | Art. 32(2)",
        "important-1  | III-I-3   | none    | false | false | B+C H        | Art. 32(2)",
        "important-1  | III-I-11  | none    | false | true  | A B+C H EUCC | Art. 32(5)",
        "important-2  | III-II-2  | full    | false | false | B+C H EUCC   | Art. 32(3)",
        "important-2  | III-II-1  | none    | false | true  | A B+C H EUCC | Art. 32(5)",
        "critical     | IV-3      | none    | true  | false | EUCC         | Art. 32(4)(a), Art. 8(1)",
        "critical     | IV-3      | full    | false | false | B+C H EUCC   | Art. 32(4)(b), Art. 32(3)",
        "critical     | IV-1      | none    | false | true  | B+C H EUCC   | Art. 32(4)(b), Art. 32(3)"
      })
  void theRouteOfArticle32FollowsTheClassAndTheStandardsApplied(
      String productClass,
      String category,
      String standards,
      boolean eucc,
      boolean foss,
      String modules,
      String basis) {
    long id = product("software");
    String cat = category == null ? "null" : "\"" + category + "\"";
    var body =
        """
        {"productClass":"%s","annexCategory":%s,"coreFunctionality":"its core function",
         "standards":"%s","standardsReferences":"EN 18031-1:2024","euccRequired":%s,"fossPublicDocs":%s}
        """
            .formatted(productClass, cat, standards, eucc, foss);
    var saved = put("/api/v1/products/" + id + "/compliance/classification", body, 200);
    List<String> got = new ArrayList<>();
    saved.at("/route/modules").forEach(m -> got.add(m.asText()));
    assertThat(String.join(" ", got)).isEqualTo(modules);
    assertThat(saved.at("/route/basis").asText()).isEqualTo(basis);
    if (category != null) {
      assertThat(saved.at("/annexCategory/id").asText()).isEqualTo(category);
    }
    var overview = json(s.get("/api/v1/products/" + id + "/compliance", ADMIN_TOKEN));
    assertThat(overview.at("/route/basis").asText()).isEqualTo(basis);
    assertThat(overview.get("productClass").asText()).isEqualTo(productClass);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "module A is not allowed for class I with standards in part | {\"productClass\":\"important-1\",\"annexCategory\":\"III-I-12\",\"coreFunctionality\":\"routing\",\"standards\":\"partial\",\"standardsReferences\":\"EN 18031-1\",\"chosenModule\":\"A\"} | Art. 32(2) allows B+C, H",
        "a category must belong to the class (Art. 7(1))           | {\"productClass\":\"important-2\",\"annexCategory\":\"III-I-12\",\"coreFunctionality\":\"routing\"} | belongs to class important-1",
        "an Art. 8(1) certificate exists only for critical products  | {\"productClass\":\"important-1\",\"annexCategory\":\"III-I-12\",\"coreFunctionality\":\"routing\",\"euccRequired\":true} | Art. 8(1)",
        "the default class has no annex category                    | {\"productClass\":\"default\",\"annexCategory\":\"IV-1\",\"coreFunctionality\":\"x\"} | default class",
        "an important product needs its category                    | {\"productClass\":\"critical\",\"coreFunctionality\":\"x\"} | Art. 7(1), 8(1)",
        "standards applied must be named (Annex VII point 5)         | {\"productClass\":\"default\",\"coreFunctionality\":\"x\",\"standards\":\"full\"} | Annex VII"
      })
  void anInconsistentClassificationIs400NamingTheArticle(String why, String body, String detail) {
    long id = product("software");
    var r = s.putJson("/api/v1/products/" + id + "/compliance/classification", ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(why + ": " + r.body()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains(detail);
  }

  // --- support period and retention
  // ---------------------------------------------------------------

  @ParameterizedTest(name = "{0}..{1}, expected use {2} months -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-01-01 | 2031-01-01 | 72 |                         | 200 | 01/2031",
        "2026-01-01 | 2034-12-31 | 96 |                         | 200 | 12/2034",
        "2026-01-01 | 2030-12-31 | 72 |                         | 400 | at least five years",
        "2026-01-01 | 2029-01-01 | 36 |                         | 400 | shortPeriodJustification",
        "2026-01-01 | 2029-01-01 | 36 | battery lasts 3 years   | 200 | 01/2029",
        "2026-01-01 | 2028-01-01 | 36 | battery lasts 3 years   | 400 | expected use time of 36 months",
        "2026-01-01 | 2025-01-01 | 36 | x                       | 400 | before placing on the market"
      })
  void theSupportPeriodIsAtLeastFiveYearsUnlessTheExpectedUseIsShorter(
      String start, String end, int months, String justification, int status, String expected) {
    long id = product("hardware");
    var body =
        """
        {"start":"%s","end":"%s","expectedUseMonths":%d,"factors":"user expectations, similar products",
         "shortPeriodJustification":"%s"}
        """
            .formatted(start, end, months, justification == null ? "" : justification);
    var r = s.putJson("/api/v1/products/" + id + "/compliance/support-period", ADMIN_TOKEN, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    if (status == 200) {
      assertThat(json(r).get("endMonthYear").asText()).isEqualTo(expected);
      // Art. 13(13): 10 years after placing on the market or the support period, whichever is
      // longer; without a scope decision the start of the support period stands in.
      String tenYears = Integer.parseInt(start.substring(0, 4)) + 10 + start.substring(4);
      String later = end.compareTo(tenYears) > 0 ? end : tenYears;
      assertThat(json(r).at("/retention/documentationUntil").asText()).isEqualTo(later);
    } else {
      assertThat(json(r).get("detail").asText()).contains(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a planned release never placed on the market     | planned  |            |            | 204 | ",
        "a release placed on the market last year         | released | 2025-10-01 | 2032-12-31 | 409 | must be kept until 2035-10-01",
        "support beyond ten years holds it until its end  | released | 2025-10-01 | 2037-06-30 | 409 | must be kept until 2037-06-30",
        "a released version without a placing date        | released |            | 2032-12-31 | 409 | Art. 13(13)",
        "a release whose horizon has passed               | released | 2010-01-04 | 2015-12-31 | 204 | "
      })
  void deletingAReleaseBeforeItsRetentionHorizonIsRefusedWith409(
      String why, String status, String placed, String supportEnd, int code, String detail) {
    long id = product("software");
    long rid = release(id, "1.0." + N.incrementAndGet(), placed == null ? "" : placed, status);
    if (supportEnd != null) {
      String start = placed == null ? "2025-01-01" : placed;
      put(
          "/api/v1/products/" + id + "/compliance/support-period",
          """
          {"start":"%s","end":"%s","expectedUseMonths":60,"factors":"f"}
          """
              .formatted(start, supportEnd),
          200);
    }
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/products/" + id + "/releases/" + rid))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .DELETE());
    assertThat(r.statusCode()).as(why + ": " + r.body()).isEqualTo(code);
    if (code == 409) {
      assertThat(json(r).get("detail").asText()).contains(detail);
      assertThat(s.get("/api/v1/products/" + id + "/releases/" + rid, ADMIN_TOKEN).statusCode())
          .isEqualTo(200);
      // Archiving stays possible.
      var archived = s.postJson("/api/v1/products/" + id + "/archive", ADMIN_TOKEN, "{}");
      assertThat(archived.statusCode()).isEqualTo(200);
    } else {
      assertThat(s.get("/api/v1/products/" + id + "/releases/" + rid, ADMIN_TOKEN).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void theOverviewShowsKeyDatesAndPenaltyExposureWithTheirArticles() {
    long id = product("hardware");
    release(id, "1.0.0", "2026-03-01", "released");
    put(
        "/api/v1/products/" + id + "/compliance/support-period",
        "{\"start\":\"2026-03-01\",\"end\":\"2032-12-31\",\"expectedUseMonths\":80,\"factors\":\"f\"}",
        200);
    var o = json(s.get("/api/v1/products/" + id + "/compliance", ADMIN_TOKEN));
    assertThat(o.get("supportEndMonthYear").asText()).isEqualTo("12/2032");
    assertThat(o.get("documentationRetainedUntil").asText()).isEqualTo("2036-03-01");
    assertThat(o.get("keyDates").toString())
        .contains("2026-09-11")
        .contains("2027-12-11")
        .contains("Art. 13(13)");
    assertThat(o.get("penaltyExposure").toString())
        .contains("Art. 64(2)")
        .contains("15000000")
        .contains("Art. 64(10)(a)");
    assertThat(o.at("/completeness/complete").asBoolean()).isFalse();
  }
}
