package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CraftCommandTest {
  @Test
  void helpListsTheCommandAndExitsZero() {
    var result = Cli.run("--help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage: craft");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitTwo() {
    var result = Cli.run("--no-such-option");
    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Unknown option").doesNotContain("Exception");
  }

  @Test
  void versionPrintsTheProductName() {
    var result = Cli.run("--version");
    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("craft ");
  }
}
