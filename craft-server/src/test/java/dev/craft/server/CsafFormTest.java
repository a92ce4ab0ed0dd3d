package dev.craft.server;

import static dev.craft.server.Browserless.enc;
import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authoring pages through plain HTTP: form posts, CSRF, inline problems, revise, history. */
class CsafFormTest {
  static TestServer s;
  static Browserless.Session psirt;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of("demo", "true", "csaf.tracking-prefix", "UI"));
    CsafPublishingTest.lookup(s);
    psirt = Browserless.login(s, "psirt", DemoData.PASSWORD);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static HttpResponse<String> page(String path) {
    return s.send(HttpRequest.newBuilder(s.uri(path)).header("Cookie", psirt.cookie()).GET());
  }

  static HttpResponse<String> post(String path, String form, boolean csrf) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Cookie", psirt.cookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    (csrf ? "_csrf=" + enc(psirt.csrf()) + "&" : "") + form)));
  }

  static String form(String title, String notes) {
    long a = CsafPublishingTest.r410;
    long f = CsafPublishingTest.r420;
    return "product="
        + CsafPublishingTest.gateway
        + "&title="
        + enc(title)
        + "&tlp=CLEAR&summary="
        + enc("Pairing frames overflow a buffer.")
        + "&status_"
        + a
        + "=known_affected&status_"
        + f
        + "=fixed&cve=CVE-2024-0001&ids="
        + enc("GHSA-aaaa-bbbb-cccc, DEMO-2024-0001")
        + "&vulnTitle="
        + enc("Zigbee pairing overflow")
        + "&notes="
        + enc(notes)
        + "&cvssV3="
        + enc("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
        + "&cweId=CWE-787&cweName="
        + enc("Out-of-bounds Write")
        + "&rem_category=vendor_fix&rem_details="
        + enc("Update to 4.2.0.")
        + "&rem_url="
        + enc("https://nordlicht.example/4.2.0")
        + "&rem0_release="
        + a
        + "&rem_category=workaround&rem_details=&rem_url="
        + "&acknowledgements="
        + enc("Ada Researcher\nBob Fuzzer")
        + "&references="
        + enc("https://nordlicht.example/psirt/zigbee Vendor write-up");
  }

  @Test
  void anAdvisoryWrittenWithTheFormShowsItsProblemsInlineAndPublishes() {
    var refused = post("/csaf/new", form("No CSRF", ""), false);
    assertThat(refused.statusCode()).isIn(400, 403);

    var created = post("/csaf/new", form("Zigbee <b>overflow</b>", ""), true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String edit = created.headers().firstValue("Location").orElseThrow();
    assertThat(edit).matches("/csaf/UI-\\d{4}-\\d+/edit");
    String trackingId = edit.split("/")[2];

    String html = page(edit).body();
    assertThat(html)
        .contains("id=\"csaf-problems\"")
        .contains("6.1.27.5")
        .contains("data-test-id=\"6.1.27.5\"")
        .contains("value=\"Zigbee &lt;b>overflow&lt;/b>\"")
        .doesNotContain("<b>overflow")
        .contains("8.8 HIGH");
    var notPublished = post("/csaf/" + trackingId + "/publish", "", true);
    assertThat(notPublished.statusCode()).isEqualTo(400);
    assertThat(notPublished.body()).contains("6.1.27.5").contains("/vulnerabilities/0/notes");

    var saved = post(edit, form("Zigbee overflow", "Long pairing frames overflow."), true);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(page(edit).body()).contains("id=\"csaf-valid\"");
    JsonNode doc = advisory(trackingId).get("document");
    JsonNode v = doc.at("/vulnerabilities/0");
    assertThat(v.get("ids").findValuesAsText("text"))
        .containsExactly("GHSA-aaaa-bbbb-cccc", "DEMO-2024-0001");
    assertThat(v.at("/ids/0/system_name").asText()).isEqualTo("GitHub Security Advisory");
    assertThat(v.at("/cwe/name").asText()).isEqualTo("Out-of-bounds Write");
    assertThat(v.get("remediations")).hasSize(1);
    assertThat(v.at("/remediations/0/product_ids/0").asText())
        .isEqualTo("CRAFT-R" + CsafPublishingTest.r410);
    assertThat(v.at("/acknowledgements/0/names").toString())
        .isEqualTo("[\"Ada Researcher\",\"Bob Fuzzer\"]");
    assertThat(v.at("/references/0/summary").asText()).isEqualTo("Vendor write-up");
    assertThat(v.at("/product_status/fixed/0").asText())
        .isEqualTo("CRAFT-R" + CsafPublishingTest.r420);

    var published = post("/csaf/" + trackingId + "/publish", "", true);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
    assertThat(advisory(trackingId).get("status").asText()).isEqualTo("final");
    // A published advisory's edit page leads back to the advisory until it is revised.
    assertThat(page(edit).statusCode()).isEqualTo(303);
  }

  @Test
  void aRevisionIsStartedFromTheAdvisoryPageAndItsHistoryIsViewable() {
    var created = post("/csaf/new", form("Revised in the UI", "Frames overflow."), true);
    String trackingId = created.headers().firstValue("Location").orElseThrow().split("/")[2];
    assertThat(post("/csaf/" + trackingId + "/publish", "", true).statusCode()).isEqualTo(303);
    String v1 = s.get("/csaf/" + trackingId + "/revisions/1.json").body();
    assertThat(page("/csaf/" + trackingId).body()).contains("id=\"csaf-revise-form\"");

    var revise = post("/csaf/" + trackingId + "/revise", "summary=" + enc("Added CWE."), true);
    assertThat(revise.statusCode()).as(revise.body()).isEqualTo(303);
    String edit = "/csaf/" + trackingId + "/edit";
    String html = page(edit).body();
    assertThat(html).contains("revision 2").contains("value=\"Added CWE.\"");
    var saved =
        post(
            edit,
            form("Revised in the UI", "Frames overflow the pairing buffer.")
                + "&revisionSummary="
                + enc("Clarified the description."),
            true);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    // The public file is still revision 1 until the revision is published.
    assertThat(s.get("/csaf/" + trackingId).body()).doesNotContain("pairing buffer");
    assertThat(post("/csaf/" + trackingId + "/publish", "", true).statusCode()).isEqualTo(303);

    String publicPage = s.get("/csaf/" + trackingId).body();
    assertThat(publicPage)
        .contains("id=\"csaf-history\"")
        .contains("Clarified the description.")
        .contains("/csaf/" + trackingId + "/revisions/2.json")
        .doesNotContain("csaf-revise-form");
    assertThat(s.get("/csaf/" + trackingId + "/revisions/1.json").body()).isEqualTo(v1);
    JsonNode doc = json(s.get("/csaf/" + trackingId + "/revisions/2.json"));
    assertThat(doc.at("/document/tracking/version").asText()).isEqualTo("2");
    assertThat(doc.at("/vulnerabilities/0/notes/0/text").asText())
        .isEqualTo("Frames overflow the pairing buffer.");

    assertThat(post("/csaf/" + trackingId + "/revise", "summary=x", true).statusCode())
        .isEqualTo(303);
    assertThat(page(edit).body()).contains("Discard revision 3");
    assertThat(post("/csaf/" + trackingId + "/discard", "", true).statusCode()).isEqualTo(303);
    assertThat(page("/csaf/" + trackingId).body()).contains("id=\"csaf-revise-form\"");
  }

  @Test
  void theCvssFragmentComputesTheScoreAndOnlyThePsirtWrites() {
    assertThat(
            page("/csaf/cvss?cvssV3=" + enc("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).body())
        .isEqualTo("9.8 CRITICAL (CVSS 3.1)");
    assertThat(page("/csaf/cvss?cvssV3=" + enc("<script>")).body())
        .startsWith("not a valid vector")
        .doesNotContain("<script>");
    assertThat(page("/csaf/new").body()).contains("Nordlicht Home Gateway");
    var developer = Browserless.login(s, "developer", DemoData.PASSWORD);
    var forbidden =
        s.send(
            HttpRequest.newBuilder(s.uri("/csaf/new")).header("Cookie", developer.cookie()).GET());
    assertThat(forbidden.statusCode()).isEqualTo(403);
  }

  @Test
  void aCvdReportsCreditIsOfferedAsAcknowledgement() {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/public/reports"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"product\":\"Gateway\",\"affectedVersion\":\"4.1.0\",\"title\":\"Overflow\","
                            + "\"description\":\"Long frames\",\"creditAs\":\"Grace Hopper\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long report = json(r).get("id").asLong();
    assertThat(page("/csaf/new?report=" + report).body()).contains("name=\"report\"");
    assertThat(page("/csaf/new?report=" + report + "&product=" + CsafPublishingTest.gateway).body())
        .contains("Grace Hopper</textarea>");
  }

  private static JsonNode advisory(String trackingId) {
    for (JsonNode a : json(s.get("/api/v1/csaf/advisories", ADMIN_TOKEN)).get("items")) {
      if (a.get("trackingId").asText().equals(trackingId)) {
        return json(s.get("/api/v1/csaf/advisories/" + a.get("id").asLong(), ADMIN_TOKEN));
      }
    }
    throw new AssertionError("no advisory " + trackingId);
  }
}
