package dev.craft.server;

import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.formats.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX bom-examples VEX documents and the vexctl OpenVEX examples (../shared/data, read in
 * place) imported against findings like theirs: "Acme Product" releases with jackson-databind
 * 2.10.0 (CVE-2020-25649) and Wolfi bash 1.0.0 (CVE-1234-5678).
 */
class VexSharedDataTest {
  static final String JACKSON = "GHSA-288c-cq4h-88gq";
  static final String BASH = "TEST-BASH-1";
  static TestServer s;

  static final String JACKSON_OSV =
      """
      {"id":"GHSA-288c-cq4h-88gq","modified":"2024-01-01T00:00:00Z","published":"2020-12-03T00:00:00Z",
       "aliases":["CVE-2020-25649"],"summary":"XXE in jackson-databind (test fixture)",
       "affected":[{"package":{"ecosystem":"Maven","name":"com.fasterxml.jackson.core:jackson-databind"},
         "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.10.0"},{"fixed":"2.10.5.1"}]}]}]}""";

  /**
   * Named {@code wolfi/bash}: the matcher keys {@code pkg:apk/wolfi/bash} with its namespace, while
   * OSV's Wolfi records name the bare package (a matcher gap outside VEX, noted for the lead).
   */
  static final String BASH_OSV =
      """
      {"id":"TEST-BASH-1","modified":"2024-01-01T00:00:00Z","published":"2023-01-01T00:00:00Z",
       "aliases":["CVE-1234-5678"],"summary":"bash (test fixture for the vexctl examples)",
       "affected":[{"package":{"ecosystem":"Wolfi","name":"bash"},
         "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0.1"}]}]}]}""";

  static final String SBOM =
      """
      {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
       "metadata":{"component":{"type":"application","bom-ref":"acme","name":"Acme Product","version":"%s"}},
       "components":[
        {"type":"library","bom-ref":"jackson","group":"com.fasterxml.jackson.core","name":"jackson-databind",
         "version":"2.10.0","purl":"pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0"},
        {"type":"library","bom-ref":"bash","name":"bash","version":"1.0.0","purl":"pkg:apk/wolfi/bash@1.0.0"}],
       "dependencies":[{"ref":"acme","dependsOn":["jackson","bash"]}]}""";

