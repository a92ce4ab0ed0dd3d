package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvEvent;
import dev.craft.formats.OsvRange;
import dev.craft.formats.OsvRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CPE matching (NVD's vulnerable criteria) for components their purl does not find: one component
 * per row ("purl ; cpe ; version"), the findings expected ("ID=STATUS", "-" for none).
 */
class CpeMatchingTest {
  private static final String ANY7 = ":*:*:*:*:*:*:*";

  private static CpeCriterion criterion(
      String id, String cpe, String startIncl, String endIncl, String endExcl, String platform) {
    return new CpeCriterion(
        id, "nvd", cpe, startIncl, "", endIncl, endExcl, platform, AdvisorySeverity.UNKNOWN);
  }

  private static final CpeIndex CPES =
      CpeIndex.builder()
          .add(criterion("CVE-A", "cpe:2.3:a:apache:log4j:*" + ANY7, "2.0", "", "2.15.0", ""))
          .add(criterion("CVE-B", "cpe:2.3:a:openssl:openssl:*" + ANY7, "1.0.2", "", "1.0.2k", ""))
          .add(criterion("CVE-C", "cpe:2.3:a:acme:widget:1.4" + ANY7, "", "", "", ""))
          .add(
              criterion(
                  "CVE-D",
                  "cpe:2.3:o:acme:firmware:*" + ANY7,
                  "",
                  "",
                  "",
                  "cpe:2.3:h:acme:router:-:*:*:*:*:*:*:*"))
          .add(criterion("CVE-E", "cpe:2.3:a:acme:tool:*:*:*:*:*:wordpress:*:*", "", "", "3.0", ""))
          .add(criterion("CVE-F", "cpe:2.3:a:acme:gadget:*" + ANY7, "", "2.4", "", ""))
          .add(criterion("CVE-X", "cpe:2.3:a:*:*:*" + ANY7, "", "", "", ""))
          .add(criterion("CVE-Y", "not a cpe", "", "", "", ""))
          .build();

  private static final AdvisoryIndex OSV =
      AdvisoryIndex.builder()
          .add(
              new OsvRecord(
                  "GHSA-LOG4J",
                  "2026-01-01T00:00:00Z",
                  "",
                  "",
                  List.of("CVE-A"),
                  List.of(),
                  "",
                  List.of(
                      new OsvAffected(
                          "Maven",
                          "org.apache.logging.log4j:log4j-core",
                          "",
                          List.of(),
                          List.of(
                              new OsvRange(
                                  "ECOSYSTEM",
                                  "",
                                  List.of(
                                      new OsvEvent(OsvEvent.Kind.INTRODUCED, "2.0"),
                                      new OsvEvent(OsvEvent.Kind.FIXED, "2.15.0")))),
                          List.of())),
                  "test",
                  "{}"))
          .build();

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = ';',
      nullValues = "",
      textBlock =
          """
          # bounds: from (inclusive) and before (exclusive); pre-releases sort below the release
          ; cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:* ; ; CVE-A=AFFECTED
          ; cpe:2.3:a:apache:log4j:2.15.0:*:*:*:*:*:*:* ; ; -
          ; cpe:2.3:a:apache:log4j:2.0:*:*:*:*:*:*:* ; ; CVE-A=AFFECTED
          ; cpe:2.3:a:apache:log4j:2.0-beta9:*:*:*:*:*:*:* ; ; -
          ; cpe:2.3:a:apache:log4j:2.15.0-rc1:*:*:*:*:*:*:* ; ; CVE-A=AFFECTED
          # the 2.2 URI form; the component's version when the CPE names none
          ; cpe:/a:apache:log4j:2.14.1 ; ; CVE-A=AFFECTED
          ; cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* ; 2.14.1 ; CVE-A=AFFECTED
          # no version, or one that cannot be ordered: indeterminate, never silently not affected
          ; cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:* ; ; CVE-A=INDETERMINATE
          ; cpe:2.3:a:apache:log4j:weird:*:*:*:*:*:*:* ; ; CVE-A=INDETERMINATE
          # OpenSSL's letter releases: 1.0.2j < 1.0.2k; 1.0.2 itself is in range
          ; cpe:2.3:a:openssl:openssl:1.0.2j:*:*:*:*:*:*:* ; ; CVE-B=AFFECTED
          ; cpe:2.3:a:openssl:openssl:1.0.2:*:*:*:*:*:*:* ; ; CVE-B=AFFECTED
          ; cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:* ; ; -
          ; cpe:2.3:a:openssl:openssl:1.0.1u:*:*:*:*:*:*:* ; ; -
          # an exact version in the criterion; trailing zeros do not matter; up to (inclusive)
          ; cpe:2.3:a:acme:widget:1.4:*:*:*:*:*:*:* ; ; CVE-C=AFFECTED
          ; cpe:2.3:a:acme:widget:1.4.0:*:*:*:*:*:*:* ; ; CVE-C=AFFECTED
          ; cpe:2.3:a:acme:widget:1.4.1:*:*:*:*:*:*:* ; ; -
          ; cpe:2.3:a:acme:gadget:2.4:*:*:*:*:*:*:* ; ; CVE-F=AFFECTED
          ; cpe:2.3:a:acme:gadget:2.4.1:*:*:*:*:*:*:* ; ; -
          # no bounds: every version; the part (a/o/h) must agree
          ; cpe:2.3:o:acme:firmware:7.1:*:*:*:*:*:*:* ; ; CVE-D=AFFECTED
          ; cpe:2.3:a:acme:firmware:7.1:*:*:*:*:*:*:* ; ; -
          # other attributes: a specific value must agree, the component's ANY is unknown
          ; cpe:2.3:a:acme:tool:2.0:*:*:*:*:wordpress:*:* ; ; CVE-E=AFFECTED
          ; cpe:2.3:a:acme:tool:2.0:*:*:*:*:joomla:*:* ; ; -
          ; cpe:2.3:a:acme:tool:2.0:*:*:*:*:*:*:* ; ; CVE-E=AFFECTED
          # escaped characters and case
          ; cpe:2.3:a:Apache:Log4j:2.14.1:*:*:*:*:*:*:* ; ; CVE-A=AFFECTED
          # purl first: a purl that finds an advisory decides; one that finds none falls back to the CPE
          pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 ; cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:* ; ; GHSA-LOG4J=AFFECTED
          pkg:generic/log4j@2.14.1 ; cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:* ; ; CVE-A=AFFECTED
          """)
  void aComponentGetsTheFindingsOfItsCpe(String purl, String cpe, String version, String expected) {
    var component =
        new ScanComponent(
            purl == null ? "" : purl.strip(),
            "c",
            version == null ? "" : version.strip(),
            List.of(cpe.strip()));
    var result =
        new Matcher(OSV, CPES, KevCatalog.EMPTY, EpssScores.EMPTY).scan(List.of(component));
    Map<String, String> actual = new TreeMap<>();
    for (VulnerabilityFinding f : result.findings()) {
      actual.put(f.vulnerability(), f.status().name());
    }
    Map<String, String> wanted = new TreeMap<>();
    if (!expected.strip().equals("-")) {
      for (String pair : expected.strip().split(" ")) {
        String[] kv = pair.split("=");
        wanted.put(kv[0], kv[1]);
      }
    }
    assertThat(actual).isEqualTo(wanted);
    assertThat(result.withoutPurl()).isEmpty();
  }

  @Test
  void aCpeFindingCarriesTheCriterionAndThePlatformAsEvidence() {
    var c = new ScanComponent("", "fw", "", List.of("cpe:2.3:o:acme:firmware:7.1:*:*:*:*:*:*:*"));
    var f = new Matcher(OSV, CPES, KevCatalog.EMPTY, EpssScores.EMPTY).scan(List.of(c));
    assertThat(f.findings()).hasSize(1);
    MatchEvidence e = f.findings().get(0).evidence();
    assertThat(e.match()).isEqualTo("cpe");
    assertThat(e.packageName()).isEqualTo("cpe:2.3:o:acme:firmware:*:*:*:*:*:*:*:*");
    assertThat(e.compared()).contains("every version").contains("cpe:2.3:h:acme:router");
    assertThat(e.version()).isEqualTo("7.1");
  }

  @Test
  void criteriaWithoutVendorOrProductOrNotACpeAreCountedAndLeftOut() {
    assertThat(CPES.criteria()).isEqualTo(6);
    assertThat(CPES.unusable()).isEqualTo(2);
  }

  @Test
  void aComponentWithoutPurlIsReportedWhenNoCpeLookUpIsPossible() {
    var c = new ScanComponent("", "x", "1.0", List.of());
    var r = new Matcher(OSV, CPES, KevCatalog.EMPTY, EpssScores.EMPTY).scan(List.of(c));
    assertThat(r.withoutPurl()).containsExactly(c);
  }

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({
    "1.0, 1.0.0, 0",
    "1.0.2k, 1.0.2, 1",
    "1.0.2a, 1.0.2, 1",
    "1.0.2zh, 1.0.2k, 1",
    "2.0-beta9, 2.0, -1",
    "2.15.0-rc1, 2.15.0, -1",
    "2.15.0-rc1, 2.15.0-beta2, 1",
    "9.0.0.M1, 9.0.0, -1",
    "1.0a1, 1.0, -1",
    "1.10, 1.9, 1",
    "10.0.19041, 10.0.2, 1",
    "7.1p2, 7.1, 1",
  })
  void genericVersionOrderFollowsVendorConventions(String a, String b, int expected) {
    assertThat(Integer.signum(GenericVersionOrder.compare(a, b))).isEqualTo(expected);
    assertThat(Integer.signum(GenericVersionOrder.compare(b, a))).isEqualTo(-expected);
  }
}
