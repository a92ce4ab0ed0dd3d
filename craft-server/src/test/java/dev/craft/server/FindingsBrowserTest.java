package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PSIRT member opens a release page, sees its findings with severity and evidence, follows one to
 * the advisory, and finds it again by its CVE alias.
 */
class FindingsBrowserTest {
  @Test
  void aReleasePageShowsItsFindingsAndLeadsToTheAdvisory() {
    try (var s = TestServer.start(Map.of())) {
      post(s, "/api/v1/advisories/import?name=x.json", "/osv/GHSA-jfh8-c2jp-5v3q.json");
      long id =
          json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"Browser Gateway\"}"))
              .get("id")
              .asLong();
      long rid =
          json(s.postJson(
                  "/api/v1/products/" + id + "/releases", ADMIN_TOKEN, "{\"version\":\"1.0.0\"}"))
              .get("id")
              .asLong();
      post(s, "/api/v1/products/" + id + "/releases/" + rid + "/sbom", "/sbom/findings.cdx.json");
      try (var b = Browser.open(s.server.port())) {
        b.signIn("admin", TestServer.ADMIN_PASSWORD);
        b.go("/products/" + id + "/releases/" + rid);
        b.waitForText("#findings-table", "GHSA-jfh8-c2jp-5v3q");
        assertThat(b.find("#findings-table").getText())
            .contains("critical")
            .contains("log4j-core@2.14.1")
            .contains("2.14.1 < fixed 2.15.0");
        assertThat(b.find("#support-state").getText()).contains("unknown");
        b.find("#findings-table a").click();
        b.waitForText("#advisory-title", "GHSA-jfh8-c2jp-5v3q");
        assertThat(b.find("#affected-releases").getText())
            .contains("Browser Gateway")
            .contains("1.0.0");
        b.type("#advisory-search input[name=q]", "CVE-2021-44228\n");
        b.waitForText("#advisory-results", "GHSA-jfh8-c2jp-5v3q");

        // The product's triage page: select every finding and record one decision for all.
        b.go("/products/" + id);
        b.find("#triage-link").click();
        b.waitForText("#triage-table", "GHSA-jfh8-c2jp-5v3q");
        b.find("#triage-all").click();
        assertThat(b.find("#triage-table input[name=finding]").isSelected()).isTrue();
        new org.openqa.selenium.support.ui.Select(b.find("#triage-decision select[name=state]"))
            .selectByValue("exploitable");
        b.type("#triage-decision input[name=comment]", "confirmed in the lab");
        b.find("#triage-apply").click();
        b.waitForText("#triage-updated", "findings updated");
        assertThat(b.find("#triage-table").getText()).contains("exploitable");
        assertThat(b.find("#triage-table").getText()).doesNotContain("in_triage");
      }
    }
  }

  private static void post(TestServer s, String path, String resource) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(AdvisoryApiTest.resource(resource))));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
  }
}
