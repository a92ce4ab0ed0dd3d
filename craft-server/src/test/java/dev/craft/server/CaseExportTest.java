package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.CaseApiTest.create;
import static dev.craft.server.CaseApiTest.vulnerability;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON and PDF exports of a case and its Art. 14(8) notice to users. */
class CaseExportTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    CaseApiTest.start();
    s = CaseApiTest.s;
  }

  @AfterAll
  static void stop() {
    CaseApiTest.stop();
  }

  @Test
  void theExportsAreJsonAndAPdfThatParses() throws IOException, InterruptedException {
    var c =
        create(
            vulnerability(
                "2026-10-01T09:00:00Z",
                "Europe/Berlin",
                ",\"content\":{\"sensitivity\":\"Exploit path not public\"},\"pecGrounds\":[\"imminent_high_risk\"],\"delayRequested\":true"));
    long id = c.get("id").asLong();
    var exported = s.get("/api/v1/cases/" + id + "/export?format=json", ADMIN_TOKEN);
    assertThat(exported.statusCode()).isEqualTo(200);
    var srp = json(exported).get("srpForm");
    assertThat(srp.get(0).get("number").asText()).isEqualTo("1");
    assertThat(srp.findValuesAsText("value"))
        .contains("Auth bypass exploited in Router R1", "2026-10-01 09:00 UTC", "DE, FR", "4.2.1");

    var pdf =
        s.http.send(
            HttpRequest.newBuilder(s.uri("/api/v1/cases/" + id + "/export?format=pdf"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("application/pdf"));
    try (var doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(doc.getDocumentInformation().getTitle()).contains("Auth bypass exploited");
      assertThat(text)
          .contains("Art. 14 case " + id)
          .contains("Deadlines")
          .contains("early warning - Art. 14(2)(a)")
          .contains("Exploit path not public")
          .contains("Art. 16(2)(c)")
          .contains("v21 General information");
    }
    assertThat(s.get("/api/v1/cases/" + id + "/export?format=docx", ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theUserNoticeCarriesTheMitigations() {
    var c =
        create(
            vulnerability(
                "2026-10-01T09:00:00Z",
                "UTC",
                ",\"content\":{\"userMeasures\":\"Install 4.2.2 or block port 8443\",\"cveId\":\"CVE-2026-12345\"}"));
    long id = c.get("id").asLong();
    var notice = json(s.get("/api/v1/cases/" + id + "/notice", ADMIN_TOKEN));
    assertThat(notice.get("basis").asText()).contains("Art. 14(8)");
    assertThat(notice.get("kind").asText()).isEqualTo("vulnerability");
    assertThat(notice.get("userMeasures").asText()).isEqualTo("Install 4.2.2 or block port 8443");
    assertThat(notice.get("products").get(0).get("releases").get(0).get("version").asText())
        .isEqualTo("4.2.1");
    var html = s.get("/api/v1/cases/" + id + "/notice?format=html", ADMIN_TOKEN);
    assertThat(html.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/html"));
    assertThat(html.body()).contains("Install 4.2.2 or block port 8443").contains("CVE-2026-12345");
  }
}
