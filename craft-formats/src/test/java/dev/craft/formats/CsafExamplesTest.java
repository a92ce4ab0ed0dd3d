package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSAF 2.0 examples of the OASIS TC (read in place) are valid. */
class CsafExamplesTest {

  static List<String> examples() {
    var out = new ArrayList<String>();
    for (Path p : SharedData.files("csaf/csaf_2.0/examples/csaf", ".json")) {
      out.add(SharedData.root().relativize(p).toString());
    }
    out.add("openvex/vexctl-examples/csaf/csaf.json");
    return out;
  }

  @ParameterizedTest(name = "{0} is valid CSAF 2.0")
  @MethodSource("examples")
  void exampleIsValid(String file) {
    byte[] bytes = SharedData.bytes(SharedData.root().resolve(file));
    assertThat(CsafValidator.validate(bytes)).isEmpty();
  }
}
