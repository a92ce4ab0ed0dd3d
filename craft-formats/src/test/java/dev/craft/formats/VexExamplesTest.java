package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.VexDocument;
import dev.craft.core.VexStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public VEX examples (OpenVEX, CycloneDX VEX, CSAF VEX) read in place from the shared data
 * folder survive A → B → A for both other formats: every statement comes back unchanged.
 */
class VexExamplesTest {

  static Stream<Arguments> examples() {
    var files = new ArrayList<Path>();
    files.addAll(
        SharedData.files("openvex/vexctl-examples", ".json").stream()
            .filter(p -> !p.toString().endsWith("sbom.spdx.json"))
            .toList());
    files.addAll(
        SharedData.files("cyclonedx/bom-examples/VEX", ".json").stream()
            .filter(p -> p.getFileName().toString().startsWith("vex"))
            .toList());
    files.addAll(SharedData.files("csaf/csaf_2.0/examples/csaf/csaf_vex", ".json"));
    var out = new ArrayList<Arguments>();
    for (Path f : files) {
      for (VexFormat to : VexFormat.values()) {
        out.add(Arguments.of(SharedData.root().relativize(f).toString(), to));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} → {1} → back keeps every statement")
  @MethodSource("examples")
  void exampleSurvivesTheRoundTrip(String file, VexFormat via) {
    byte[] bytes = SharedData.bytes(SharedData.root().resolve(file));
    VexReadResult original = VexReader.read(bytes, ReadLimits.DEFAULT);
    assertThat(original.document().statements()).isNotEmpty();

    VexDocument there =
        VexReader.read(VexWriter.write(original.document(), via), ReadLimits.DEFAULT).document();
    VexReadResult back =
        VexReader.read(VexWriter.write(there, original.format()), ReadLimits.DEFAULT);

    assertThat(essences(there.statements()))
        .as("in %s", via)
        .containsExactlyInAnyOrderElementsOf(essences(original.document().statements()));
    assertThat(back.format()).isEqualTo(original.format());
    assertThat(back.document().statements())
        .containsExactlyInAnyOrderElementsOf(original.document().statements());
  }

  @ParameterizedTest(name = "{0} written as CSAF is a valid CSAF document")
  @MethodSource("examples")
  void csafOutputIsValid(String file, VexFormat ignored) {
    byte[] bytes = SharedData.bytes(SharedData.root().resolve(file));
    VexDocument doc = VexReader.read(bytes, ReadLimits.DEFAULT).document();
    assertThat(CsafValidator.validate(VexWriter.write(doc, VexFormat.CSAF))).isEmpty();
  }

  static List<String> essences(List<VexStatement> statements) {
    return statements.stream().map(VexStatement::essence).toList();
  }
}
