package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A PSIRT member opens a case in the browser, watches the live countdown, fills in the stage
 * content and records every stage until nothing is pending.
 */
class Art14BrowserTest {
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    var r =
        s.postJson(
            "/api/v1/products",
            TestServer.ADMIN_TOKEN,
            "{\"name\":\"Camera C2\",\"type\":\"hardware\"}");
    assertThat(r.statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  /** Sets a datetime-local (or any) input through script: typing dates is locale-dependent. */
  static void set(Browser b, String css, String value) {
    WebElement e = b.find(css);
    ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", e, value);
  }

  static String local(Instant at) {
    return LOCAL.format(at.atOffset(ZoneOffset.UTC));
  }

  @Test
  void aCaseGoesThroughAllStagesInTheBrowser() {
    Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    try (var b = Browser.open(s.server.port())) {
      b.signIn("admin", TestServer.ADMIN_PASSWORD);
      b.go("/cases");
      new Select(b.find("#case-kind")).selectByValue("vulnerability");
      b.type("#case-title", "Camera stream exposed");
      b.find("textarea[name=summary]")
          .sendKeys("Remote viewing of live streams without authentication");
      set(b, "#case-aware", local(t0));
      b.type("#case-determination", "Exploitation seen in a customer's network");
      b.type("#case-evidence", "Customer firewall logs");
      new Select(b.find("#case-product")).selectByVisibleText("Camera C2");
      new Select(b.find("#case-states")).selectByValue("DE");
      b.find("input[name=manufacturer]").sendKeys("Camera Corp");
      b.find("#create-case").click();
      b.waitForText("#case-title", "Camera stream exposed");
      assertThat(b.currentPath()).matches("/cases/\\d+");
      String caseUrl = b.currentPath();

      // The server rendered "21 h 59 min"; countdown.js then adds seconds, so seeing them shows the
      // script runs.
      b.waitForTextMatching(
          ".deadline[data-key=earlyWarning] .countdown", "2[01] h \\d+ min \\d+ s");
      assertThat(b.find(".deadline[data-key=finalReport]").getText()).contains("no deadline until");
      assertThat(b.find("#readiness [data-stage=notification]").getText()).contains("v21");

      assertThat(b.find("#readiness [data-stage=notification]").getText())
          .contains("Product version");
      b.find("#field-generalInformation").sendKeys("Missing authentication on the RTSP endpoint");
      b.find("#field-productVersion").sendKeys("2.0 to 2.3.1");
      b.find("#save-content").click();
      b.waitForText("#case-title", "Camera stream exposed");
      assertThat(b.find("#readiness [data-stage=notification]").getText())
          .containsIgnoringCase("ready");

      record(b, "early_warning");
      assertThat(b.find(".deadline[data-key=earlyWarning]").getText()).contains("SUBMITTED");
      record(b, "notification");

      set(b, "#measure-at", local(Instant.now().minus(10, ChronoUnit.MINUTES)));
      b.find("#save-facts").click();
      b.waitForText("#case-title", "Camera stream exposed");
      assertThat(b.find(".deadline[data-key=finalReport]").getText()).contains("UPCOMING");

      record(b, "final_report");
      for (WebElement d : b.driver().findElements(By.cssSelector(".deadline"))) {
        assertThat(d.getText()).contains("SUBMITTED");
      }
      assertThat(b.find("#submission-list").getText())
          .contains("early warning")
          .contains("notification")
          .contains("final report");

      b.go(caseUrl + "/copy");
      assertThat(b.find("#copy-generalInformation").getAttribute("value"))
          .isEqualTo("Missing authentication on the RTSP endpoint");
      b.find("button[data-copy=copy-title]").click();
      b.waitForText("button[data-copy=copy-title]", "Copied");

      b.go("/cases");
      assertThat(b.find("#case-list").getText()).contains("Camera stream exposed");
      b.go("/deadlines");
      assertThat(b.find("#calendar").getText()).doesNotContain("Camera stream exposed");
    }
  }

  static void record(Browser b, String stage) {
    new Select(b.find("#submission-stage")).selectByValue(stage);
    b.type("#submission-ref", "SRP-" + stage);
    b.find("#record-submission").click();
    b.waitForText("#submission-list", "SRP-" + stage);
  }
}
