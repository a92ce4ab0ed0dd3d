package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SbomCheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHA256 = "a".repeat(64);

  @TempDir Path dir;

  static Path shared(String relative) {
    Path path =
        Path.of(System.getProperty("craft.sharedData", "../../shared/data")).resolve(relative);
    assumeTrue(Files.exists(path), path + " is absent: skipping");
    return path;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static JsonNode line(String out, int index) throws IOException {
    return JSON.readTree(out.lines().toList().get(index));
  }

  @Test
  void aValidCycloneDxExampleExitsZeroAndReportsItsFormatAsJson() throws IOException {
    Path bom =
        shared("cyclonedx/bom-examples/SaaSBOM/apigateway-microservices-datastores/bom.json");
    var result = Cli.run("sbom", "check", "--format", "json", bom.toString());
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode report = line(result.out(), 0);
    assertThat(report.get("file").asText()).isEqualTo(bom.toString());
    assertThat(report.get("format").asText()).isEqualTo("cyclonedx");
    assertThat(report.get("specVersion").asText()).isNotEmpty();
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("errors")).isEmpty();
  }

  @Test
  void everyBomExampleIsJudgedValid() throws IOException {
    Path root = shared("cyclonedx/bom-examples");
    try (Stream<Path> files = Files.walk(root)) {
      String[] args =
          Stream.concat(
                  Stream.of("sbom", "check", "--format", "json"),
                  files.filter(p -> p.toString().endsWith(".json")).map(Path::toString))
              .toArray(String[]::new);
      var result = Cli.run(args);
      assertThat(result.code()).as(result.out()).isZero();
      assertThat(result.out().lines()).hasSize(args.length - 4);
    }
  }

  /**
   * The CycloneDX specification's own valid/invalid test documents are not in the shared data (only
   * its schemas and bom-examples are), so these cases follow their naming.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          valid-minimal-1.6         | {"bomFormat":"CycloneDX","specVersion":"1.6","version":1}                                                         | 0
          valid-minimal-1.7         | {"bomFormat":"CycloneDX","specVersion":"1.7","version":1}                                                         | 0
          valid-minimal-1.2         | {"bomFormat":"CycloneDX","specVersion":"1.2","version":1}                                                         | 0
          invalid-component-type    | {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"foo","name":"x"}]}                            | 4
          invalid-missing-name      | {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library"}]}                                   | 4
          invalid-hash-alg          | {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","hashes":[{"alg":"SHA-9","content":"aa"}]}]} | 4
          invalid-serialnumber      | {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"nope"}                                              | 4
          invalid-bomformat-version | {"bomFormat":"CycloneDX","specVersion":"1.6","version":"one"}                                                     | 4
          invalid-empty-component   | {"bomFormat":"CycloneDX","specVersion":"1.5","components":[{}]}                                                   | 4
          invalid-license-choice    | {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","licenses":[{"license":{}}]}]} | 4
          invalid-additional-prop   | {"bomFormat":"CycloneDX","specVersion":"1.6","unknownField":1}                                                    | 4
          unknown-spec-version      | {"bomFormat":"CycloneDX","specVersion":"9.9"}                                                                     | 3
          not-an-sbom               | {"hello":"world"}                                                                                                 | 3
          not-json                  | {"bomFormat":                                                                                                     | 3
          plain-text                | hello world                                                                                                       | 3
          """)
  void judgesDocumentsLikeTheSpecificationsTestSuite(String name, String content, int expected)
      throws IOException {
    Path file = write(name + ".json", content);
    var result = Cli.run("sbom", "check", "--format", "json", file.toString());
    assertThat(result.code()).as(result.out() + result.err()).isEqualTo(expected);
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode report = line(result.out(), 0);
    assertThat(report.get("valid").asBoolean()).isEqualTo(expected == 0);
    if (expected == 4) {
      assertThat(report.get("errors"))
          .allSatisfy(e -> assertThat(e.get("path").asText()).startsWith("/"));
    }
  }

  @Test
  void anUnreadableFileWinsOverAnInvalidOneWithExitThree() throws IOException {
    Path invalid =
        write("invalid.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"x\":1}");
    Path garbage = write("garbage.bin", "\u0000\u0001garbage");
    var result = Cli.run("sbom", "check", invalid.toString(), garbage.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).contains("INVALID").contains("unreadable");
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefused() throws IOException {
    Path big =
        write(
            "big.json",
            "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                + "\"x\":\""
                + "a".repeat(2 * 1024 * 1024)
                + "\"}");
    var result = Cli.run("sbom", "check", "--max-size-mb", "1", "--format", "json", big.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(line(result.out(), 0).get("errors").get(0).get("message").asText())
        .contains("too large");
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutAStackOverflow() throws IOException {
    Path deep = write("deep.json", "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    var result = Cli.run("sbom", "check", deep.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.out()).contains("nesting depth");
  }

  @Test
  void truncatedAndCorruptedDocumentsEndInExitThreeOrFourNeverOne() throws IOException {
    String valid =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"component":{"type":"application","name":"app","bom-ref":"app"}},
         "components":[{"type":"library","bom-ref":"a","name":"lib","version":"1",
           "hashes":[{"alg":"SHA-256","content":"%s"}],"purl":"pkg:npm/lib@1"}],
         "dependencies":[{"ref":"app","dependsOn":["a"]}]}
        """
            .formatted(SHA256);
    var random = new java.util.Random(42);
    for (int i = 0; i < 60; i++) {
      String mutated;
      if (i < 30) {
        mutated = valid.substring(0, random.nextInt(valid.length()));
      } else {
        char[] chars = valid.toCharArray();
        for (int k = 0; k < 3; k++) {
          chars[random.nextInt(chars.length)] = "{}[]\":,x0 \\".charAt(random.nextInt(11));
        }
        mutated = new String(chars);
      }
      Path file = write("fuzz-" + i + ".json", mutated);
      var result = Cli.run("sbom", "check", file.toString());
      assertThat(result.code()).as("case %d: %s%n%s", i, mutated, result.err()).isIn(0, 3, 4);
      assertThat(result.err()).doesNotContain("internal error");
    }
  }

  @Test
  void aProfileAddsItsVerdictScoreAndFindingsAndAFailingProfileExitsFour() throws IOException {
    Path bom =
        write(
            "app.json",
            """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
             "metadata":{"component":{"type":"application","name":"app","version":"1","bom-ref":"app","supplier":{"name":"Acme"}}},
             "components":[{"type":"library","bom-ref":"a","name":"lib","version":"1"}],
             "dependencies":[{"ref":"app","dependsOn":["a"]}]}
            """);
    var result = Cli.run("sbom", "check", "--profile", "cra", "--format", "json", bom.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    JsonNode report = line(result.out(), 0);
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("profile").asText()).isEqualTo("cra");
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.get("score").asDouble()).isBetween(0.0, 99.9);
    assertThat(report.get("findings"))
        .anySatisfy(
            f -> {
              assertThat(f.get("component").asText()).contains("lib@1");
              assertThat(f.get("field").asText()).isEqualTo("identifier");
              assertThat(f.get("severity").asText()).isEqualTo("error");
            });

    var text = Cli.run("sbom", "check", "--profile", "tr-03183-2", bom.toString());
    assertThat(text.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(text.out()).contains("profile tr-03183-2: FAILED").contains("[hash-sha512]");
  }

  @Test
  void anUnknownProfileIsInvalidInput() throws IOException {
    Path bom = write("min.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}");
    var result = Cli.run("sbom", "check", "--profile", "ntia", bom.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("unknown quality profile");
  }
}
