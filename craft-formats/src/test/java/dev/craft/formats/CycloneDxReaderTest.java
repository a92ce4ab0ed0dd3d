package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import dev.craft.core.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CycloneDxReaderTest {
  static Stream<Path> bomExamples() {
    return SharedData.files("cyclonedx/bom-examples", ".json").stream();
  }

  @ParameterizedTest
  @MethodSource("bomExamples")
  void everyBomExampleIsReadAndItsComponentsAreKept(Path file) {
    var result = SbomReader.read(SharedData.bytes(file), ReadLimits.DEFAULT);
    assertThat(result.sbom().info().format()).isEqualTo(SbomFormat.CYCLONEDX);
    assertThat(result.problems()).as(file + " problems").isEmpty();
  }

  @Test
  void aMinimalValidBomHasNoProblemsAndItsComponentIsNormalised() {
    String json =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"timestamp":"2026-01-01T00:00:00Z","component":{"type":"application","name":"app","version":"1","bom-ref":"app"}},
         "components":[{"type":"library","bom-ref":"a","name":"commons-text","group":"org.apache.commons","version":"1.10.0",
           "purl":"pkg:maven/org.apache.commons/commons-text@1.10.0","hashes":[{"alg":"SHA-512","content":"ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB"}],
           "licenses":[{"license":{"id":"Apache-2.0"}}],"supplier":{"name":"Apache"},"description":"text utils"}],
         "dependencies":[{"ref":"app","dependsOn":["a"]}]}
        """;
    var result = SbomReader.read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.problems()).isEmpty();
    var sbom = result.sbom();
    assertThat(sbom.info().specVersion()).isEqualTo("1.6");
    assertThat(sbom.info().primaryRef()).isEqualTo("app");
    var a = sbom.findComponent("a").orElseThrow();
    assertThat(a.purl()).isEqualTo("pkg:maven/org.apache.commons/commons-text@1.10.0");
    assertThat(a.hashes().get(0).value())
        .isEqualTo(
            "abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab");
    assertThat(a.licenses().get(0).expression()).isEqualTo("Apache-2.0");
    assertThat(a.supplier().name()).isEqualTo("Apache");
    assertThat(a.findProperty("craft:cyclonedx:description")).contains("\"text utils\"");
    assertThat(sbom.findDependency("app").orElseThrow().dependsOn()).containsExactly("a");
  }

  @Test
  void aSchemaViolationIsReportedWithItsJsonPointer() {
    String json =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"no-such-type","name":"x"}]}
        """;
    var result = SbomReader.read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.path()).isEqualTo("/components/0/type"));
  }

  @Test
  void xmlWithADoctypeIsRefusedAsUnsafe() {
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components>&xxe;</components></bom>
        """;
    assertThatThrownBy(
            () -> SbomReader.read(xml.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("DTD");
  }

  @Test
  void aValidXmlBomIsReadWithTheSameInventoryAsJson() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
          <components>
            <component type="library" bom-ref="a">
              <name>lodash</name><version>4.17.21</version>
              <hashes><hash alg="SHA-256">aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</hash></hashes>
              <purl>pkg:npm/lodash@4.17.21</purl>
            </component>
          </components>
        </bom>
        """;
    var result = SbomReader.read(xml.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.problems()).isEmpty();
    var a = result.sbom().findComponent("a").orElseThrow();
    assertThat(a.name()).isEqualTo("lodash");
    assertThat(a.purl()).isEqualTo("pkg:npm/lodash@4.17.21");
    assertThat(result.sbom().info().encoding()).isEqualTo("xml");
  }

  @Test
  void anInvalidXmlBomNamesTheLine() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
          <components>
            <component type="nonsense"><name>x</name></component>
          </components>
        </bom>
        """;
    var result = SbomReader.read(xml.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems().get(0).path()).startsWith("line 4");
  }
}
