package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.NvdCpeMatch;
import dev.craft.formats.NvdCve;
import dev.craft.formats.NvdCvss;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NVD configurations become CPE criteria with the CVE's CVSS and their platform. */
class NvdCriteriaTest {
  static final String RAW =
      """
      {"id":"CVE-2099-1000","configurations":[
        {"operator":"AND","nodes":[
          {"operator":"OR","negate":false,"cpeMatch":[
            {"vulnerable":true,"criteria":"cpe:2.3:o:acme:router_firmware:*:*:*:*:*:*:*:*",
             "versionEndExcluding":"4.2.0"}]},
          {"operator":"OR","negate":false,"cpeMatch":[
            {"vulnerable":false,"criteria":"cpe:2.3:h:acme:router_x1:-:*:*:*:*:*:*:*"}]}]},
        {"nodes":[
          {"operator":"OR","negate":false,"cpeMatch":[
            {"vulnerable":true,"criteria":"cpe:2.3:a:acme:webui:1.0:*:*:*:*:*:*:*"}]},
          {"operator":"OR","negate":true,"cpeMatch":[
            {"vulnerable":true,"criteria":"cpe:2.3:a:acme:excluded:*:*:*:*:*:*:*:*"}]}]}]}
      """;

  static final NvdCve CVE =
      new NvdCve(
          "CVE-2099-1000",
          "2099-01-01T00:00:00.000",
          "2099-01-02T00:00:00.000",
          "Analyzed",
          "example",
          List.of(
              new NvdCvss(
                  "3.1",
                  "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                  9.8,
                  "nvd@nist.gov",
                  "Primary")),
          List.of("CWE-787"),
          List.<NvdCpeMatch>of(),
          List.of(),
          RAW);

  @Test
  void vulnerableCriteriaCarryTheirBoundsThePlatformAndTheCvss() {
    List<CpeCriterion> criteria = NvdCriteria.of(CVE, "nvd");
    assertThat(criteria)
        .extracting(CpeCriterion::criteria)
        .containsExactly(
            "cpe:2.3:o:acme:router_firmware:*:*:*:*:*:*:*:*",
            "cpe:2.3:a:acme:webui:1.0:*:*:*:*:*:*:*");
    CpeCriterion firmware = criteria.get(0);
    assertThat(firmware.endExcluding()).isEqualTo("4.2.0");
    assertThat(firmware.platform()).isEqualTo("cpe:2.3:h:acme:router_x1:-:*:*:*:*:*:*:*");
    assertThat(firmware.severity().level()).isEqualTo(AdvisorySeverity.Level.CRITICAL);
    assertThat(criteria.get(1).platform()).isEmpty();
  }

  @Test
  void aFirmwareComponentIsFoundThroughItsCpe() {
    var index = CpeIndex.builder();
    NvdCriteria.of(CVE, "nvd").forEach(index::add);
    var fw =
        new ScanComponent(
            "", "firmware", "4.1.0", List.of("cpe:2.3:o:acme:router_firmware:4.1.0:*:*:*:*:*:*:*"));
    var patched =
        new ScanComponent(
            "", "firmware", "4.2.0", List.of("cpe:2.3:o:acme:router_firmware:4.2.0:*:*:*:*:*:*:*"));
    var excluded =
        new ScanComponent("", "x", "1.0", List.of("cpe:2.3:a:acme:excluded:1.0:*:*:*:*:*:*:*"));
    var result =
        new Matcher(
                AdvisoryIndex.builder().build(), index.build(), KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(fw, patched, excluded));
    assertThat(result.findings()).hasSize(1);
    var f = result.findings().get(0);
    assertThat(f.component()).isEqualTo(fw);
    assertThat(f.vulnerability()).isEqualTo("CVE-2099-1000");
    assertThat(f.severity().cvssScore()).isEqualTo(9.8);
    assertThat(f.evidence().compared()).contains("router_x1");
  }
}
