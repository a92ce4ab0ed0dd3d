package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.formats.CsafValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 4: a finding walks from in_triage to a published advisory. The demo PSIRT member triages
 * the gateway's Log4Shell finding, writes the advisory from it with the form, fixes the validation
 * error the form shows, publishes, and the provider serves the file with a matching hash.
 */
class CsafBrowserTest {
  @Test
  void aFindingBecomesAPublishedTlpClearAdvisory() throws Exception {
    try (var s = TestServer.start(Map.of("demo", "true"))) {
      long gateway = 0;
      for (JsonNode p : json(s.get("/api/v1/products", ADMIN_TOKEN)).get("items")) {
        if (p.get("name").asText().equals("Nordlicht Home Gateway")) {
          gateway = p.get("id").asLong();
        }
      }
      long r410 = 0;
      long r420 = 0;
      for (JsonNode r :
          json(s.get("/api/v1/products/" + gateway + "/releases", ADMIN_TOKEN)).get("items")) {
        switch (r.get("version").asText()) {
          case "4.1.0" -> r410 = r.get("id").asLong();
          case "4.2.0" -> r420 = r.get("id").asLong();
          default -> {}
        }
      }
      try (var b = Browser.open(s.server.port())) {
        b.signIn("psirt", DemoData.PASSWORD);
        b.go("/products/" + gateway + "/releases/" + r410);
        b.waitForText("#findings-table", "DEMO-2021-0001");
        String rowId = finding(b).getAttribute("id");
        assertThat(finding(b).findElement(By.cssSelector(".analysis-state")).getText())
            .isEqualTo("in_triage");

        triage(b, rowId, "exploitable", "", "Reachable through the management service log.");
        assertThat(row(b, rowId).findElement(By.cssSelector(".analysis-state")).getText())
            .isEqualTo("exploitable");
        triage(b, rowId, "exploitable", "update", "Fixed by 4.2.0.");
        assertThat(row(b, rowId).findElement(By.cssSelector(".analysis-state")).getText())
            .isEqualTo("exploitable");

        row(b, rowId).findElement(By.cssSelector("a.csaf-from-finding")).click();
        b.waitFor("#csaf-form");
        assertThat(b.find("#csaf-cve").getAttribute("value")).isEqualTo("CVE-2021-44228");
        assertThat(b.find("#csaf-ids").getAttribute("value")).contains("DEMO-2021-0001");
        assertThat(new Select(b.find("#csaf-status-" + r410)).getFirstSelectedOption().getText())
            .isEqualTo("known affected");
        new Select(b.find("#csaf-status-" + r420)).selectByValue("fixed");
        b.type("#csaf-title", "Log4Shell in the Nordlicht Home Gateway management service");
        b.type("#csaf-cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:L");
        b.waitForText("#csaf-cvss-score", "10.0 CRITICAL");
        b.type("#csaf-cwe", "CWE-502");
        b.type("#csaf-cwe-name", "Deserialization of Untrusted Data");
        b.type("#csaf-remediation-0 input[name=rem_details]", "Update the firmware to 4.2.0.");
        b.type("#csaf-acks", "Chen Zhaojun of Alibaba Cloud Security Team");
        b.find("#csaf-save").click();

        // The description was left empty: the form shows CSAF test 6.1.27.5 at its JSON path.
        b.waitForPath("/csaf/[^/]+/edit");
        String trackingId = b.currentPath().split("/")[2];
        assertThat(b.find("#csaf-problems").getText()).contains("6.1.27.5");
        assertThat(b.find(".field-problem[data-test-id='6.1.27.5']").getText())
            .contains("/vulnerabilities/0/notes");
        b.find("#csaf-publish").click();
        b.waitFor("#form-error");
        assertThat(b.find("#csaf-problems").getText()).contains("6.1.27.5");

        b.type(
            "#csaf-notes",
            "The management service logs request headers; a crafted header makes log4j-core load"
                + " and run remote code.");
        b.find("#csaf-save").click();
        b.waitFor("#csaf-valid");
        assertThat(b.find("#csaf-preview").getText())
            .contains("CVE-2021-44228")
            .contains("Nordlicht Home Gateway 4.2.0");
        b.find("#csaf-publish").click();
        b.waitForPath("/csaf/" + trackingId);
        assertThat(b.find("h1").getText())
            .isEqualTo("Log4Shell in the Nordlicht Home Gateway management service");
        assertThat(b.find("main").getText()).contains("final");

        // What a CSAF consumer sees: the TLP:CLEAR directory, the file and its hash.
        String index = s.get("/.well-known/csaf/clear/index.txt").body();
        String relative =
            index
                .lines()
                .filter(l -> l.endsWith("/" + trackingId.toLowerCase() + ".json"))
                .findFirst()
                .orElseThrow();
        var file = s.get("/.well-known/csaf/clear/" + relative);
        assertThat(file.statusCode()).isEqualTo(200);
        byte[] bytes = file.body().getBytes(StandardCharsets.UTF_8);
        assertThat(CsafValidator.validate(bytes)).isEmpty();
        String sha256 = s.get("/.well-known/csaf/clear/" + relative + ".sha256").body();
        assertThat(sha256)
            .isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    + "  "
                    + relative.substring(relative.indexOf('/') + 1)
                    + "\n");
        JsonNode doc = json(file);
        assertThat(doc.at("/document/tracking/id").asText()).isEqualTo(trackingId);
        assertThat(doc.at("/document/tracking/status").asText()).isEqualTo("final");
        assertThat(doc.at("/vulnerabilities/0/cve").asText()).isEqualTo("CVE-2021-44228");
        assertThat(doc.at("/vulnerabilities/0/cwe/id").asText()).isEqualTo("CWE-502");
        assertThat(doc.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble())
            .isEqualTo(10.0);
        assertThat(doc.at("/vulnerabilities/0/product_status/fixed/0").asText())
            .isEqualTo("CRAFT-R" + r420);
        assertThat(doc.at("/vulnerabilities/0/remediations/0/details").asText())
            .isEqualTo("Update the firmware to 4.2.0.");
      }
    }
  }

  private static WebElement finding(Browser b) {
    return b.driver().findElements(By.cssSelector("#findings-table tr.finding")).stream()
        .filter(r -> r.getText().contains("DEMO-2021-0001"))
        .findFirst()
        .orElseThrow();
  }

  private static WebElement row(Browser b, String rowId) {
    return b.find("#" + rowId);
  }

  /** Opens the finding's triage form, records a decision and waits for the page to come back. */
  private static void triage(
      Browser b, String rowId, String state, String response, String detail) {
    WebElement row = row(b, rowId);
    row.findElement(By.cssSelector("details summary")).click();
    WebElement form = row.findElement(By.cssSelector("form.triage-form"));
    new Select(form.findElement(By.name("state"))).selectByValue(state);
    if (!response.isEmpty()) {
      new Select(form.findElement(By.name("response"))).selectByValue(response);
    }
    WebElement detailField = form.findElement(By.name("detail"));
    detailField.clear();
    detailField.sendKeys(detail);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    b.waitUntilGone(form);
    b.waitFor("#" + rowId);
  }
}
