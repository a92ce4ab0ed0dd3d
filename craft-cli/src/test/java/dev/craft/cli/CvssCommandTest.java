package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvssCommandTest {
  @TempDir Path dir;

  @Test
  void aVectorPrintsScoreTabSeverity() {
    var r = Cli.run("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("9.8\tCRITICAL" + System.lineSeparator());
  }

  @Test
  void aV4VectorPrintsItsScore() {
    var r = Cli.run("cvss", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("9.3\tCRITICAL");
  }

  @Test
  void jsonNamesVersionScoreAndSeverity() {
    var r =
        Cli.run(
            "cvss",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().replaceAll("\\s", ""))
        .contains("\"version\":\"4.0\"")
        .contains("\"score\":9.1")
        .contains("\"severity\":\"CRITICAL\"")
        .contains("\"baseScore\":10.0")
        .contains("\"nomenclature\":\"CVSS-BT\"");
  }

  @Test
  void anInvalidVectorIsInvalidInputWithOneLineOnStderr() {
    var r = Cli.run("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("metric A given more than once");
  }

  @Test
  void aFileGivesOneLinePerVectorAndErrorsInPlace() throws IOException {
    Path file = dir.resolve("vectors.txt");
    Files.writeString(
        file,
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"
            + "not a vector\n"
            + "AV:N/AC:L/Au:N/C:N/I:N/A:C\n"
            + "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N\n");
    var r = Cli.run("cvss", "--vectors", file.toString());
    assertThat(r.out().lines())
        .containsExactly(
            "9.8\tCRITICAL",
            "error: invalid CVSS vector 'not a vector': malformed metric 'not a vector'"
                + " (expected KEY:VALUE)",
            "7.8\tHIGH",
            "0.0\tNONE");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("1 of 4 vectors are invalid");
  }

  @Test
  void aFileOfValidVectorsExitsZeroAndJsonIsAnArray() throws IOException {
    Path file = dir.resolve("ok.txt");
    Files.writeString(file, "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U\n");
    var r = Cli.run("cvss", "--vectors", file.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).startsWith("[").endsWith("]");
    assertThat(r.out().replaceAll("\\s", ""))
        .contains("\"score\":10.0")
        .contains("\"temporalScore\":9.3");
  }

  @Test
  void aMissingFileIsInvalidInput() {
    var r = Cli.run("cvss", "--vectors", dir.resolve("absent.txt").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void neitherVectorNorFileIsAUsageError() {
    var r = Cli.run("cvss");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("VECTOR");
  }
}
