package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GitHub's vulnerable_version_range text to OSV events or versions, as a table. */
class GithubRangeTest {
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(">= 1.0, < 1.2.3", "1.2.3", "introduced 1.0; fixed 1.2.3", "", ""),
        Arguments.of(">= 1.0, < 1.2.3", "", "introduced 1.0; fixed 1.2.3", "", ""),
        Arguments.of("< 3", "", "introduced 0; fixed 3", "", ""),
        Arguments.of("<= 2.0", "", "introduced 0; last_affected 2.0", "", ""),
        Arguments.of("<= 2.0", "2.0.1", "introduced 0; last_affected 2.0", "", ""),
        Arguments.of(">= 4.0.0", "", "introduced 4.0.0", "", ""),
        Arguments.of(">= 4.0.0", "4.1.2", "introduced 4.0.0; fixed 4.1.2", "", ""),
        Arguments.of("= 1.4", "1.5", "", "1.4", ""),
        Arguments.of(">=1.0,<2", "", "introduced 1.0; fixed 2", "", ""),
        Arguments.of(
            "> 1.0, < 2", "", "", "", "an exclusive lower bound ('> 1.0') has no OSV event"),
        Arguments.of("1.0", "", "", "", "constraint '1.0' has no operator (>=, >, <, <=, =)"),
        Arguments.of("= 1.4, < 2", "", "", "", "'= v' mixed with other bounds in '= 1.4, < 2'"));
  }

  @ParameterizedTest(name = "{0} (patched {1}) -> events [{2}] versions [{3}] problem [{4}]")
  @MethodSource("table")
  void aRangeConvertsToOsvEventsOrVersionsOrNamesWhyNot(
      String range, String patched, String events, String versions, String problem) {
    GithubRange r = GithubRange.of(range, patched);
    assertThat(String.join("; ", r.events().stream().map(OsvEvent::toString).toList()))
        .isEqualTo(events);
    assertThat(String.join(", ", r.versions())).isEqualTo(versions);
    assertThat(r.problem()).isEqualTo(problem);
  }
}
