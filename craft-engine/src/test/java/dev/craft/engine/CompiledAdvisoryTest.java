package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.OsvSeverity;
import dev.craft.formats.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An index built from compiled records is the index built from the records themselves. */
class CompiledAdvisoryTest {
  private static OsvRecord record(String json) {
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), "r.json");
  }

  private static final OsvRecord WITHOUT_CVSS =
      record(
          """
          {"id":"PYSEC-1","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-1","GHSA-a"],
           "database_specific":{"severity":"LOW"},
           "affected":[{"package":{"ecosystem":"PyPI","name":"Lib_X"},
             "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]},
            {"package":{"ecosystem":"NoSuchEco","name":"y"},"versions":["1"]}]}
          """);

  @Test
  void compiledAndParsedRecordsGiveTheSameFindingsAndCounts() {
    var withdrawn =
        record(
            """
            {"id":"W-1","modified":"2025-01-01T00:00:00Z","withdrawn":"2025-02-01T00:00:00Z",
             "affected":[{"package":{"ecosystem":"PyPI","name":"lib-x"},"versions":["1.0"]}]}
            """);
    var records = List.of(WITHOUT_CVSS, withdrawn, WITHOUT_CVSS);
    var direct = AdvisoryIndex.builder();
    var compiled = AdvisoryIndex.builder();
    for (OsvRecord r : records) {
      direct.add(r);
      compiled.add(CompiledAdvisory.of(r));
    }
    var a = direct.build();
    var b = compiled.build();
    assertThat(b.stats()).isEqualTo(a.stats());
    assertThat(b.stats().withdrawn()).isEqualTo(1);
    assertThat(b.stats().duplicates()).isEqualTo(1);
    var sbom = List.of(new ScanComponent("pkg:pypi/lib-x@1.5", "", ""));
    assertThat(scan(b, sbom)).isEqualTo(scan(a, sbom)).hasSize(1);
    assertThat(b.aliasesOf("CVE-2099-1")).containsExactly("GHSA-a", "PYSEC-1");
  }

  @Test
  void nvdScoresACompiledRecordAsItScoresTheRecordAndTheMatcherUsesIt() {
    String vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    OsvRecord applied =
        NvdSeverity.apply(
            WITHOUT_CVSS,
            cve ->
                cve.equals("CVE-2099-1")
                    ? Optional.of(new OsvSeverity("CVSS_V3", vector))
                    : Optional.empty());
    var compiled = CompiledAdvisory.of(WITHOUT_CVSS);
    assertThat(compiled.withoutCvss()).isTrue();
    assertThat(compiled.cves()).containsExactly("CVE-2099-1");
    Function<String, Optional<String>> nvd =
        cve -> cve.equals("CVE-2099-1") ? Optional.of(vector) : Optional.empty();
    var severity = NvdSeverity.of(compiled, nvd).orElseThrow();
    assertThat(severity).isEqualTo(AdvisorySeverity.of(applied));
    assertThat(severity.level()).isEqualTo(AdvisorySeverity.Level.CRITICAL);
    // The matcher given that severity finds what it finds in the record scored by NVD.
    var sbom = List.of(new ScanComponent("pkg:pypi/lib-x@1.5", "", ""));
    var plain = AdvisoryIndex.builder().add(compiled).build();
    var given =
        new Matcher(
                plain,
                CpeIndex.EMPTY,
                KevCatalog.EMPTY,
                EpssScores.EMPTY,
                Map.of(compiled.id(), severity))
            .scan(sbom)
            .findings();
    assertThat(given).isEqualTo(scan(AdvisoryIndex.builder().add(applied).build(), sbom));
    assertThat(given).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(severity));
    assertThat(scan(plain, sbom).getFirst().severity())
        .isEqualTo(AdvisorySeverity.of(WITHOUT_CVSS));
    // Nothing to give when NVD has no vector for its CVEs, or one that cannot be scored.
    assertThat(NvdSeverity.of(compiled, cve -> Optional.empty())).isEmpty();
    assertThat(NvdSeverity.of(compiled, cve -> Optional.of("not a vector"))).isEmpty();
  }

  @Test
  void aBuilderBuildsOneIndexAndTakesNoRecordAfter() {
    var builder = AdvisoryIndex.builder().add(CompiledAdvisory.of(WITHOUT_CVSS));
    var index = builder.build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.add(WITHOUT_CVSS))
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class);
    assertThat(index.stats().records()).isEqualTo(1);
  }

  @Test
  void theSharedAdvisoriesMatchAlikeCompiledOrNot() {
    var records = new ArrayList<OsvRecord>();
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    for (String set : List.of("pypa", "go", "rustsec")) {
      reader.read(SharedData.require("osv").resolve(set), records::add);
    }
    var direct = AdvisoryIndex.builder();
    var compiled = AdvisoryIndex.builder();
    var sbom = new ArrayList<ScanComponent>();
    for (OsvRecord r : records) {
      direct.add(r);
      compiled.add(CompiledAdvisory.of(r));
      for (OsvAffected a : r.affected()) {
        // Every fifth listed version: enough to touch every comparator, quicker than all.
        for (int i = 0; i < a.versions().size(); i += 5) {
          String v = a.versions().get(i);
          String type =
              switch (a.ecosystem()) {
                case "Go" -> "golang";
                case "crates.io" -> "cargo";
                default -> "pypi";
              };
          sbom.add(new ScanComponent("pkg:" + type + "/" + a.name() + "@" + v, "", ""));
        }
      }
    }
    var a = direct.build();
    var b = compiled.build();
    assertThat(b.stats()).isEqualTo(a.stats());
    List<VulnerabilityFinding> expected = scan(a, sbom);
    assertThat(expected).hasSizeGreaterThan(10_000);
    assertThat(scan(b, sbom)).isEqualTo(expected);
  }

  private static List<VulnerabilityFinding> scan(AdvisoryIndex index, List<ScanComponent> sbom) {
    return new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY).scan(sbom).findings();
  }
}
