package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.formats.EpssScore;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.KevEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher's KEV, EPSS and NVD look-ups (ADR 103): answers kept per id are dropped as soon as
 * any server's import of that feed commits, and an import counts its feed's generation once.
 */
class EnrichmentLookupsTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static EpssScores epss(Map<String, Double> scores) {
    var byCve = new java.util.HashMap<String, EpssScore>();
    scores.forEach((cve, s) -> byCve.put(cve, new EpssScore(cve, s, 0.5)));
    return new EpssScores("v2025", "2099-01-01", byCve);
  }

  private static long generation(String feed) {
    return Generations.of(db.jdbi(), feed);
  }

  @Test
  void epssAnswersKeptByOneServerGiveWayToAnotherServersImport() {
    var reader = new ExploitationStore(db.jdbi());
    var importer = new ExploitationStore(db.jdbi());
    importer.importEpss(Actor.SYSTEM, epss(Map.of("CVE-2099-8001", 0.1)));
    Set<String> ids = Set.of("CVE-2099-8001", "CVE-2099-8002", "GHSA-2099-aaaa");

    assertThat(reader.epssFor(ids).scores()).containsOnlyKeys("CVE-2099-8001");
    // Asked again: kept, so an answer of "none" for CVE-2099-8002 is kept as well.
    assertThat(reader.epssFor(ids).scores()).containsOnlyKeys("CVE-2099-8001");

    importer.importEpss(Actor.SYSTEM, epss(Map.of("CVE-2099-8001", 0.7, "CVE-2099-8002", 0.2)));
    var after = reader.epssFor(ids);
    assertThat(after.scores()).containsOnlyKeys("CVE-2099-8001", "CVE-2099-8002");
    assertThat(after.find("CVE-2099-8001").orElseThrow().epss()).isEqualTo(0.7);
  }

  @Test
  void nvdVectorsKeptByOneServerGiveWayToAnotherServersImport() {
    var reader = new NvdStore(db.jdbi());
    var importer = new NvdStore(db.jdbi());
    assertThat(reader.cvssVectorsFor(Set.of("CVE-2099-8101"))).isEmpty();

    importer.importCves(
        Actor.SYSTEM,
        List.of(SourceStoresTest.cve("CVE-2099-8101", "2099-01-02T00:00:00.000", "Primary")),
        Instant.now());
    assertThat(reader.cvssVectorsFor(Set.of("CVE-2099-8101", "CVE-2099-8102")))
        .containsOnlyKeys("CVE-2099-8101")
        .containsValue("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  }

  @Test
  void anImportCountsItsFeedsGenerationOnceHoweverManyRowsItWrites() {
    long epssBefore = generation("epss");
    long nvdBefore = generation("nvd");
    new ExploitationStore(db.jdbi())
        .importEpss(
            Actor.SYSTEM,
            epss(Map.of("CVE-2099-8201", 0.1, "CVE-2099-8202", 0.2, "CVE-2099-8203", 0.3)));
    assertThat(generation("epss")).isEqualTo(epssBefore + 1);
    assertThat(generation("nvd")).isEqualTo(nvdBefore);

    new NvdStore(db.jdbi())
        .importCves(
            Actor.SYSTEM,
            List.of(
                SourceStoresTest.cve("CVE-2099-8211", "2099-01-02T00:00:00.000", "Primary"),
                SourceStoresTest.cve("CVE-2099-8212", "2099-01-02T00:00:00.000", "Primary")),
            Instant.now());
    assertThat(generation("nvd")).isEqualTo(nvdBefore + 1);
    assertThat(generation("epss")).isEqualTo(epssBefore + 1);
  }

  @Test
  void kevEntriesAreThoseOfTheIdsAskedAbout() {
    var store = new ExploitationStore(db.jdbi());
    store.importKev(
        Actor.SYSTEM,
        new KevCatalog(
            "2099.01.01",
            List.of(
                new KevEntry("CVE-2099-8301", "v", "p", "n", "2099-01-01", "2099-02-01", "Known"),
                new KevEntry("CVE-2099-8302", "v", "p", "n", "2099-01-01", "2099-02-01", ""))));
    var kev = store.kevFor(Set.of("CVE-2099-8301", "GHSA-2099-bbbb"));
    assertThat(kev.entries()).extracting(KevEntry::cveId).containsExactly("CVE-2099-8301");
  }

  @Test
  void kevReachesIdsThroughOtherRecordsAliasesAndFollowsNewLinks() {
    var reader = new ExploitationStore(db.jdbi());
    var importer = new ExploitationStore(db.jdbi());
    long kevBefore = generation("kev");
    importer.importKev(
        Actor.SYSTEM,
        new KevCatalog(
            "2099.01.02",
            List.of(new KevEntry("CVE-2099-8401", "v", "p", "n", "2099-01-01", "2099-02-01", ""))));
    assertThat(generation("kev")).isEqualTo(kevBefore + 1);
    assertThat(reader.kevFor(Set.of("GO-2099-8401")).entries()).isEmpty();
    var manyUnlinked = new java.util.HashSet<String>(Set.of("GO-2099-8401"));
    for (int i = 0; i < 1_500; i++) {
      manyUnlinked.add("GHSA-2099-y" + i);
    }
    // Kept: the closure read now knows no link yet.
    assertThat(reader.kevFor(manyUnlinked).entries()).isEmpty();

    // Another server stores the records that link the GO id to the CVE: the kept closure is stale.
    var osv = new dev.craft.formats.OsvReader(dev.craft.formats.AdvisoryLimits.DEFAULT);
    new AdvisoryStore(db.jdbi())
        .importRecords(
            Actor.SYSTEM,
            List.of(
                osv.parse(
                    """
                    {"id":"GO-2099-8401","modified":"2025-01-01T00:00:00Z",
                     "aliases":["GHSA-2099-8401"]}
                    """
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "go.json"),
                osv.parse(
                    """
                    {"id":"GHSA-2099-8401","modified":"2025-01-01T00:00:00Z",
                     "aliases":["CVE-2099-8401"]}
                    """
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "ghsa.json")),
            Instant.now());
    // A few ids are walked from themselves; an upload's many through the closure kept from KEV.
    var many = new java.util.HashSet<String>(Set.of("GO-2099-8401"));
    for (int i = 0; i < 1_500; i++) {
      many.add("GHSA-2099-x" + i);
    }
    for (Set<String> ids : List.of(Set.of("GO-2099-8401", "GHSA-2099-9999"), many)) {
      var linked = reader.kevFor(ids);
      assertThat(linked.entries()).extracting(KevEntry::cveId).containsExactly("GO-2099-8401");
      assertThat(linked.entries().get(0).dateAdded()).isEqualTo("2099-01-01");
    }
  }
}
