package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PSIRT drafts an upstream report from a finding on the release page and marks it sent. */
class UpstreamReportBrowserTest {
  @Test
  void draftFromAFindingAndMarkSent() {
    try (var s = TestServer.start(Map.of());
        var b = Browser.open(s.server.port())) {
      var fx = new FindingFixtures(s);
      fx.importLog4jAdvisory();
      long product = fx.product("Upstream Browser");
      String release = fx.release(product, "1.0.0");

      b.signIn("admin", TestServer.ADMIN_PASSWORD);
      b.go(release.replace("/api/v1", ""));
      b.find(".upstream-link").click();
      b.waitForText("h1", "maintainer of log4j-core");
      assertThat(b.find("#upstream-body").getAttribute("value"))
          .contains("log4j-core 2.14.1")
          .contains(FindingFixtures.LOG4J);
      b.type("#upstream-contact", "mailto:security@logging.apache.org");
      b.find("#upstream-save-draft").click();
      b.waitForText("#upstream-state", "draft");

      b.type("#upstream-channel", "e-mail");
      b.find("#upstream-mark-sent").click();
      b.waitForText("#upstream-state", "sent");
      assertThat(b.find("#upstream-sent").getText()).contains("e-mail");

      b.go("/products/" + product + "/upstream-reports");
      assertThat(b.find("#upstream-list").getText())
          .contains("mailto:security@logging.apache.org")
          .contains("sent");
    }
  }
}
