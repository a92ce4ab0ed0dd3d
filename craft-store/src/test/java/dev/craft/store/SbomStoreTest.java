package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SbomStoreTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void componentsWithQuotesCommasAndNewlinesSurviveTheCopyAndTheInventoryRoundTrips() {
    String doc =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "components":[
           {"type":"library","bom-ref":"a","name":"odd, \\"quoted\\"\\nname","version":"1.0"},
           {"type":"library","bom-ref":"b","name":"plain","version":"2.0","purl":"pkg:npm/plain@2.0"}]}
        """;
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    var sbom = SbomReader.read(bytes, ReadLimits.DEFAULT).sbom();
    var p =
        new ProductStore(db.jdbi())
            .create(Actor.SYSTEM, ProductDraft.of("Odd", "", null, null, "", "", ""));
    var r =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1", null, null, null));
    var store = new SbomStore(db.jdbi());
    var row = store.save(Actor.SYSTEM, p.id(), r.id(), bytes, "sha", sbom, Set.of("b"), false);

    var components = store.components(row.id(), "", false, 10, 0);
    assertThat(components)
        .extracting(SbomComponentRow::name)
        .containsExactly("odd, \"quoted\"\nname", "plain");
    assertThat(components).extracting(SbomComponentRow::direct).containsExactly(false, true);
    assertThat(store.components(row.id(), "QUOTED", false, 10, 0)).hasSize(1);
    assertThat(store.original(row.id())).isEqualTo(bytes);
    assertThat(store.inventory(row.id())).isEqualTo(sbom);
  }
}
