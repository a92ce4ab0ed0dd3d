package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardTest {
  @Test
  void theDashboardCountsThePortfolioAndTheReportsWaitingForAcknowledgement() {
    try (var s = TestServer.start(Map.of("demo", "true"))) {
      s.send(
          HttpRequest.newBuilder(s.uri("/api/public/reports"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"title\":\"Weak TLS\",\"description\":\"TLS 1.0 on port 8443\"}")));
      var session = Browserless.login(s, "psirt", "demo-password-2026");
      var page =
          s.send(HttpRequest.newBuilder(s.uri("/")).header("Cookie", session.cookie()).GET());
      assertThat(page.statusCode()).isEqualTo(200);
      String tiles = page.body().substring(page.body().indexOf("dashboard-tiles"));
      // The demo: two products, six releases of which two are released, one of them with an SBOM of
      // 8 components.
      assertThat(tiles)
          .contains("<strong>2</strong> products")
          .contains("6 releases")
          .contains("<strong>1 / 2</strong> released versions with an SBOM")
          .contains("8 components")
          .contains("<strong>1</strong> reports to acknowledge");

      var developer = Browserless.login(s, "developer", "demo-password-2026");
      var devPage =
          s.send(HttpRequest.newBuilder(s.uri("/")).header("Cookie", developer.cookie()).GET());
      assertThat(devPage.body()).doesNotContain("reports to acknowledge");
      assertThat(s.get("/").statusCode()).isEqualTo(303);
    }
  }
}
