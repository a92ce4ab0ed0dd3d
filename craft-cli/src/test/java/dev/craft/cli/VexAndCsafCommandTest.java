package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VexAndCsafCommandTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} → {1} → back")
  @CsvSource({
    "openvex/vexctl-examples/sarif/sample-history.openvex.json, csaf, openvex",
    "cyclonedx/bom-examples/VEX/CISA-Use-Cases/Case-7/vex.json, openvex, cyclonedx",
    "csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-06-001.json, cyclonedx, csaf",
  })
  void convertThereAndBackKeepsTheStatementCount(String source, String via, String back)
      throws IOException {
    Path in = SbomCheckCommandTest.shared(source);
    Path there = dir.resolve("there.json");
    var first = Cli.run("vex", "convert", in.toString(), "--to", via, "-o", there.toString());
    assertThat(first.code()).as(first.err()).isZero();
    var second = Cli.run("vex", "convert", there.toString(), "--to", back);
    assertThat(second.code()).as(second.err()).isZero();
    String count = first.err().replaceAll("(?s)^craft: (\\d+) statement.*", "$1");
    assertThat(second.err()).startsWith("craft: " + count + " statement(s) from " + via);
    assertThat(second.out()).isNotBlank();
    if (via.equals("cyclonedx")) {
      var check = Cli.run("sbom", "check", there.toString());
      assertThat(check.code()).as(check.out()).isZero();
    }
    if (via.equals("csaf")) {
      var check = Cli.run("csaf", "validate", there.toString());
      assertThat(check.code()).as(check.out()).isZero();
    }
  }

  @Test
  void convertRefusesAnUnreadableFileWithExit3() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{ not json");
    var result = Cli.run("vex", "convert", bad.toString(), "--to", "csaf");
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).startsWith("craft: not valid JSON");
  }

  @Test
  void convertRefusesAnUnknownTargetWithExit3() throws IOException {
    Path in = SbomCheckCommandTest.shared("openvex/vexctl-examples/test.vex.json");
    var result = Cli.run("vex", "convert", in.toString(), "--to", "spdx");
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).contains("unknown VEX format 'spdx'");
  }

  @Test
  void validatePrintsOneJsonObjectPerFileAndExits4WhenOneIsInvalid() throws IOException {
    Path good = SbomCheckCommandTest.shared("csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json");
    String text = Files.readString(good).replace("\"lang\": \"en-US\"", "\"lang\": \"EZ\"");
    assertThat(text).contains("\"lang\": \"EZ\"");
    Path bad = Files.writeString(dir.resolve("bad.json"), text);
    var result = Cli.run("csaf", "validate", "--format", "json", good.toString(), bad.toString());
    assertThat(result.code()).isEqualTo(4);
    var lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"valid\":true").contains("\"errors\":[]");
    assertThat(lines.get(1))
        .contains("\"valid\":false")
        .contains("{\"testId\":\"6.1.12\",\"path\":\"/document/lang\"");
  }

  @Test
  void validateExits0ForValidFilesAnd3ForAnUnreadableOne() throws IOException {
    Path good = SbomCheckCommandTest.shared("csaf/csaf_2.0/examples/csaf/rhsa-2021_5186.json");
    var ok = Cli.run("csaf", "validate", good.toString());
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out()).contains(": valid");
    Path missing = dir.resolve("missing.json");
    var result = Cli.run("csaf", "validate", good.toString(), missing.toString());
    assertThat(result.code()).isEqualTo(3);
    assertThat(result.out()).contains("missing.json: INVALID (1 problems)").contains("[read]");
  }
}