  static Map<String, String> releases = new java.util.TreeMap<>();
  static long product;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    VexTest.s = s;
    for (String osv : new String[] {JACKSON_OSV, BASH_OSV}) {
      var r =
          VexTest.post(
              "/api/v1/advisories/import?name=x.json", osv.getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    product = VexTest.product("Acme Product");
    for (String v : new String[] {"2.2.0", "2.3.0", "2.4.0", "3.0.0"}) {
      releases.put(
          v, VexTest.release(product, v, SBOM.formatted(v).getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(VexTest.analyses(releases.get("2.2.0"))).containsKeys(JACKSON, BASH);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static JsonNode importFile(Path file) {
    return VexTest.importVex("/api/v1/products/" + product, SharedData.bytes(file));
  }

  static String state(String version, String vulnerability) {
    return VexTest.analyses(releases.get(version)).get(vulnerability);
  }

  /** Every statement of the document is either a decision or reported as unmatched. */
  static void everyStatementAccountedFor(JsonNode report) {
    Set<Integer> seen = new HashSet<>();
    for (String part : new String[] {"applied", "unchanged", "unmatched"}) {
      report.get(part).forEach(x -> seen.add(x.get("statement").asInt()));
    }
    for (int i = 0; i < report.get("statements").asInt(); i++) {
      assertThat(seen).as(report.toString()).contains(i);
    }
  }

  @Test
  void everyCycloneDxExampleImportsAndAccountsForEveryStatement() {
    var files = SharedData.files("cyclonedx/bom-examples/VEX", ".json");
    int documents = 0;
    for (Path f : files) {
      if (!f.getFileName().toString().startsWith("vex")) {
        continue;
      }
      JsonNode report = importFile(f);
      assertThat(report.get("format").asText()).isEqualTo("cyclonedx");
      everyStatementAccountedFor(report);
      documents++;
    }
    assertThat(documents).isGreaterThan(20);
  }

  @Test
  void theCycloneDxExamplesDecideTheAcmeFindings() {
    // vex.json names the component by a BOM-Link to its purl, and no product: every release.
    var report = importFile(SharedData.require("cyclonedx/bom-examples/VEX/vex.json"));
    assertThat(report.get("unmatched")).as(report.toString()).isEmpty();
    for (String v : releases.keySet()) {
      assertThat(state(v, JACKSON))
          .startsWith(
              "not_affected | code_not_reachable | [\"will_not_fix\",\"update\"] | "
                  + "Automated dataflow analysis")
          .contains("Action: Upgrade com.fasterxml.jackson.core:jackson-databind");
    }
    // Case 2 says Acme Product 2.4.0 is exploitable: that release only.
    report = importFile(SharedData.require("cyclonedx/bom-examples/VEX/Use-Cases/Case-2/vex.json"));
    assertThat(report.get("applied")).hasSize(1);
    assertThat(state("2.4.0", JACKSON)).startsWith("exploitable");
    assertThat(state("2.3.0", JACKSON)).startsWith("not_affected");
    // Case 3 says 2.4.0 is in triage again.
    importFile(SharedData.require("cyclonedx/bom-examples/VEX/Use-Cases/Case-3/vex.json"));
    assertThat(state("2.4.0", JACKSON)).startsWith("in_triage");
    // Case 4 gives a vers range of the product: 2.2.0 to 2.4.0, not 3.0.0.
    importFile(SharedData.require("cyclonedx/bom-examples/VEX/Use-Cases/Case-2/vex.json"));
    report = importFile(SharedData.require("cyclonedx/bom-examples/VEX/Use-Cases/Case-4/vex.json"));
    assertThat(report.get("applied")).hasSize(3);
    assertThat(state("2.4.0", JACKSON)).startsWith("not_affected | code_not_reachable");
    // 3.0.0 keeps the product-wide decision of vex.json.
    assertThat(state("3.0.0", JACKSON)).startsWith("not_affected");
  }

  @Test
  void theOpenVexExamplesDecideTheWolfiBashFinding() {
    Path dir = SharedData.require("openvex/vexctl-examples/openvex");
    var first = importFile(dir.resolve("document1.vex.json"));
    // under_investigation on a finding without decision changes nothing.
    assertThat(first.get("applied")).isEmpty();
    assertThat(first.get("unchanged")).hasSize(1);
    var second = importFile(dir.resolve("document2.vex.json"));
    assertThat(second.get("applied")).hasSize(1);
    for (String v : releases.keySet()) {
      assertThat(state(v, BASH)).startsWith("resolved");
    }
    // demo.vex.json is about git, which no release has.
    var demo = importFile(dir.resolve("demo.vex.json"));
    assertThat(demo.get("unmatched")).hasSize(2);
    assertThat(demo.get("unmatched").get(0).get("reason").asText())
        .isEqualTo("no finding of CVE-2014-123456 (or its aliases)");
    for (Path f : SharedData.files("openvex/vexctl-examples", ".json")) {
      if (f.toString().contains("vex") && !f.toString().contains("sbom")) {
        var r = VexTest.post("/api/v1/products/" + product + "/vex", SharedData.bytes(f));
        if (r.statusCode() == 200) {
          everyStatementAccountedFor(Browserless.json(r));
        } else {
          assertThat(r.statusCode()).as(f + ": " + r.body()).isEqualTo(400);
        }
      }
    }
    assertThat(s.get("/api/v1/products/" + product + "/vex", ADMIN_TOKEN).statusCode())
        .isEqualTo(200);
  }
}
