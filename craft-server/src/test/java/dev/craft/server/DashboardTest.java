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

      // The demo advisories reach the gateway's release through the portfolio-impact path,
      // Log4Shell flagged KEV.
      long gateway = 0;
      for (var p :
          Browserless.json(s.get("/api/v1/products", TestServer.ADMIN_TOKEN)).get("items")) {
        if (p.get("name").asText().equals("Nordlicht Home Gateway")) {
          gateway = p.get("id").asLong();
        }
      }
      long release = 0;
      for (var r :
          Browserless.json(
                  s.get("/api/v1/products/" + gateway + "/releases", TestServer.ADMIN_TOKEN))
              .get("items")) {
        if (r.get("version").asText().equals("4.1.0")) {
          release = r.get("id").asLong();
        }
      }
      var findings =
          s.get(
                  "/api/v1/products/" + gateway + "/releases/" + release + "/findings",
                  TestServer.ADMIN_TOKEN)
              .body();
      assertThat(findings)
          .contains("DEMO-2021-0001")
          .contains("DEMO-2019-0002")
          .contains("DEMO-2023-0003");
      assertThat(findings).containsPattern("\"kev\"\\s*:\\s*true");

      var developer = Browserless.login(s, "developer", "demo-password-2026");
      var devPage =
          s.send(HttpRequest.newBuilder(s.uri("/")).header("Cookie", developer.cookie()).GET());
      assertThat(devPage.body()).doesNotContain("reports to acknowledge");
      assertThat(s.get("/").statusCode()).isEqualTo(303);
    }
  }
}
