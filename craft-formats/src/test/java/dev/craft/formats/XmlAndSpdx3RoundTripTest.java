package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XmlAndSpdx3RoundTripTest {
  static Stream<Path> bomExamples() {
    return SharedData.files("cyclonedx/bom-examples", ".json").stream();
  }

  @ParameterizedTest
  @MethodSource("bomExamples")
  void cycloneDxXmlOutputValidatesAgainstTheXsdAndKeepsTheCore(Path file) {
    var original = SbomReader.read(SharedData.bytes(file), ReadLimits.DEFAULT).sbom();
    if (original.info().vulnerabilities() > 0) {
      assertThatThrownBy(() -> SbomWriter.writeXml(original, SbomTarget.CYCLONEDX_1_6))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("vulnerabilities");
      return;
    }
    for (SbomTarget target :
        new SbomTarget[] {SbomTarget.CYCLONEDX_1_6, SbomTarget.CYCLONEDX_1_7}) {
      byte[] xml = SbomWriter.writeXml(original, target);
      var again = SbomReader.read(xml, ReadLimits.DEFAULT);
      assertThat(again.problems()).as(file + " → " + target.id() + " XML").isEmpty();
      assertThat(again.sbom().info().encoding()).isEqualTo("xml");
      assertThat(again.sbom().info().specVersion()).isEqualTo(target.version());
      assertThat(RoundTripTest.core(again.sbom())).isEqualTo(RoundTripTest.core(original));
    }
  }

  @Test
  void anSpdx301DocumentSurvivesEveryTarget() {
    var original =
        SbomReader.read(Spdx3ReaderTest.fixture("app.spdx3.json"), ReadLimits.DEFAULT).sbom();
    for (SbomTarget target : SbomTarget.values()) {
      var again = SbomReader.read(SbomWriter.write(original, target), ReadLimits.DEFAULT);
      assertThat(again.problems()).as(target.id()).isEmpty();
      assertThat(RoundTripTest.core(again.sbom()))
          .as(target.id())
          .isEqualTo(RoundTripTest.core(original));
    }
    var same =
        SbomReader.read(SbomWriter.write(original, SbomTarget.SPDX_3_0_1), ReadLimits.DEFAULT)
            .sbom();
    assertThat(RoundTripTest.exact(same)).isEqualTo(RoundTripTest.exact(original));
  }

  @Test
  void xmlIsOnlyForCycloneDx() {
    var sbom =
        SbomReader.read(Spdx3ReaderTest.fixture("app.spdx3.json"), ReadLimits.DEFAULT).sbom();
    assertThatThrownBy(() -> SbomWriter.writeXml(sbom, SbomTarget.SPDX_2_3))
        .isInstanceOf(InvalidInputException.class);
  }
}
