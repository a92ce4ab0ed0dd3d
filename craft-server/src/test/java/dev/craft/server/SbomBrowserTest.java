package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A developer uploads a release's SBOM in the browser, reads its quality verdicts and filters its
 * components.
 */
class SbomBrowserTest {
  @Test
  void uploadAnSbomAndFilterItsComponents() throws IOException {
    try (var s = TestServer.start(Map.of())) {
      long id =
          json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"Tree Gateway\"}"))
              .get("id")
              .asLong();
      long rid =
          json(s.postJson(
                  "/api/v1/products/" + id + "/releases", ADMIN_TOKEN, "{\"version\":\"4.1.0\"}"))
              .get("id")
              .asLong();
      Path file = Files.createTempFile("gateway", ".cdx.json");
      try (InputStream in = getClass().getResourceAsStream("/sbom/gateway.cdx.json")) {
        Files.write(file, in.readAllBytes());
      }
      try (var b = Browser.open(s.server.port())) {
        b.signIn("admin", TestServer.ADMIN_PASSWORD);
        b.go("/products/" + id);
        b.find("#release-list a").click();
        b.waitForText("#release-title", "4.1.0");
        b.find("#sbom-file").sendKeys(file.toString());
        b.find("#upload-sbom").click();
        b.waitForText("#sbom-facts", "cyclonedx 1.6");
        assertThat(b.find("#quality").getText()).contains("cra").contains("tr-03183-2");
        assertThat(b.find("#dependency-tree").getText())
            .contains("jinja2@2.10")
            .contains("markupsafe@1.1.1");
        b.type("#component-filter", "log4j");
        b.waitForText("#components", "Showing 1 of 4");
        assertThat(b.find("#component-list").getText())
            .contains("log4j-core")
            .doesNotContain("markupsafe");
      }
      assertThat(
              s.get("/api/v1/products/" + id + "/releases/" + rid + "/sbom", ADMIN_TOKEN)
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
