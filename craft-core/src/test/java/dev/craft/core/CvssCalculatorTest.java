package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssCalculatorTest {
  @ParameterizedTest(name = "{0} = {1} {2}")
  @CsvSource({
    // CVSS v2 guide, section 3.3 examples (CVE-2002-0392, CVE-2003-0818, CVE-2003-0062).
    "AV:N/AC:L/Au:N/C:N/I:N/A:C, 7.8, HIGH",
    "AV:N/AC:L/Au:N/C:C/I:C/A:C, 10.0, HIGH",
    "AV:L/AC:H/Au:N/C:C/I:C/A:C, 6.2, MEDIUM",
    "(AV:N/AC:M/Au:N/C:P/I:N/A:N), 4.3, MEDIUM",
    "AV:N/AC:L/Au:N/C:N/I:N/A:N, 0.0, LOW",
    // CVSS v3.1 examples document (FIRST): Shellshock, phpMyAdmin, MySQL, POODLE, VMware, Cisco
    // IOS, iWork, Heartbleed, DNS Kaminsky, Sophos, Joomla, Juniper.
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, MEDIUM",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1, LOW",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 8.8, HIGH",
    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 7.8, HIGH",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N, 6.8, MEDIUM",
    "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 6.8, MEDIUM",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N, 5.8, MEDIUM",
    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H, 9.3, CRITICAL",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0, CRITICAL",
    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N, 3.3, LOW",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, NONE",
    // Metrics in another order are valid in v3.x (spec section 6).
    "CVSS:3.1/AC:L/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    // Temporal metrics do not change the base score.
    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C, 6.1, MEDIUM",
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL",
    // CVSS v4.0 specification examples and FIRST calculator regression vectors.
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3, CRITICAL",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N, 5.1, MEDIUM",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0, CRITICAL",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0, NONE",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H, 7.9, HIGH",
    "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N, 1.0, LOW",
    "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L, 5.2, MEDIUM",
    "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N, 4.8, MEDIUM",
  })
  void baseVectorsScoreAsInTheSpecificationExamples(
      String vector, double score, CvssSeverity severity) {
    var result = CvssCalculator.score(vector);
    assertThat(result.score()).isEqualTo(score);
    assertThat(result.baseScore()).isEqualTo(score);
    assertThat(result.severity()).isEqualTo(severity);
  }

  // Expected values cross-checked with an independent implementation (js-cvss 0.4.4, see ADR 020).
  @ParameterizedTest(name = "{0} = {1} {2}, base {3}")
  @CsvSource({
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:A, 5.1, CVSS-BT, 5.1",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U, 9.1, CVSS-BT, 10.0",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MVI:L/MSA:S, 9.8, CVSS-BE, 10.0",
    "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:N/VI:N/VA:H/SC:H/SI:H/SA:H/CR:L/IR:L/AR:L, 5.8, CVSS-BE, 7.2",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U, 0.4, CVSS-BT, 2.0",
    "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L/E:P/CR:H/IR:M/AR:H/MAV:A/MAT:P/MPR:N/MVI:H/MVA:N/MSI:H/MSA:N/S:N/V:C/U:Amber, 4.7, CVSS-BTE, 5.2",
    "CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:A/S:P/AU:Y/R:A/V:D/RE:L/U:Red, 5.4, CVSS-BT, 5.4",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X, 9.3, CVSS-B, 9.3",
  })
  void v4VectorsWithThreatOrEnvironmentalMetricsNameTheirScore(
      String vector, double score, String nomenclature, double base) {
    var result = CvssCalculator.score(vector);
    assertThat(result.score()).isEqualTo(score);
    assertThat(result.nomenclature()).isEqualTo(nomenclature);
    assertThat(result.baseScore()).isEqualTo(base);
    assertThat(result.version()).isEqualTo(CvssVersion.V4_0);
  }

  @Test
  void v30AndV31GiveTheSameBaseScoreForEveryBaseVector() {
    // The two Roundup rules differ only on inputs like 9.200000000000001; exhaustively, no base
    // score hits one (2,592 vectors).
    int count = 0;
    for (String av : List.of("N", "A", "L", "P")) {
      for (String ac : List.of("L", "H")) {
        for (String pr : List.of("N", "L", "H")) {
          for (String ui : List.of("N", "R")) {
            for (String s : List.of("U", "C")) {
              for (String c : List.of("H", "L", "N")) {
                for (String i : List.of("H", "L", "N")) {
                  for (String a : List.of("H", "L", "N")) {
                    String body =
                        "/AV:%s/AC:%s/PR:%s/UI:%s/S:%s/C:%s/I:%s/A:%s"
                            .formatted(av, ac, pr, ui, s, c, i, a);
                    assertThat(CvssCalculator.score("CVSS:3.0" + body).score())
                        .as(body)
                        .isEqualTo(CvssCalculator.score("CVSS:3.1" + body).score());
                    count++;
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(count).isEqualTo(2592);
  }

  @Test
  void v31RoundsTemporalScoresWithoutTheFloatingPointErrorOfV30() {
    // 10.0 x 0.92 = 9.200000000000001 in binary floating point: the v3.0 reference calculator
    // rounds it up to 9.3, v3.1's Roundup (Appendix A of its specification) gives 9.2.
    String body = "/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U";
    assertThat(CvssCalculator.temporalScore("CVSS:3.0" + body)).hasValue(9.3);
    assertThat(CvssCalculator.temporalScore("CVSS:3.1" + body)).hasValue(9.2);
    assertThat(CvssCalculator.score("CVSS:3.0" + body).score()).isEqualTo(10.0);
  }

  @Test
  void temporalScoresExistOnlyWhenTemporalMetricsAreGiven() {
    assertThat(CvssCalculator.temporalScore("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C"))
        .hasValue(6.4);
    assertThat(
            CvssCalculator.temporalScore(
                "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C"))
        .hasValue(5.7);
    assertThat(CvssCalculator.temporalScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X"))
        .isEmpty();
    assertThat(
            CvssCalculator.temporalScore(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "CVSS:3.1",
        "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
        "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y",
        "CVSS:3.1/AV:N:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "garbageCVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "AV:N/AC:L/Au:N/C:P/I:P",
        "AV:N/AC:L/Au:N/C:InVaLiD/I:P/A:N",
        // v4.0 test cases of its specification section 7.
        "CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A/E:X",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
        "AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/SC:N/SI:N/SA:N",
        "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:S",
      })
  void invalidVectorsAreRefusedAsInvalidInput(String vector) {
    assertThatThrownBy(() -> CvssCalculator.score(vector))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid CVSS vector");
  }

  @Test
  void overlongInputIsRefusedBeforeParsing() {
    String vector = "CVSS:3.1/" + "AV:N/".repeat(200);
    assertThatThrownBy(() -> CvssCalculator.score(vector))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("longer than 512");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "V3_1, 0.0, NONE",
    "V3_1, 0.1, LOW",
    "V3_1, 3.9, LOW",
    "V3_1, 4.0, MEDIUM",
    "V3_1, 6.9, MEDIUM",
    "V3_1, 7.0, HIGH",
    "V3_1, 8.9, HIGH",
    "V3_1, 9.0, CRITICAL",
    "V4_0, 10.0, CRITICAL",
    "V2, 0.0, LOW",
    "V2, 3.9, LOW",
    "V2, 4.0, MEDIUM",
    "V2, 7.0, HIGH",
    "V2, 10.0, HIGH",
  })
  void severityRatingsFollowTheQualitativeScales(
      CvssVersion version, double score, CvssSeverity severity) {
    assertThat(CvssSeverity.of(version, score)).isEqualTo(severity);
  }
}
