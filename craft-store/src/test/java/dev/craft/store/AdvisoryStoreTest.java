package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdvisoryStoreTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static OsvRecord record(String id, String modified, String ecosystem, String name) {
    String json =
        """
        {"id":"%s","modified":"%s","aliases":["CVE-2099-%s"],
         "affected":[{"package":{"ecosystem":"%s","name":"%s"},"versions":["1.0"]}]}
        """
            .formatted(id, modified, id.hashCode() & 0xFFFF, ecosystem, name);
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json");
  }

  @Test
  void packageKeysFollowTheEnginesNameRulesOnBothSides() {
    var r = record("KEY-1", "2025-01-01T00:00:00Z", "PyPI", "Jinja_2");
    assertThat(AdvisoryStore.packageKeys(r)).containsExactly("pypi/jinja-2");
    assertThat(ComponentCopy.keysOf("pkg:pypi/JINJA.2@1.0", List.of()).packageKey())
        .isEqualTo("pypi/jinja-2");
    assertThat(ComponentCopy.keysOf("not a purl", List.of()).packageKey()).isEmpty();
    // Both keys of a component from one reading of its purl.
    var go = ComponentCopy.keysOf("pkg:golang/example.com/mod/sub/pkg@v1.2.0", List.of());
    assertThat(go.packageKey()).isEqualTo("golang/example.com/mod/sub/pkg");
    assertThat(go.lookupKeys())
        .containsExactly(
            "golang/example.com/mod/sub", "golang/example.com/mod", "golang/example.com");
    String cpe = "cpe:2.3:a:acme:widget:1.0:*:*:*:*:*:*:*";
    var byCpe = ComponentCopy.keysOf("", List.of(cpe));
    assertThat(byCpe.packageKey()).isEqualTo("cpe/acme:widget");
    assertThat(byCpe.lookupKeys()).isEmpty();
    var both = ComponentCopy.keysOf("pkg:npm/widget@1.0", List.of(cpe));
    assertThat(both.packageKey()).isEqualTo("npm/widget");
    assertThat(both.lookupKeys()).containsExactly("cpe/acme:widget");
    assertThat(ComponentCopy.keysOf("not a purl", List.of()))
        .isEqualTo(new ComponentCopy.Keys("", List.of()));
  }

  @Test
  void aLaterModifiedUpdatesAndTheSameOrAnEarlierOneChangesNothing() {
    var store = new AdvisoryStore(db.jdbi());
    Instant now = Instant.now();
    var first =
        store.importRecords(
            Actor.SYSTEM, List.of(record("INC-1", "2025-01-01T00:00:00Z", "npm", "a")), now);
    assertThat(first.added()).isEqualTo(1);
    var same =
        store.importRecords(
            Actor.SYSTEM, List.of(record("INC-1", "2025-01-01T00:00:00Z", "npm", "b")), now);
    assertThat(same.unchanged()).isEqualTo(1);
    assertThat(same.changed()).isEmpty();
    // The same instant written with another offset is not later: compared as instants, not text.
    var later =
        store.importRecords(
            Actor.SYSTEM,
            List.of(record("INC-1", "2025-01-01T01:00:00.000+01:00", "npm", "c")),
            now);
    assertThat(later.unchanged()).isEqualTo(1);
    var newer =
        store.importRecords(
            Actor.SYSTEM, List.of(record("INC-1", "2025-01-02T00:00:00Z", "npm", "d")), now);
    assertThat(newer.updated()).isEqualTo(1);
    assertThat(store.forPackages(Set.of("npm/d")))
        .extracting(AdvisoryStore.AdvisoryRow::id)
        .containsExactly("INC-1");
    assertThat(store.forPackages(Set.of("npm/a"))).isEmpty();
    int changes =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM advisory_change WHERE advisory_id = 'INC-1'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(changes).isEqualTo(2);
  }

  @Test
  void stampsNameTheSameAdvisoriesAsForPackagesAndRawOfGivesTheirText() {
    var store = new AdvisoryStore(db.jdbi());
    store.importRecords(
        Actor.SYSTEM,
        List.of(
            record("STAMP-2", "2025-01-01T00:00:00Z", "npm", "stamped"),
            record("STAMP-1", "2025-02-01T00:00:00Z", "npm", "stamped"),
            record("STAMP-3", "2025-01-01T00:00:00Z", "npm", "other")),
        Instant.now());
    var read = store.stampsByKey(Set.of("npm/stamped", "npm/none"));
    assertThat(read.generation()).isEqualTo(store.generation());
    assertThat(read.byKey()).containsOnlyKeys("npm/stamped", "npm/none");
    assertThat(read.byKey().get("npm/none")).isEmpty();
    var stamps = read.byKey().get("npm/stamped");
    assertThat(stamps)
        .extracting(AdvisoryStore.AdvisoryStamp::id)
        .containsExactlyInAnyOrderElementsOf(
            store.forPackages(Set.of("npm/stamped")).stream()
                .map(AdvisoryStore.AdvisoryRow::id)
                .toList())
        .containsExactlyInAnyOrder("STAMP-1", "STAMP-2");
    assertThat(stamps)
        .filteredOn(s -> s.id().equals("STAMP-1"))
        .singleElement()
        .extracting(AdvisoryStore.AdvisoryStamp::modified)
        .isEqualTo("2025-02-01T00:00:00Z");
    var raw = store.rawOf(List.of("STAMP-1", "NOT-STORED"));
    assertThat(raw).containsOnlyKeys("STAMP-1");
    assertThat(raw.get("STAMP-1").raw()).contains("\"id\":\"STAMP-1\"");
    assertThat(raw.get("STAMP-1").source())
        .isEqualTo(store.forPackages(Set.of("npm/stamped")).get(0).source());
  }

  @Test
  void componentsStoredBeforeThePackageKeyExistedAreBackfilled() {
    byte[] bytes =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "components":[{"type":"library","bom-ref":"b","name":"Plain","version":"2.0","purl":"pkg:npm/Plain@2.0"}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    var sbom = SbomReader.read(bytes, ReadLimits.DEFAULT).sbom();
    var p =
        new ProductStore(db.jdbi())
            .create(Actor.SYSTEM, ProductDraft.of("Backfill", "", null, null, "", "", ""));
    var r =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1", null, null, null));
    var row =
        new SbomStore(db.jdbi())
            .save(Actor.SYSTEM, p.id(), r.id(), bytes, "sha", sbom, Set.of(), false);
    var findings = new FindingStore(db.jdbi());
    assertThat(findings.currentComponentsWithKeys(Set.of("npm/plain"))).hasSize(1);
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE sbom_component SET package_key = NULL WHERE sbom_id = ?", row.id()));
    assertThat(findings.currentComponentsWithKeys(Set.of("npm/plain"))).isEmpty();
    assertThat(new AdvisoryStore(db.jdbi()).backfillPackageKeys()).isEqualTo(1);
    assertThat(findings.currentComponentsWithKeys(Set.of("npm/plain")))
        .extracting(FindingStore.Candidate::purl)
        .containsExactly("pkg:npm/Plain@2.0");
  }

  @Test
  void searchFindsTheWholeAliasGroupThroughRecordsThatShareAnId() {
    var store = new AdvisoryStore(db.jdbi());
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    String go =
        """
        {"id":"GO-2099-0001","modified":"2025-01-01T00:00:00Z","aliases":["GHSA-2099-dddd"],
         "affected":[{"package":{"ecosystem":"Go","name":"example.com/a"},"versions":["1.0"]}]}
        """;
    String ghsa =
        """
        {"id":"GHSA-2099-dddd","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-2222"],
         "affected":[{"package":{"ecosystem":"npm","name":"b"},"versions":["1.0"]}]}
        """;
    store.importRecords(
        Actor.SYSTEM,
        List.of(
            reader.parse(go.getBytes(StandardCharsets.UTF_8), "go.json"),
            reader.parse(ghsa.getBytes(StandardCharsets.UTF_8), "ghsa.json")),
        Instant.now());
    // The GO record does not name the CVE itself; the GHSA record it names does.
    for (String q : List.of("cve-2099-2222", "GHSA-2099-DDDD", "GO-2099-0001")) {
      assertThat(store.search(q, 20))
          .extracting(AdvisoryStore.AdvisoryRow::id)
          .as(q)
          .contains("GO-2099-0001", "GHSA-2099-dddd");
    }
    assertThat(store.search("CVE-2099-9999", 20)).isEmpty();
  }
}
