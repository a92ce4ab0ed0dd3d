package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformityRulesTest {
  @ParameterizedTest(name = "{0}, standards {1}, eucc-required {2}, foss {3}: {4} ({5})")
  @CsvSource(
      delimiter = ';',
      value = {
        // Art. 32(1): any of (a) A, (b) B+C, (c) H, (d) a certification scheme.
        "default; none; false; false; A B+C H EUCC; Art. 32(1)",
        "default; full; false; true; A B+C H EUCC; Art. 32(1)",
        // Art. 32(2): class I with standards etc. applied in full is not restricted.
        "important-1; full; false; false; A B+C H EUCC; Art. 32(1), 32(2)",
        // Art. 32(2)(a)-(b): otherwise B+C or H only; the text lists no certification scheme.
        "important-1; partial; false; false; B+C H; Art. 32(2)",
        "important-1; none; false; false; B+C H; Art. 32(2)",
        // Art. 32(3)(a)-(c).
        "important-2; full; false; false; B+C H EUCC; Art. 32(3)",
        "important-2; none; false; false; B+C H EUCC; Art. 32(3)",
        // Art. 32(5): FOSS in Annex III with public technical documentation.
        "important-1; none; false; true; A B+C H EUCC; Art. 32(5)",
        "important-2; none; false; true; A B+C H EUCC; Art. 32(5)",
        // Art. 32(4)(a) with Art. 8(1): a delegated act requires certification.
        "critical; none; true; false; EUCC; Art. 32(4)(a), Art. 8(1)",
        // Art. 32(4)(b) and the last sentence of Art. 8(1) second subparagraph: as class II.
        "critical; full; false; false; B+C H EUCC; Art. 32(4)(b), Art. 32(3)",
        // Art. 32(5) covers Annex III only, not critical products of Annex IV.
        "critical; none; false; true; B+C H EUCC; Art. 32(4)(b), Art. 32(3)",
      })
  void theRouteFollowsArticle32(
      String productClass,
      String standards,
      boolean euccRequired,
      boolean foss,
      String modules,
      String basis) {
    var route =
        ConformityRules.route(
            ProductClass.parse(productClass),
            StandardsApplied.parse(standards),
            euccRequired,
            foss);
    List<String> ids = route.modules().stream().map(ConformityModule::id).toList();
    assertThat(ids).isEqualTo(Arrays.asList(modules.split(" ")));
    assertThat(route.basis()).isEqualTo(basis);
    assertThat(route.reason()).isNotBlank();
  }

  @Test
  void aCertificationRequirementUnderArticle8IsRefusedForNonCriticalProducts() {
    assertThatThrownBy(
            () ->
                ConformityRules.route(
                    ProductClass.IMPORTANT_II, StandardsApplied.NONE, true, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Art. 8(1)");
  }

  @Test
  void unknownClassesAreRefusedWithTheAllowedNames() {
    assertThatThrownBy(() -> ProductClass.parse("class-3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("important-1");
  }
}
