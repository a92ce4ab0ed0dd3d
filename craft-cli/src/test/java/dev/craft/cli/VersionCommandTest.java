package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionCommandTest {
  @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "maven|1.0|1.0.0|0",
        "maven|1.0-SNAPSHOT|1.0|-1",
        "npm|1.0.0-alpha|1.0.0|-1",
        "PyPI|1.0.post1|1.0|1",
        "Go|v0.0.0-20191109021931-daa7c04131f5|v0.1.0|-1",
        "Debian:12|1.0~rc1-1|1.0-1|-1",
        "Red Hat|1:1.0-1|2.0-1|1",
        "apk|1.2.3_rc1-r0|1.2.3-r0|-1"
      })
  void compareWithTwoVersionsPrintsMinusOneZeroOrOne(
      String ecosystem, String a, String b, String expected) {
    var result = Cli.run("version", "compare", ecosystem, a, b);
    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo(expected + System.lineSeparator());
  }

  @Test
  void anInvalidVersionExitsThreeWithTheReasonOnOneLine() {
    var result = Cli.run("version", "compare", "npm", "1.2", "1.2.0");
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "craft: invalid npm version \"1.2\": expected MAJOR.MINOR.PATCH"
                + System.lineSeparator());
  }

  @Test
  void versionsThatTheEcosystemCannotOrderExitThree() {
    var result = Cli.run("version", "compare", "composer", "dev-main", "1.0.0");
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("cannot be ordered");
  }

  @Test
  void anUnknownEcosystemExitsThree() {
    var result = Cli.run("version", "compare", "cobol", "1", "2");
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("unknown ecosystem \"cobol\"");
  }

  @Test
  void oneVersionWithoutPairsIsAUsageError() {
    var result = Cli.run("version", "compare", "npm", "1.0.0");
    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("expected two versions");
  }

  @Test
  void pairsFilePrintsOneAnswerPerLineWithErrorLinesInPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pairs.tsv");
    Files.writeString(
        file,
        "1.0.0\t2.0.0\n2.0.0\t2.0.0+build\r\n1.2\t1.2.0\nno tab here\n1.0.0-rc.1\t1.0.0-beta\n",
        StandardCharsets.UTF_8);
    var result = Cli.run("version", "compare", "npm", "--pairs", file.toString());
    assertThat(result.code()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "-1",
            "0",
            "error: invalid npm version \"1.2\": expected MAJOR.MINOR.PATCH",
            "error: expected two versions separated by one tab",
            "1");
  }

  @Test
  void pairsTogetherWithVersionsIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("p.tsv"), "1\t2\n");
    var result = Cli.run("version", "compare", "maven", "--pairs", file.toString(), "1", "2");
    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingPairsFileExitsThree(@TempDir Path dir) {
    var result =
        Cli.run("version", "compare", "maven", "--pairs", dir.resolve("absent.tsv").toString());
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).startsWith("craft: no such file");
  }

  @Test
  void versionWithoutSubcommandPrintsUsage() {
    var result = Cli.run("version");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("compare");
  }
}
