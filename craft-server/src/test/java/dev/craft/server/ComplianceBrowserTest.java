package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A compliance officer walks through the wizard for a new product, records a risk assessment, and
 * downloads the EU declaration of conformity as HTML and PDF.
 */
class ComplianceBrowserTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void fillInAProductsComplianceRecordsAndDownloadItsDeclaration() throws Exception {
    var created =
        s.postJson(
            "/api/v1/products",
            ADMIN_TOKEN,
            "{\"name\":\"Wizard Thermostat\",\"type\":\"hardware\",\"intendedPurpose\":\"Heating control\","
                + "\"securityContact\":\"psirt@thermo.example\"}");
    long id = json(created).get("id").asLong();
    s.postJson(
        "/api/v1/products/" + id + "/releases",
        ADMIN_TOKEN,
        "{\"version\":\"2.0.0\",\"releaseDate\":\"2026-10-01\",\"placedOnMarket\":\"2026-10-01\",\"status\":\"released\"}");

    try (var b = Browser.open(s.server.port())) {
      b.signIn("admin", TestServer.ADMIN_PASSWORD);
      b.go("/products/" + id);
      b.find("#compliance-link").click();
      b.waitForText("#compliance-title", "Wizard Thermostat");
      assertThat(b.find("#missing-items").getText()).contains("Annex V, point 2");
      b.find("#start-wizard").click();

      // Step 1: scope (Art. 2)
      b.find("#dataConnection").click();
      b.find("#commercialActivity").click();
      setDate(b, "#placedOnMarket", "2026-10-01");
      b.type("#rationale", "Connected thermostat sold to consumers; no Art. 2 exclusion.");
      b.find("#save-next").click();

      // Step 2: class and route (Art. 7, 32)
      b.waitFor("#classification-form");
      b.type("#coreFunctionality", "Controls room heating");
      new Select(b.find("#chosenModule")).selectByValue("A");
      b.find("#save-next").click();

      // Step 3: support period (Art. 13(8))
      b.waitFor("#support-form");
      setDate(b, "#support-start", "2026-10-01");
      setDate(b, "#support-end-input", "2032-12-31");
      b.type("#expectedUseMonths", "84");
      b.type("#factors", "Thermostats stay installed 7 years or more.");
      b.find("#save-next").click();

      // Step 4: documentation facts (Annexes II, V, VII)
      b.waitFor("#documentation-form");
      b.type("#field-manufacturerName", "Thermo Werke AG");
      b.type("#field-manufacturerAddress", "Ringstrasse 1, 1010 Wien, Austria");
      b.type("#field-signatoryName", "Anna Example");
      b.type("#field-signatoryFunction", "Managing Director");
      b.type("#field-placeOfIssue", "Wien");
      b.type("#field-declarationUrl", "https://thermo.example/doc");
      b.find("#save-next").click();

      b.waitForText("#overview-support-end", "12/2032");
      assertThat(b.find("#overview-scope").getText()).contains("In scope").contains("Art. 2(1)");
      assertThat(b.find("#allowed-modules").getText()).contains("A").contains("B+C");

      // Risk assessment of release 2.0.0 (Art. 13(3))
      b.driver().findElement(By.linkText("2.0.0")).click();
      b.waitFor("#risk-form");
      new Select(b.find("#applicable_I-2-a")).selectByValue("yes");
      b.type("#howMet_I-2-a", "No known exploitable vulnerabilities: scanned before release.");
      b.find("#save-risk").click();
      b.waitForText("#revisions", "Revision 1 by admin");

      // Download the declaration
      b.find("#compliance-overview-link, a[href$='/compliance']").click();
      b.find("#doc-declaration-of-conformity-html").click();
      b.waitForText("#document-title", "EU declaration of conformity");
      assertThat(b.driver().getPageSource())
          .contains("issued under the sole responsibility of Thermo Werke AG")
          .contains("Anna Example, Managing Director");

      String session = b.driver().manage().getCookieNamed(Auth.SESSION_COOKIE).getValue();
      String pdfPath = "/api/v1/products/" + id + "/documents/declaration-of-conformity?format=pdf";
      var pdf =
          s.http.send(
              HttpRequest.newBuilder(s.uri(pdfPath))
                  .header("Cookie", Auth.SESSION_COOKIE + "=" + session)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      try (var doc = Loader.loadPDF(pdf.body())) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        assertThat(text)
            .contains("Thermo Werke AG, Ringstrasse 1")
            .contains("Wizard Thermostat, hardware, version 2.0.0")
            .contains("internal control (module A)");
      }
    }
  }

  /** Date inputs take typed text in the browser's locale; setting the value is locale-free. */
  private static void setDate(Browser b, String css, String isoDate) {
    b.driver().executeScript("arguments[0].value = arguments[1];", b.find(css), isoDate);
  }
}
