package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EssentialRequirementsTest {
  @Test
  void annexIHasThirteenProductRequirementsAndEightVulnerabilityHandlingOnes() {
    assertThat(EssentialRequirements.all()).hasSize(21);
    assertThat(EssentialRequirements.all().stream().filter(EssentialRequirement::partOne))
        .hasSize(13);
    assertThat(EssentialRequirements.get("II-5").text())
        .isEqualTo("put in place and enforce a policy on coordinated vulnerability disclosure;");
    assertThat(EssentialRequirements.get("I-2-m").basis())
        .isEqualTo("Annex I, Part I, point (2)(m)");
    assertThatThrownBy(() -> EssentialRequirements.get("I-2-n"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everyRequirementIsWordedAsInTheRegulation() throws IOException {
    String dir = System.getProperty("craft.sharedReference", "");
    Path file = Path.of(dir, "cra-regulation-2024-2847-consolidated.md");
    Assumptions.assumeTrue(
        !dir.isEmpty() && Files.isRegularFile(file),
        "skipped: the regulation text is not at " + file + " (set craft.sharedReference)");
    String text = Files.readString(file);
    String annex = text.substring(text.indexOf("\nANNEX I\n"), text.indexOf("\nANNEX II\n"));
    // The two artefacts of the PDF conversion that the data joins (see EssentialRequirements).
    String normalised =
        annex.replace("vulner abilities", "vulnerabilities").replace("third- party", "third-party");
    for (EssentialRequirement r : EssentialRequirements.all()) {
      String point = r.id().substring(r.id().lastIndexOf('-') + 1);
      assertThat(normalised).as(r.id()).contains("\n(" + point + ") " + r.text() + "\n");
    }
  }
}
