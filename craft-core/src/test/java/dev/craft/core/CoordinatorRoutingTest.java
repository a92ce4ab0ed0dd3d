package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinatorRoutingTest {
  static @Nullable MemberState state(String s) {
    return s.equals("-") ? null : MemberState.valueOf(s);
  }

  /** Art. 14(7): main establishment first, then the cascade (a)–(d), first known fact wins. */
  @ParameterizedTest(
      name =
          "decisions {0}, employees {1}, rep {2}, importer {3}, distributor {4}, users {5} → {6}")
  @CsvSource({
    "DE, FR, -, -, -, -, DE, second subparagraph",
    "-, FR, IT, -, -, -, FR, second subparagraph",
    "-, -, IT, ES, PL, NL, IT, point (a)",
    "-, -, -, ES, PL, NL, ES, point (b)",
    "-, -, -, -, PL, NL, PL, point (c)",
    "-, -, -, -, -, NL, NL, point (d)",
  })
  void theFirstKnownFactDecides(
      String decisions,
      String employees,
      String rep,
      String importer,
      String distributor,
      String users,
      String expected,
      String basis) {
    var route =
        CoordinatorRouting.route(
                new RoutingFacts(
                    state(decisions),
                    state(employees),
                    state(rep),
                    state(importer),
                    state(distributor),
                    state(users)))
            .orElseThrow();
    assertThat(route.state()).isEqualTo(MemberState.valueOf(expected));
    assertThat(route.basis()).contains(basis);
    assertThat(route.csirt().state()).isEqualTo(route.state());
  }

  @Test
  void withNoFactsTheCoordinatorIsUndetermined() {
    assertThat(CoordinatorRouting.route(RoutingFacts.NONE)).isEmpty();
  }

  @Test
  void theTableCoversAll27MemberStatesAndMarksEveryEntryUnverified() {
    assertThat(Coordinators.all()).hasSize(27).allSatisfy(c -> assertThat(c.verified()).isFalse());
    assertThat(MemberState.parse("x", "EL")).isEqualTo(MemberState.GR);
  }
}
