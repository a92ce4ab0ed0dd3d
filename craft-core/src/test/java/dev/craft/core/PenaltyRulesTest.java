package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PenaltyRulesTest {
  @ParameterizedTest(name = "{0}, turnover {1}: up to {2} ({3})")
  @CsvSource({
    // Art. 64(2): EUR 15 000 000 or 2.5 %, whichever is higher.
    "essential, 100000000, 15000000, Art. 64(2)",
    "essential, 600000000, 15000000.00, Art. 64(2)",
    "essential, 1000000000, 25000000.00, Art. 64(2)",
    // Art. 64(3): EUR 10 000 000 or 2 %.
    "other, 1000000000, 20000000.00, Art. 64(3)",
    "other, 0, 10000000, Art. 64(3)",
    // Art. 64(4): EUR 5 000 000 or 1 %.
    "misleading, 1000000000, 10000000.00, Art. 64(4)",
    "misleading, 123456789.99, 5000000, Art. 64(4)",
  })
  void theCeilingIsTheHigherOfTheFixedAmountAndTheTurnoverShare(
      String category, String turnover, String maximum, String basis) {
    var ceiling = PenaltyRules.ceiling(PenaltyCategory.parse(category), new BigDecimal(turnover));
    assertThat(ceiling.maximumEur()).isEqualByComparingTo(maximum);
    assertThat(ceiling.basis()).isEqualTo(basis);
  }

  @Test
  void theTurnoverShareIsExactToTheCent() {
    var ceiling = PenaltyRules.ceiling(PenaltyCategory.ESSENTIAL, new BigDecimal("1234567890.10"));
    assertThat(ceiling.turnoverCapEur()).isEqualByComparingTo("30864197.25");
  }

  @Test
  void theEssentialCategoryCarriesTheSmallEnterpriseEarlyWarningDerogation() {
    var essential = PenaltyRules.ceiling(PenaltyCategory.ESSENTIAL, BigDecimal.ZERO);
    var other = PenaltyRules.ceiling(PenaltyCategory.OTHER, BigDecimal.ZERO);
    assertThat(essential.notes()).anyMatch(n -> n.startsWith("Art. 64(10)(a)"));
    assertThat(other.notes()).noneMatch(n -> n.startsWith("Art. 64(10)(a)"));
    assertThat(other.notes()).anyMatch(n -> n.startsWith("Art. 64(10)(b)"));
  }

  @Test
  void aNegativeTurnoverIsRefused() {
    assertThatThrownBy(() -> PenaltyRules.ceiling(PenaltyCategory.OTHER, new BigDecimal("-1")))
        .isInstanceOf(InvalidInputException.class);
  }
}
