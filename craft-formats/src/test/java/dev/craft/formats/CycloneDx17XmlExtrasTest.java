package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Property;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CycloneDx17XmlExtrasTest {
  @Test
  void whatOnlyCycloneDx17XmlCanSayIsKeptAsPropertiesNotDropped() throws IOException {
    byte[] xml;
    try (InputStream in = getClass().getResourceAsStream("/cyclonedx17/extras.cdx.xml")) {
      xml = in.readAllBytes();
    }
    var result = SbomReader.read(xml, ReadLimits.DEFAULT);
    assertThat(result.problems()).isEmpty();
    assertThat(result.sbom().info().specVersion()).isEqualTo("1.7");
    var lib = result.sbom().findComponent("lib").orElseThrow();
    assertThat(lib.purl()).isEqualTo("pkg:npm/left-pad@1.3.0");
    assertThat(lib.properties())
        .contains(new Property("craft:cyclonedx:xml:bom/components/component/@isExternal", "true"));
    assertThat(result.sbom().properties())
        .extracting(Property::name, Property::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "craft:cyclonedx:xml:bom/metadata/distributionConstraints", "tlp=GREEN"));
  }

  @Test
  void aCycloneDx16XmlDocumentGetsNoExtraProperties() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
          <components><component type="library" bom-ref="a"><name>a</name><version>1</version></component></components>
        </bom>
        """;
    var result =
        SbomReader.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.sbom().components().getFirst().properties())
        .noneMatch(p -> p.name().startsWith(CycloneDx17XmlExtras.PREFIX));
  }
}
