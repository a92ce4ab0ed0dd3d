package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Spdx2ReaderTest {
  static Stream<Path> jsonExamples() {
    return SharedData.files("spdx", ".json").stream()
        .filter(p -> !p.toString().contains("/schema/"));
  }

  static Stream<Path> tagValueExamples() {
    return SharedData.files("spdx", ".spdx").stream();
  }

  @ParameterizedTest
  @MethodSource("jsonExamples")
  void everySpdxJsonExampleIsReadAndNormalised(Path file) {
    var result = SbomReader.read(SharedData.bytes(file), ReadLimits.DEFAULT);
    assertThat(result.sbom().info().format()).isEqualTo(SbomFormat.SPDX);
    assertThat(result.sbom().info().encoding()).isEqualTo("json");
    assertThat(result.sbom().components()).isNotEmpty();
    if (file.endsWith("SPDXJSONExample-v2.2.spdx.json")) {
      // The spec's own 2.2 example uses PACKAGE_MANAGER, which only the 2.3 schema allows.
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> assertThat(p.path()).isEqualTo("/packages/2/externalRefs/0/referenceCategory"));
    } else {
      assertThat(result.problems()).as(file + " problems").isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("tagValueExamples")
  void everySpdxTagValueExampleIsReadAndNormalised(Path file) {
    var result = SbomReader.read(SharedData.bytes(file), ReadLimits.DEFAULT);
    assertThat(result.sbom().info().encoding()).isEqualTo("tag-value");
    assertThat(result.sbom().components()).isNotEmpty();
    assertThat(result.problems()).as(file + " problems").isEmpty();
  }

  @Test
  void tagValueAndJsonOfTheSameSpecExampleGiveTheSameInventory() {
    var json =
        SbomReader.read(
            SharedData.bytes(
                SharedData.require("spdx/spdx-spec-examples/v2.3/SPDXJSONExample-v2.3.spdx.json")),
            ReadLimits.DEFAULT);
    var tv =
        SbomReader.read(
            SharedData.bytes(
                SharedData.require("spdx/spdx-spec-examples/v2.3/SPDXTagExample-v2.3.spdx")),
            ReadLimits.DEFAULT);
    assertThat(tv.sbom().components())
        .extracting(
            c -> c.ref() + " " + c.name() + " " + c.version() + " " + c.purl() + " " + c.hashes())
        .containsExactlyInAnyOrderElementsOf(
            json.sbom().components().stream()
                .map(
                    c ->
                        c.ref()
                            + " "
                            + c.name()
                            + " "
                            + c.version()
                            + " "
                            + c.purl()
                            + " "
                            + c.hashes())
                .toList());
    assertThat(tv.sbom().dependencies())
        .containsExactlyInAnyOrderElementsOf(json.sbom().dependencies());
    assertThat(tv.sbom().info().primaryRef()).isEqualTo(json.sbom().info().primaryRef());
  }

  @Test
  void aTagValueProblemIsReportedByLine() {
    String tv =
        """
        SPDXVersion: SPDX-2.3
        DataLicense: CC0-1.0
        SPDXID: SPDXRef-DOCUMENT
        DocumentName: test
        DocumentNamespace: https://example.com/test
        Creator: Tool: test
        Created: 2026-01-01T00:00:00Z

        PackageName: foo
        SPDXID: SPDXRef-foo
        PackageDownloadLocation: NOASSERTION
        PackageChecksum: SHA1: zz
        NoSuchTag: x
        Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-missing
        """;
    var result = SbomReader.read(tv.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems())
        .extracting(ValidationProblem::path)
        .contains("line 13", "line 14");
  }

  @Test
  void dependsOnBecomesTheGraphAndNoneStatesCompleteness() {
    String json =
        """
        {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"t",
         "documentNamespace":"https://example.com/t","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: t"]},
         "packages":[{"SPDXID":"SPDXRef-app","name":"app","downloadLocation":"NOASSERTION","versionInfo":"1"},
                     {"SPDXID":"SPDXRef-lib","name":"lib","downloadLocation":"https://x.example/lib.tgz","versionInfo":"2",
                      "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lib@2"}],
                      "checksums":[{"algorithm":"SHA256","checksumValue":"%s"}]}],
         "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-app"},
                          {"spdxElementId":"SPDXRef-app","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-lib"},
                          {"spdxElementId":"SPDXRef-lib","relationshipType":"DEPENDS_ON","relatedSpdxElement":"NONE"}]}
        """
            .formatted("b".repeat(64));
    var result = SbomReader.read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.problems()).isEmpty();
    var sbom = result.sbom();
    assertThat(sbom.info().primaryRef()).isEqualTo("SPDXRef-app");
    assertThat(sbom.findDependency("SPDXRef-app").orElseThrow().dependsOn())
        .containsExactly("SPDXRef-lib");
    assertThat(sbom.findDependency("SPDXRef-lib").orElseThrow().completeness())
        .isEqualTo("complete");
    var lib = sbom.findComponent("SPDXRef-lib").orElseThrow();
    assertThat(lib.purl()).isEqualTo("pkg:npm/lib@2");
    assertThat(lib.hashes().get(0).algorithm()).isEqualTo("SHA-256");
    assertThat(lib.externalReferences().get(0).type()).isEqualTo("distribution");
  }
}
