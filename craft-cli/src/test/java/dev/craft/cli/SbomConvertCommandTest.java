package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SbomConvertCommandTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} --to {1}")
  @CsvSource({
    "cyclonedx/bom-examples/SaaSBOM/apigateway-microservices-datastores/bom.json, spdx-2.3, spdx, 2.3",
    "cyclonedx/bom-examples/SaaSBOM/apigateway-microservices-datastores/bom.json, spdx-3.0.1, spdx, 3.0.1",
    "spdx/spdx-spec-examples/v2.3/SPDXTagExample-v2.3.spdx, cyclonedx-1.6, cyclonedx, 1.6",
    "spdx/spdx-spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json, cyclonedx-1.7, cyclonedx, 1.7",
  })
  void convertWritesAValidDocumentThatCheckAccepts(
      String source, String target, String format, String version) throws IOException {
    Path in = SbomCheckCommandTest.shared(source);
    Path out = dir.resolve("out.json");
    var result = Cli.run("sbom", "convert", in.toString(), "--to", target, "-o", out.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(Files.size(out)).isPositive();
    var check = Cli.run("sbom", "check", "--format", "json", out.toString());
    assertThat(check.code()).as(check.out()).isZero();
    assertThat(check.out())
        .contains("\"format\":\"" + format + "\"")
        .contains("\"specVersion\":\"" + version + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cyclonedx-1.6", "cyclonedx-1.7"})
  void convertCanWriteCycloneDxXmlToStandardOutput(String target) {
    Path in =
        SbomCheckCommandTest.shared(
            "spdx/spdx-examples/software/example3/spdx2.2/example3-bin.spdx");
    var result = Cli.run("sbom", "convert", in.toString(), "--to", target, "--xml");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("<bom")
        .contains("http://cyclonedx.org/schema/bom/" + target.substring(10));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"not-a-format, 3", "spdx-2.3, 4"})
  void anUnknownTargetIsInvalidInputAndAnInvalidSourceIsRefused(String target, int expected)
      throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"nope\":1}");
    var result = Cli.run("sbom", "convert", bad.toString(), "--to", target);
    assertThat(result.code()).isEqualTo(expected);
    assertThat(result.err()).startsWith("craft: ").doesNotContain("Exception");
  }
}
