package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CraApplicabilityTest {
  @ParameterizedTest(name = "on {0}, placed {1}, modified {2}: reporting {3}, requirements {4}")
  @CsvSource({
    // Art. 71(2): Art. 14 from 11 September 2026.
    "2026-09-10, 2020-01-01, false, false, false",
    "2026-09-11, 2020-01-01, false, true, false",
    // Art. 69(3): Art. 14 also for products placed before 11 December 2027.
    "2028-01-01, 2027-06-01, false, true, false",
    // Art. 69(2): the rest only after a substantial modification from that date.
    "2028-01-01, 2027-06-01, true, true, true",
    // Art. 71(2): everything from 11 December 2027 for products placed from then.
    "2027-12-11, 2027-12-11, false, true, true",
    "2027-12-10, 2027-12-10, false, true, false",
  })
  void obligationsApplyByTheDatesOfArticles69And71(
      String on, String placed, boolean modified, boolean reporting, boolean requirements) {
    var a = CraApplicability.of(LocalDate.parse(on), LocalDate.parse(placed), modified);
    assertThat(a.reportingApplies()).isEqualTo(reporting);
    assertThat(a.requirementsApply()).isEqualTo(requirements);
    assertThat(a.basis()).contains("Art. ");
  }
}
