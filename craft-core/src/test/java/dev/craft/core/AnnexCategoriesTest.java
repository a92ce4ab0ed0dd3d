package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AnnexCategoriesTest {
  @Test
  void annexThreeHasNineteenClassOneAndFourClassTwoCategoriesAndAnnexFourHasThree() {
    assertThat(AnnexCategories.of(ProductClass.IMPORTANT_I)).hasSize(19);
    assertThat(AnnexCategories.of(ProductClass.IMPORTANT_II)).hasSize(4);
    assertThat(AnnexCategories.of(ProductClass.CRITICAL)).hasSize(3);
    assertThat(AnnexCategories.all()).hasSize(26);
  }

  @Test
  void itemsAreNumberedWithoutGapsAndIdsAreUnique() {
    for (ProductClass c :
        new ProductClass[] {
          ProductClass.IMPORTANT_I, ProductClass.IMPORTANT_II, ProductClass.CRITICAL
        }) {
      var numbers = AnnexCategories.of(c).stream().map(AnnexCategory::number).toList();
      for (int i = 0; i < numbers.size(); i++) {
        assertThat(numbers.get(i)).isEqualTo(i + 1);
      }
    }
    assertThat(AnnexCategories.all().stream().map(AnnexCategory::id).distinct()).hasSize(26);
    assertThat(AnnexCategories.all().get(2).basis()).isEqualTo("Annex III, class I, point 3");
    assertThat(AnnexCategories.all().get(2).text()).isEqualTo("Password managers");
  }

  @Test
  void everyCategoryIsWordedAsInTheRegulation() throws IOException {
    String dir = System.getProperty("craft.sharedReference", "");
    Path file = Path.of(dir, "cra-regulation-2024-2847-consolidated.md");
    Assumptions.assumeTrue(
        !dir.isEmpty() && Files.isRegularFile(file),
        "skipped: the regulation text is not at " + file + " (set craft.sharedReference)");
    String text = Files.readString(file);
    String annexes = text.substring(text.indexOf("\nANNEX III\n"), text.indexOf("\nANNEX V\n"));
    // The two artefacts of the PDF conversion that the data leaves out (see AnnexCategories).
    String normalised =
        annexes.replace(" ( 1 )", "").replace("field- programmable", "field-programmable");
    for (AnnexCategory c : AnnexCategories.all()) {
      assertThat(normalised).as(c.id()).contains(c.number() + "\\. " + c.text() + "\n");
    }
  }
}
