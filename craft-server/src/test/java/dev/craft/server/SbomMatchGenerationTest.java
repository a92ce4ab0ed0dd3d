package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.Database;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SbomStore;
import dev.craft.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An SBOM's advisories are read while it is stored (ADR 101): an advisory imported between that
 * read and the findings' commit is not lost, and when nothing changed the early read is used.
 */
class SbomMatchGenerationTest {
  static Database db;
  static AdvisoryStore advisories;
  static AdvisoryService service;
  static long product;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    advisories = new AdvisoryStore(db.jdbi());
    service =
        new AdvisoryService(
            advisories,
            new ExploitationStore(db.jdbi()),
            new FindingStore(db.jdbi()),
            AdvisoryLimits.DEFAULT);
    product =
        new ProductStore(db.jdbi())
            .create(
                Actor.SYSTEM,
                ProductDraft.of("Generations", "d", "manufacturer", "software", "p", "", ""))
            .id();
    advisories.importRecords(Actor.SYSTEM, List.of(advisory("GEN-1")), Instant.now());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static OsvRecord advisory(String id) {
    String json =
        """
        {"id":"%s","modified":"2025-01-01T00:00:00Z","affected":[
         {"package":{"ecosystem":"npm","name":"gen-lib"},
          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
        """
            .formatted(id);
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json");
  }

  private static final byte[] SBOM =
      """
      {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
        {"type":"library","bom-ref":"a","name":"gen-lib","version":"1.0.0","purl":"pkg:npm/gen-lib@1.0.0"},
        {"type":"library","bom-ref":"b","name":"other","version":"1.0.0","purl":"pkg:npm/other@1.0.0"}]}
      """
          .getBytes(StandardCharsets.UTF_8);

  /** Stores the SBOM on a new release and matches it with {@code early}; its findings' ids. */
  private static List<String> upload(String version, Runnable meanwhile) {
    long release =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, product, ReleaseDraft.of(version, null, null, null))
            .id();
    var sbom = SbomReader.read(SBOM, ReadLimits.DEFAULT).sbom();
    var early = service.prepareEarly(sbom.components());
    early.future.join();
    meanwhile.run();
    var row =
        new SbomStore(db.jdbi())
            .save(Actor.SYSTEM, product, release, SBOM, "sha", sbom, Set.of(), false);
    service.matchSbom(row.id(), early);
    assertThat(early.future).isCompleted();
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT vulnerability_id FROM finding_all WHERE release_id = :r ORDER BY 1")
                    .bind("r", release)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void anAdvisoryImportedWhileTheSbomWasStoredIsMatchedAndNothingChangedUsesTheEarlyRead() {
    long before = advisories.generation();
    var found =
        upload(
            "1.0",
            () ->
                advisories.importRecords(Actor.SYSTEM, List.of(advisory("GEN-2")), Instant.now()));
    assertThat(advisories.generation()).isGreaterThan(before);
    // GEN-2 was stored after the early read: the findings' writer saw the generation move and
    // the SBOM was matched again.
    assertThat(found).containsExactly("GEN-1", "GEN-2");
    assertThat(upload("2.0", () -> {})).containsExactly("GEN-1", "GEN-2");
  }
}
