package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String resource(String name) {
    try {
      return Path.of(ScanCommandTest.class.getResource("/scan/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Cli.Result scan(String... extra) {
    var args =
        new ArrayList<>(List.of("scan", resource("bom.json"), "--advisories", resource("osv")));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void jsonOutputHasExactlyTheAgreedFieldsAndThePurlAsTheSbomGivesIt() throws IOException {
    var result =
        scan("--kev", resource("kev.csv"), "--epss", resource("epss.csv"), "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode root = JSON.readTree(result.out());
    assertThat(names(root)).containsExactly("findings");
    JsonNode findings = root.get("findings");
    assertThat(findings).hasSize(3);
    for (JsonNode f : findings) {
      assertThat(names(f))
          .containsExactly(
              "purl",
              "vulnerability",
              "aliases",
              "status",
              "severity",
              "cvss",
              "kev",
              "epss",
              "evidence");
    }
    JsonNode log4j = findings.get(0);
    assertThat(log4j.get("purl").asText())
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(log4j.get("vulnerability").asText()).isEqualTo("GHSA-test-0001");
    assertThat(log4j.get("aliases").get(0).asText()).isEqualTo("CVE-2021-44228");
    assertThat(log4j.get("status").asText()).isEqualTo("affected");
    assertThat(log4j.get("severity").asText()).isEqualTo("critical");
    assertThat(log4j.get("cvss").get("score").asDouble()).isEqualTo(10.0);
    assertThat(log4j.get("kev").asBoolean()).isTrue();
    assertThat(log4j.get("epss").asDouble()).isEqualTo(0.94358);
    JsonNode evidence = log4j.get("evidence");
    assertThat(evidence.get("record").asText()).isEqualTo("GHSA-test-0001");
    assertThat(evidence.get("source").asText()).endsWith("GHSA-test-0001.json");
    assertThat(evidence.get("range").asText())
        .isEqualTo("ECOSYSTEM: introduced 2.0-beta9, fixed 2.15.0");
    assertThat(evidence.get("comparator").asText()).isEqualTo("maven");
    assertThat(evidence.get("compared").asText())
        .isEqualTo("introduced 2.0-beta9 <= 2.14.1 < fixed 2.15.0");

    JsonNode pysec = findings.get(1);
    assertThat(pysec.get("purl").asText()).isEqualTo("pkg:pypi/Example_Pkg@1.0");
    assertThat(pysec.get("severity").asText()).isEqualTo("low");
    assertThat(pysec.get("cvss").isNull()).isTrue();
    assertThat(pysec.get("kev").asBoolean()).isFalse();

    JsonNode git = findings.get(2);
    assertThat(git.get("status").asText()).isEqualTo("indeterminate");
    assertThat(git.get("epss").isNull()).isTrue();
    assertThat(git.get("evidence").get("reason").asText()).contains("only GIT");
    assertThat(result.err()).contains("1 components have no valid purl");
  }

  @ParameterizedTest(name = "--fail-on {0} exits {1}")
  @CsvSource({"kev,4", "critical,4", "high,4", "medium,4", "any,4"})
  void failOnTriggersOnAnAffectedFindingAtTheThreshold(String level, int code) {
    var result = scan("--kev", resource("kev.csv"), "--fail-on", level);
    assertThat(result.code()).as(result.err()).isEqualTo(code);
    assertThat(result.err()).contains("meet --fail-on " + level);
  }

  @ParameterizedTest(name = "--fail-on {0} without KEV data and with only the low finding")
  @CsvSource({"kev", "critical", "high", "medium"})
  void failOnIgnoresFindingsBelowTheThresholdAndIndeterminateOnes(String level) throws IOException {
    Path osv = Files.createDirectory(tmp.resolve("osv"));
    Files.copy(Path.of(resource("osv/PYSEC-test-0002.yaml")), osv.resolve("p.yaml"));
    Files.copy(Path.of(resource("osv/GIT-test-0003.json")), osv.resolve("g.json"));
    var result =
        Cli.run("scan", resource("bom.json"), "--advisories", osv.toString(), "--fail-on", level);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("INDETERMINATE").contains("AFFECTED");
    var onlyGit =
        Cli.run(
            "scan",
            resource("bom.json"),
            "--advisories",
            resource("osv/GIT-test-0003.json"),
            "--fail-on",
            "any");
    assertThat(onlyGit.code()).as("indeterminate findings never trigger --fail-on").isZero();
  }

  @Test
  void sarifOutputHasTheShapeOfSarif210() throws IOException {
    var result = scan("--format", "sarif", "--kev", resource("kev.csv"));
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode root = JSON.readTree(result.out());
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("craft");
    assertThat(run.get("tool").get("driver").get("rules")).hasSize(3);
    JsonNode results = run.get("results");
    assertThat(results).hasSize(3);
    JsonNode first = results.get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("GHSA-test-0001");
    assertThat(first.get("level").asText()).isEqualTo("error");
    assertThat(first.get("message").get("text").asText()).contains("is affected by");
    assertThat(
            first
                .get("locations")
                .get(0)
                .get("logicalLocations")
                .get(0)
                .get("fullyQualifiedName")
                .asText())
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(results.get(2).get("level").asText()).isEqualTo("note");
  }

  @Test
  void anImportedIndexScansExactlyLikeTheFilesItWasBuiltFrom() throws IOException {
    Path index = tmp.resolve("adv.idx");
    var imported = Cli.run("advisories", "import", resource("osv"), "--index", index.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("3 records from 3 files (0 withdrawn)");
    var fromFiles = scan("--format", "json");
    var fromIndex =
        Cli.run("scan", resource("bom.json"), "--advisories", index.toString(), "--format", "json");
    assertThat(fromIndex.code()).isZero();
    assertThat(fromIndex.out()).isEqualTo(fromFiles.out());
  }

  @Test
  void aBadAdvisoryFileExitsThreeAndNamesTheFile() throws IOException {
    Path osv = Files.createDirectory(tmp.resolve("bad"));
    Path bad = Files.writeString(osv.resolve("GHSA-bad.json"), "{\"id\": \"X\", \"affected\": 3}");
    var result = Cli.run("scan", resource("bom.json"), "--advisories", osv.toString());
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err().strip()).isEqualTo("craft: " + bad + ": /affected: expected an array");
    var imported = Cli.run("advisories", "import", osv.toString(), "--index", tmp + "/x.idx");
    assertThat(imported.code()).isEqualTo(3);
    assertThat(Files.exists(tmp.resolve("x.idx"))).as("no half-written index").isFalse();
    var missing = Cli.run("scan", resource("bom.json"), "--advisories", tmp + "/nope");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("no such file or folder");
  }

  @Test
  void theSharedGoAdvisoriesFindAKnownGinVulnerabilityThroughAnIndex() throws IOException {
    Path go = Path.of(System.getProperty("craft.sharedData", "../../shared/data"), "osv/go");
    assumeTrue(Files.isDirectory(go), go + " is absent: skipping");
    Path index = tmp.resolve("go.idx");
    var imported = Cli.run("advisories", "import", go.toString(), "--index", index.toString());
    assertThat(imported.out()).contains("4291 records from 4291 files (17 withdrawn)");
    Path bom =
        Files.writeString(
            tmp.resolve("bom.json"),
            """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
             {"type":"library","bom-ref":"gin","name":"gin","version":"v1.5.0",
              "purl":"pkg:golang/github.com/gin-gonic/gin@v1.5.0"},
             {"type":"library","bom-ref":"gin2","name":"gin","version":"v1.10.0",
              "purl":"pkg:golang/github.com/gin-gonic/gin@v1.10.0"}]}
            """);
    var result =
        Cli.run("scan", bom.toString(), "--advisories", index.toString(), "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode findings = JSON.readTree(result.out()).get("findings");
    List<String> ids = new ArrayList<>();
    findings.forEach(f -> ids.add(f.get("purl").asText() + " " + f.get("vulnerability").asText()));
    assertThat(ids).contains("pkg:golang/github.com/gin-gonic/gin@v1.5.0 GO-2020-0001");
    assertThat(ids)
        .noneMatch(s -> s.startsWith("pkg:golang/github.com/gin-gonic/gin@v1.10.0 GO-2020-0001"));
  }

  @Test
  void nvdDataMatchesComponentsByCpeAndGivesAdvisoriesWithoutCvssNvdsScore() throws IOException {
    Path bom = tmp.resolve("firmware.json");
    Files.writeString(
        bom,
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
         {"type":"library","bom-ref":"ex","name":"Example_Pkg","version":"1.0","purl":"pkg:pypi/Example_Pkg@1.0"},
         {"type":"firmware","bom-ref":"fw","name":"mystery","version":"1.4",
          "cpe":"cpe:2.3:o:acme:mystery_firmware:1.4:*:*:*:*:*:*:*"}]}
        """);
    var result =
        Cli.run(
            "scan",
            bom.toString(),
            "--advisories",
            resource("osv"),
            "--nvd",
            resource("nvd.json"),
            "--format",
            "json",
            "--fail-on",
            "critical");
    assertThat(result.code()).as(result.err()).isEqualTo(4);
    JsonNode findings = JSON.readTree(result.out()).get("findings");
    List<String> got = new ArrayList<>();
    for (JsonNode f : findings) {
      got.add(
          f.get("vulnerability").asText()
              + " "
              + f.get("status").asText()
              + " "
              + f.get("severity").asText());
    }
    // The PyPI advisory says only "LOW" in database_specific; NVD's vector scores it critical.
    assertThat(got)
        .containsExactlyInAnyOrder(
            "PYSEC-test-0002 affected critical", "CVE-2099-3000 affected medium");
    // Without the NVD file: no CPE look-up, the component without purl is reported as such.
    var without =
        Cli.run("scan", bom.toString(), "--advisories", resource("osv"), "--format", "json");
    assertThat(without.code()).isZero();
    assertThat(without.out()).doesNotContain("CVE-2099-3000").contains("PYSEC-test-0002");
  }

  @Test
  void euExploitedIdsCountLikeKev() throws IOException {
    Path euvd = tmp.resolve("exploited.json");
    Files.writeString(
        euvd,
        """
        [{"id":"EUVD-2099-7001","aliases":"CVE-2099-0002\\n","dateUpdated":"Jan 6, 2099",
          "exploitedSince":"Jan 5, 2099, 12:00:00 AM","baseScore":-1}]
        """);
    var with =
        Cli.run(
            "scan",
            resource("bom.json"),
            "--advisories",
            resource("osv"),
            "--euvd-exploited",
            euvd.toString(),
            "--format",
            "json",
            "--fail-on",
            "kev");
    assertThat(with.code()).as(with.err()).isEqualTo(4);
    boolean flagged = false;
    for (JsonNode f : JSON.readTree(with.out()).get("findings")) {
      if (f.get("vulnerability").asText().equals("PYSEC-test-0002")) {
        flagged = f.get("kev").asBoolean();
      }
    }
    assertThat(flagged).isTrue();
    var without =
        Cli.run("scan", resource("bom.json"), "--advisories", resource("osv"), "--format", "json");
    for (JsonNode f : JSON.readTree(without.out()).get("findings")) {
      if (f.get("vulnerability").asText().equals("PYSEC-test-0002")) {
        assertThat(f.get("kev").asBoolean()).isFalse();
      }
    }
    Files.writeString(euvd, "{not json");
    var bad =
        Cli.run(
            "scan",
            resource("bom.json"),
            "--advisories",
            resource("osv"),
            "--euvd-exploited",
            euvd.toString());
    assertThat(bad.code()).isEqualTo(3);
    assertThat(bad.err().strip().lines().count()).isEqualTo(1);
  }
}
