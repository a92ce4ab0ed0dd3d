package dev.craft.server;

import static dev.craft.server.AdvisoryApiTest.finding;
import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.craft.formats.AdvisoryIndexFile;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PyPA advisory database (as a CRAFT index file) and the real KEV catalog, uploaded to a
 * server; skipped when the shared data folder is absent.
 */
class AdvisoryRealDataTest {
  @Test
  void theRealPypaDatabaseFindsTheKnownJinja2Advisories(@TempDir Path dir) throws IOException {
    Path shared = Path.of(System.getProperty("craft.sharedData", "../../shared/data"));
    Path pypa = shared.resolve("osv/pypa/vulns");
    Path kev = shared.resolve("kev/known_exploited_vulnerabilities.json");
    assumeTrue(
        Files.isDirectory(pypa) && Files.isRegularFile(kev),
        "shared data not found at " + shared.toAbsolutePath() + "; skipping the real-data test");
    Path index = dir.resolve("pypa.idx");
    try (var writer = AdvisoryIndexFile.create(index, AdvisoryLimits.DEFAULT)) {
      new OsvReader(AdvisoryLimits.DEFAULT).read(pypa, writer::add);
    }
    try (var s = TestServer.start(Map.of())) {
      var imported = json(post(s, "/api/v1/advisories/import", Files.readAllBytes(index)));
      assertThat(imported.get("records").asInt()).isGreaterThan(2_000);
      assertThat(imported.get("added").asInt()).isEqualTo(imported.get("records").asInt());
      assertThat(
              json(post(s, "/api/v1/advisories/kev", Files.readAllBytes(kev)))
                  .get("entries")
                  .asInt())
          .isGreaterThan(1_000);

      String release = s.newRelease("Real Data");
      var up = post(s, release + "/sbom", AdvisoryApiTest.resource("/sbom/findings.cdx.json"));
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      var items = json(s.get(release + "/findings", ADMIN_TOKEN)).get("items");
      // Jinja2 2.10: fixed in 2.10.1 (PYSEC-2019-217) and in 2.11.3 (PYSEC-2021-66).
      assertThat(finding(items, "PYSEC-2019-217").get("status").asText()).isEqualTo("affected");
      assertThat(finding(items, "PYSEC-2021-66").get("status").asText()).isEqualTo("affected");
      assertThat(items.toString()).doesNotContain("PYSEC-2019-220");

      var again = json(post(s, "/api/v1/advisories/import", Files.readAllBytes(index)));
      assertThat(again.get("added").asInt()).isZero();
      assertThat(again.get("updated").asInt()).isZero();

      var search = json(s.get("/api/v1/advisories?q=CVE-2016-10745", ADMIN_TOKEN));
      assertThat(search.get("items").toString()).contains("PYSEC-2019-220");
    }
  }

  private static HttpResponse<String> post(TestServer s, String path, byte[] body) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return r;
  }
}
