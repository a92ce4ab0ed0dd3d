package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.FindingRow;
import dev.craft.store.FindingStore.NewFinding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FindingStoreTest {
  static Database db;
  FindingStore store;
  long productId;
  long releaseId;
  List<Candidate> components;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void release() {
    byte[] bytes =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
         {"type":"library","bom-ref":"a","name":"a","version":"1.0","purl":"pkg:npm/a@1.0"},
         {"type":"library","bom-ref":"b","name":"b","version":"2.0","purl":"pkg:npm/b@2.0"}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    var p =
        new ProductStore(db.jdbi())
            .create(
                Actor.SYSTEM,
                ProductDraft.of("Findings " + System.nanoTime(), "", null, null, "", "", ""));
    var r =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1", null, null, null));
    var sbom = SbomReader.read(bytes, ReadLimits.DEFAULT).sbom();
    var row =
        new SbomStore(db.jdbi())
            .save(Actor.SYSTEM, p.id(), r.id(), bytes, "sha", sbom, Set.of(), false);
    store = new FindingStore(db.jdbi());
    productId = p.id();
    releaseId = r.id();
    components = store.componentsOf(row.id());
  }

  private static NewFinding finding(Candidate c, String vuln, String status, String evidence) {
    return new NewFinding(
        c,
        vuln,
        "CVE-2099-1 GHSA-x",
        status,
        status.equals("affected") ? "" : "version \"1.0\", not comparable,\nsee evidence",
        "high",
        7.5,
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        true,
        0.000123,
        evidence);
  }

  private List<FindingRow> rows() {
    return store.forRelease(Actor.SYSTEM, productId, releaseId);
  }

  @Test
  void everyFieldIsStoredAsGivenEvenWithQuotesCommasAndNewlines() {
    String evidence = "{\"matched\":\"introduced 0, fixed \\\"1.5\\\"\",\"note\":\"ä ≤ 😀\"}";
    int n =
        store.record(
            List.of(finding(components.get(0), "ADV-1", "indeterminate", evidence)),
            Set.of(),
            components);
    assertThat(n).isEqualTo(1);
    FindingRow row = rows().get(0);
    assertThat(row.purl()).isEqualTo("pkg:npm/a@1.0");
    assertThat(row.vulnerabilityId()).isEqualTo("ADV-1");
    assertThat(row.aliases()).isEqualTo("CVE-2099-1 GHSA-x");
    assertThat(row.status()).isEqualTo("indeterminate");
    assertThat(row.reason()).isEqualTo("version \"1.0\", not comparable,\nsee evidence");
    assertThat(row.severity()).isEqualTo("high");
    assertThat(row.cvss()).isEqualTo(7.5);
    assertThat(row.cvssVector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    assertThat(row.kev()).isTrue();
    assertThat(row.epss()).isEqualTo(0.000123);
    assertThat(row.evidence()).contains("introduced 0, fixed \\\"1.5\\\"").contains("ä ≤ 😀");
  }

  @Test
  void aFindingSeenAgainKeepsItsFirstSightingAndTakesTheNewVerdict() {
    store.record(
        List.of(finding(components.get(0), "ADV-2", "indeterminate", "{}")), Set.of(), components);
    FindingRow before = rows().get(0);
    store.record(
        List.of(finding(components.get(0), "ADV-2", "affected", "{\"v\":2}")),
        Set.of(),
        components);
    FindingRow after = rows().get(0);
    assertThat(rows()).hasSize(1);
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.firstSeenAt()).isEqualTo(before.firstSeenAt());
    assertThat(after.lastSeenAt()).isAfterOrEqualTo(before.lastSeenAt());
    assertThat(after.status()).isEqualTo("affected");
    assertThat(after.evidence()).isEqualTo("{\"v\": 2}");
  }

  @Test
  void whenOneMatchNamesTheSameFindingTwiceTheLaterOneIsStored() {
    int n =
        store.record(
            List.of(
                finding(components.get(0), "ADV-3", "indeterminate", "{\"n\":1}"),
                finding(components.get(0), "ADV-3", "affected", "{\"n\":2}")),
            Set.of(),
            components);
    assertThat(n).isEqualTo(2);
    assertThat(rows()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("affected"));
  }

  @Test
  void aRematchRemovesOnlyTheRematchedAdvisorysFindingsItNoLongerProduced() {
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    store.record(
        List.of(
            finding(a, "ADV-4", "affected", "{}"),
            finding(b, "ADV-4", "affected", "{}"),
            finding(b, "OTHER-4", "affected", "{}")),
        Set.of(),
        components);
    // ADV-4 changed: it now affects only b.
    store.record(List.of(finding(b, "ADV-4", "affected", "{}")), Set.of("ADV-4"), components);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + "@" + r.name())
        .containsExactlyInAnyOrder("ADV-4@b", "OTHER-4@b");
    // ADV-4 withdrawn: no finding at all.
    store.record(List.of(), Set.of("ADV-4"), components);
    assertThat(rows()).extracting(FindingRow::vulnerabilityId).containsExactly("OTHER-4");
  }
}
