package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A researcher reports through the public form; the PSIRT acknowledges and replies; the researcher
 * sees it.
 */
class CvdBrowserTest {
  @Test
  void reportAcknowledgeAndReply() {
    try (var s = TestServer.start(Map.of());
        var b = Browser.open(s.server.port())) {
      b.go("/security-policy");
      b.find("#report-link").click();
      b.type("#report-title", "Stored XSS in device names");
      b.type(
          "#report-description", "Name a device <script>alert(1)</script> and open the dashboard.");
      b.find("#send-report").click();
      String tracking = b.find("#tracking-link").getAttribute("href");

      b.signIn("admin", TestServer.ADMIN_PASSWORD);
      b.go("/cvd");
      b.find("#report-list a").click();
      b.waitForText("#report-title", "Stored XSS");
      b.find("#update-report").click();
      b.waitForText("#report-state", "acknowledged");
      b.type("textarea[name=message]", "Reproduced; fix planned for 4.1.1.");
      b.find("#send-reply").click();
      b.waitForText("#messages", "fix planned");

      b.find("#open-case").click();
      b.waitForPath("/cases/\\d+");
      assertThat(b.currentPath()).matches("/cases/\\d+");
      assertThat(b.driver().getPageSource()).contains("Stored XSS in device names");

      b.driver().manage().deleteAllCookies();
      b.driver().get(tracking);
      b.waitForText("#report-status", "acknowledged");
      assertThat(b.find("#messages").getText()).contains("Reproduced; fix planned for 4.1.1.");
    }
  }
}
