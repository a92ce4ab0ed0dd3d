package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.Actor;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.FindingRow;
import dev.craft.store.FindingStore.NewFinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new SBOM's findings in packs (ADR 104, V23): read as rows, moved to rows before they change.
 */
class FindingPacksTest {
  static Database db;
  FindingStore store;
  long productId;
  long releaseId;
  long sbomId;
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
    var r = TwoComponentRelease.create(db, "Packs");
    store = new FindingStore(db.jdbi());
    productId = r.productId();
    releaseId = r.releaseId();
    sbomId = r.sbomId();
    components = r.components();
  }

  private static NewFinding finding(Candidate c, String vuln, String status, double epss) {
    return new NewFinding(
        c,
        vuln,
        "CVE-" + vuln + " GHSA-" + vuln,
        status,
        status.equals("affected") ? "" : "not comparable",
        "high",
        7.5,
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        false,
        epss,
        "{\"range\":\"" + vuln + "\"}");
  }

  /** Records {@code findings} as a new SBOM's, component by component. */
  private void recordNew(List<NewFinding> findings) {
    store.recordNewSbom(sbomId, parts -> List.of(sink -> findings.forEach(sink)));
  }

  private Map<String, FindingRow> rows() {
    return store.forRelease(Actor.SYSTEM, productId, releaseId).stream()
        .collect(Collectors.toMap(r -> r.vulnerabilityId() + "@" + r.name(), Function.identity()));
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void aNewSbomsFindingsAreOnePackPerComponentAndReadBackAsRowsWithEveryField() {
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    recordNew(
        List.of(
            finding(a, "P-1", "affected", 0.5),
            finding(a, "P-2", "indeterminate", -1),
            finding(a, "P-1", "affected", 0.5),
            finding(b, "P-3", "affected", 0.25)));

    assertThat(count("SELECT count(*) FROM finding_pack WHERE sbom_id = " + sbomId)).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM finding WHERE sbom_id = " + sbomId)).isZero();
    var rows = rows();
    assertThat(rows).containsOnlyKeys("P-1@a", "P-2@a", "P-3@b");
    FindingRow p2 = rows.get("P-2@a");
    assertThat(p2.status()).isEqualTo("indeterminate");
    assertThat(p2.reason()).isEqualTo("not comparable");
    assertThat(p2.aliases()).isEqualTo("CVE-P-2 GHSA-P-2");
    assertThat(p2.cvssVector()).startsWith("CVSS:3.1/");
    assertThat(p2.epss()).isEqualTo(-1);
    assertThat(p2.evidence()).contains("\"range\": \"P-2\"", "\"record\": \"P-2\"");
    assertThat(rows.get("P-3@b").epss()).isEqualTo(0.25);
    // Ids: a pack's base (from 2^50, in steps of 4,096) plus the element's place.
    assertThat(rows.values()).allSatisfy(r -> assertThat(r.id()).isGreaterThanOrEqualTo(1L << 50));
    assertThat(rows.get("P-2@a").id() - rows.get("P-1@a").id()).isEqualTo(1);
    assertThat((rows.get("P-3@b").id() - (1L << 50)) % 4096).isZero();
  }

  @Test
  void aComponentWithMoreFindingsThanAPackHoldsTakesSeveralPacksAndRepeatsStayOut() {
    Candidate a = components.get(0);
    var many = new java.util.ArrayList<NewFinding>();
    for (int i = 0; i < 5000; i++) {
      many.add(finding(a, "M-" + i, "affected", -1));
    }
    many.add(finding(a, "M-1", "affected", -1));
    many.add(finding(a, "M-4500", "affected", -1));
    recordNew(many);

    assertThat(count("SELECT count(*) FROM finding_pack WHERE sbom_id = " + sbomId)).isEqualTo(2);
    assertThat(rows()).hasSize(5000);
    assertThat(count("SELECT count(DISTINCT id) FROM finding_all WHERE release_id = " + releaseId))
        .isEqualTo(5000);
  }

  @Test
  void aFindingThatChangesLeavesItsPackWithItsIdAndFirstSeenAndAnEmptiedPackIsDeleted() {
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    recordNew(
        List.of(
            finding(a, "Q-1", "indeterminate", -1),
            finding(a, "Q-2", "affected", -1),
            finding(b, "Q-1", "indeterminate", -1)));
    var before = rows();

    // Q-1 re-matched: now affected on a; gone from b.
    store.record(List.of(finding(a, "Q-1", "affected", -1)), Set.of("Q-1"), components);

    var after = rows();
    assertThat(after).containsOnlyKeys("Q-1@a", "Q-2@a");
    assertThat(after.get("Q-1@a").status()).isEqualTo("affected");
    assertThat(after.get("Q-1@a").id()).isEqualTo(before.get("Q-1@a").id());
    assertThat(after.get("Q-1@a").firstSeenAt()).isEqualTo(before.get("Q-1@a").firstSeenAt());
    assertThat(after.get("Q-2@a").id()).isEqualTo(before.get("Q-2@a").id());
    assertThat(count("SELECT count(*) FROM finding WHERE sbom_id = " + sbomId)).isEqualTo(1);
    // b's pack held only Q-1: deleted; a's keeps Q-2 (Q-1's place is NULL).
    assertThat(count("SELECT count(*) FROM finding_pack WHERE sbom_id = " + sbomId)).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM finding_all WHERE release_id = "
                    + releaseId
                    + " AND vulnerability_id = 'Q-1'"))
        .isEqualTo(1);
  }

  @Test
  void aReMatchMovesOnlyThePackedFindingsOfTheSbomsItConcerns() {
    var other = TwoComponentRelease.create(db, "Other");
    Candidate mine = components.get(0);
    Candidate theirs = other.components().get(0);
    recordNew(List.of(finding(mine, "V-1", "indeterminate", -1)));
    store.recordNewSbom(
        other.sbomId(),
        parts -> List.of(sink -> sink.accept(finding(theirs, "V-1", "indeterminate", -1))));

    store.record(List.of(finding(mine, "V-1", "affected", -1)), Set.of("V-1"), components);

    assertThat(count("SELECT count(*) FROM finding WHERE sbom_id = " + sbomId)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM finding WHERE sbom_id = " + other.sbomId())).isZero();
    assertThat(count("SELECT count(*) FROM finding_pack WHERE sbom_id = " + other.sbomId()))
        .isEqualTo(1);
    assertThat(rows().get("V-1@a").status()).isEqualTo("affected");
  }

  @Test
  void anAdvisorysPageFindsPackedFindingsAndARowOfAPackedFindingIsRefused() {
    Candidate a = components.get(0);
    recordNew(List.of(finding(a, "R-1", "affected", -1), finding(a, "R-2", "affected", -1)));

    assertThat(store.affectedReleases(Actor.SYSTEM, Set.of("R-2")))
        .extracting(r -> r.releaseId() + ":" + r.purl())
        .containsExactly(releaseId + ":pkg:npm/a@1.0");
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO finding (release_id, sbom_id, component_ordinal,"
                                    + " purl, name, version, vulnerability_id, aliases, status,"
                                    + " reason, severity, cvss, cvss_vector, kev, epss, evidence)"
                                    + " VALUES (?, ?, ?, '', 'a', '1.0', 'R-1', '', 'affected',"
                                    + " '', 'high', 0, '', false, -1, '{}')",
                                releaseId,
                                sbomId,
                                a.ordinal())))
        .hasMessageContaining("repeats a finding stored in a pack");
  }

  @Test
  void exploitationFlagsReachPackedFindings() {
    Candidate a = components.get(0);
    recordNew(List.of(finding(a, "S-1", "affected", -1), finding(a, "S-2", "affected", -1)));
    var exploitation = new ExploitationStore(db.jdbi());
    exploitation.importEpss(
        Actor.SYSTEM,
        new dev.craft.formats.EpssScores(
            "v2025.03.14",
            "2025-03-14",
            Map.of("CVE-S-2", new dev.craft.formats.EpssScore("CVE-S-2", 0.75, 0.9))));

    exploitation.importKev(
        Actor.SYSTEM,
        new dev.craft.formats.KevCatalog(
            "2099.01.01",
            List.of(
                new dev.craft.formats.KevEntry(
                    "CVE-S-1", "v", "p", "n", "2099-01-01", "2099-02-01", "Known"))));

    var rows = rows();
    assertThat(rows.get("S-2@a").epss()).isEqualTo(0.75);
    assertThat(rows.get("S-1@a").epss()).isEqualTo(-1);
    assertThat(rows.get("S-1@a").kev()).isTrue();
    assertThat(rows.get("S-2@a").kev()).isFalse();
    assertThat(count("SELECT count(*) FROM finding WHERE sbom_id = " + sbomId)).isZero();
  }

  @Test
  void deletingTheSbomDeletesItsPacksAndAReleaseWithPacksIsKept() {
    Candidate a = components.get(0);
    recordNew(List.of(finding(a, "T-1", "affected", -1)));
    assertThatThrownBy(
            () ->
                db.jdbi().useHandle(h -> h.execute("DELETE FROM release WHERE id = ?", releaseId)))
        .hasMessageContaining("still has findings");

    db.jdbi().useHandle(h -> h.execute("DELETE FROM sbom WHERE id = ?", sbomId));

    assertThat(count("SELECT count(*) FROM finding_pack WHERE sbom_id = " + sbomId)).isZero();
  }

  @Test
  void anUpstreamReportOfAPackedFindingMovesItToARow() {
    Candidate a = components.get(0);
    recordNew(List.of(finding(a, "U-1", "affected", -1), finding(a, "U-2", "affected", -1)));
    long id = rows().get("U-2@a").id();

    var report =
        new UpstreamReportStore(db.jdbi())
            .create(
                Actor.SYSTEM,
                new UpstreamReportStore.Draft(
                    productId, id, "U-2", "pkg:npm/a@1.0", "a", "1.0", "", "", "s", "b"));

    assertThat(report.findingId()).isEqualTo(id);
    assertThat(count("SELECT count(*) FROM finding WHERE id = " + id)).isEqualTo(1);
    assertThat(rows()).containsOnlyKeys("U-1@a", "U-2@a");
    assertThat(rows().get("U-2@a").id()).isEqualTo(id);
  }
}
