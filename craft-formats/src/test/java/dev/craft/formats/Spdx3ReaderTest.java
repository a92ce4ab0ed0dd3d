package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import dev.craft.core.SbomFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Spdx3ReaderTest {
  static byte[] fixture(String name) {
    try (InputStream in = Spdx3ReaderTest.class.getResourceAsStream("/spdx3/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aValidSpdx301DocumentIsValidatedAndNormalised() {
    var result = SbomReader.read(fixture("app.spdx3.json"), ReadLimits.DEFAULT);
    assertThat(result.problems()).isEmpty();
    var sbom = result.sbom();
    assertThat(sbom.info().format()).isEqualTo(SbomFormat.SPDX);
    assertThat(sbom.info().specVersion()).isEqualTo("3.0.1");
    assertThat(sbom.info().encoding()).isEqualTo("json-ld");
    assertThat(sbom.info().timestamp()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(sbom.info().authors().get(0).email()).isEqualTo("sbom@example.com");
    assertThat(sbom.info().tools()).containsExactly("craft");
    assertThat(sbom.info().primaryRef()).isEqualTo("https://example.com/pkg/app");
    var lib = sbom.findComponent("https://example.com/pkg/lib").orElseThrow();
    assertThat(lib.purl()).isEqualTo("pkg:npm/lib@2.0.0");
    assertThat(lib.cpes()).hasSize(1);
    assertThat(lib.licenses())
        .singleElement()
        .satisfies(l -> assertThat(l.expression()).isEqualTo("MIT OR Apache-2.0"));
    assertThat(lib.findProperty("craft:spdx:description")).contains("\"a library\"");
    var app = sbom.findComponent("https://example.com/pkg/app").orElseThrow();
    assertThat(app.hashes().get(0).algorithm()).isEqualTo("SHA-512");
    assertThat(app.supplier().name()).isEqualTo("Acme");
    var deps = sbom.findDependency("https://example.com/pkg/app").orElseThrow();
    assertThat(deps.dependsOn()).containsExactly("https://example.com/pkg/lib");
    assertThat(deps.completeness()).isEqualTo("complete");
  }

  @Test
  void aSchemaViolationIsReportedWithItsPointer() {
    String bad =
        new String(fixture("app.spdx3.json"), StandardCharsets.UTF_8)
            .replace(
                "\"relationshipType\": \"dependsOn\"",
                "\"relationshipType\": \"dependsOnNothing\"");
    var result = SbomReader.read(bad.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p.path()).startsWith("/@graph/7"));
  }

  @Test
  void anotherSpdx3VersionIsRefused() {
    String other =
        new String(fixture("app.spdx3.json"), StandardCharsets.UTF_8)
            .replace("3.0.1/spdx-context", "3.0.0/spdx-context");
    assertThatThrownBy(
            () -> SbomReader.read(other.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("3.0.1");
  }
}
