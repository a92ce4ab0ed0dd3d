package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.ReleaseDraft;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many decisions at once (a VEX import): all or nothing, and unchanged decisions left alone. */
class TriageImportTest {
  static Database db;
  static ProductStore products;
  static ReleaseStore releases;
  static TriageImport triage;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    products = new ProductStore(db.jdbi());
    releases = new ReleaseStore(db.jdbi());
    triage = new TriageImport(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** A product with one release whose SBOM has one component with one finding; its id. */
  static long[] productWithFinding(String name) {
    long p = products.create(Actor.SYSTEM, StoreTest.draft(name)).id();
    long r = releases.create(Actor.SYSTEM, p, ReleaseDraft.of("1.0", null, null, null)).id();
    return db.jdbi()
        .withHandle(
            h -> {
              long sbom =
                  h.createQuery(
                          """
                          INSERT INTO sbom (release_id, format, spec_version, encoding, sha256,
                            size_bytes, original, inventory, component_count, uploaded_by)
                          VALUES (:r, 'cyclonedx', '1.6', 'json', 'x', 1, '\\x00', '\\x00', 1, 't')
                          RETURNING id""")
                      .bind("r", r)
                      .mapTo(Long.class)
                      .one();
              h.createUpdate(
                      """
                      INSERT INTO sbom_component (sbom_id, ordinal, ref, type, grp, name, version,
                        purl, direct, package_key)
                      VALUES (:s, 0, 'a', 'library', '', 'a', '1.0', 'pkg:npm/a@1.0', true, 'npm/a')
                      """)
                  .bind("s", sbom)
                  .execute();
              long finding =
                  h.createQuery(
                          """
                          INSERT INTO finding (release_id, sbom_id, component_ordinal, purl, name,
                            version, vulnerability_id, aliases, status, reason, severity, cvss,
                            cvss_vector, kev, epss, evidence)
                          VALUES (:r, :s, 0, 'pkg:npm/a@1.0', 'a', '1.0', 'GHSA-test', 'CVE-1',
                            'affected', '', 'HIGH', 7.5, '', false, -1, '{}')
                          RETURNING id""")
                      .bind("r", r)
                      .bind("s", sbom)
                      .mapTo(Long.class)
                      .one();
              return new long[] {p, finding};
            });
  }

  static TriageInput input(String state, String justification) {
    return new TriageInput(
        state, justification, List.of(), "", "", "VEX import", "product", "", "", List.of());
  }

  static long count(String sql, long product) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind("p", product).mapTo(Long.class).one());
  }

  static final String DECISIONS = "SELECT count(*) FROM triage_decision WHERE product_id = :p";
  static final String AUDIT =
      "SELECT count(*) FROM audit_entry WHERE action LIKE 'triage.%' AND :p = :p";

  @Test
  void aFailureInTheMiddleWritesNoDecisionAndNoAuditEntry() {
    long[] a = productWithFinding("Import A");
    long[] b = productWithFinding("Import B");
    long audit = count(AUDIT, a[0]);
    // The second plan names a finding of another product: the first must not stay written.
    var plans =
        List.of(
            new TriageImport.Planned(a[1], input("exploitable", "")),
            new TriageImport.Planned(b[1], input("exploitable", "")));
    assertThatThrownBy(() -> triage.apply(Actor.SYSTEM, a[0], plans, Map.of()))
        .isInstanceOf(NotFoundException.class);
    assertThat(count(DECISIONS, a[0])).isZero();
    assertThat(count(AUDIT, a[0])).isEqualTo(audit);
  }

  @Test
  void theSameDecisionTwiceIsWrittenOnceAndThenReportedUnchanged() {
    long[] a = productWithFinding("Import C");
    var plan = List.of(new TriageImport.Planned(a[1], input("not_affected", "code_not_present")));
    var first = triage.apply(Actor.SYSTEM, a[0], plan, Map.of("format", "openvex"));
    var second = triage.apply(Actor.SYSTEM, a[0], plan, Map.of("format", "openvex"));
    assertThat(first).singleElement().extracting(TriageImport.Outcome::changed).isEqualTo(true);
    assertThat(first.getFirst().scopeKey()).isEqualTo("product");
    assertThat(second).singleElement().extracting(TriageImport.Outcome::changed).isEqualTo(false);
    assertThat(
            count(
                "SELECT count(*) FROM triage_history th JOIN triage_decision d"
                    + " ON d.id = th.decision_id WHERE d.product_id = :p",
                a[0]))
        .isEqualTo(1);
  }

  @Test
  void aDecisionIsReopenedWhenItsVulnerabilityIsAmongTheManyAnUploadRecorded() {
    long[] a = productWithFinding("Import E");
    triage.apply(
        Actor.SYSTEM,
        a[0],
        List.of(new TriageImport.Planned(a[1], input("exploitable", ""))),
        Map.of());
    // The advisory's modified moved since the decision; an upload recorded 2,000 vulnerabilities.
    var many = new java.util.HashSet<String>();
    for (int i = 0; i < 2_000; i++) {
      many.add("GHSA-other-" + i);
    }
    String state = "SELECT state FROM triage_decision WHERE product_id = :p";
    db.jdbi()
        .useTransaction(
            h -> {
              h.execute(
                  "INSERT INTO advisory (id, source, modified, published, withdrawn, raw, fetched_at)"
                      + " VALUES ('GHSA-test', 'test', '2099-01-01T00:00:00Z', '', '', '{}', now())");
              TriageStore.reopenStale(h, many);
            });
    assertThat(text(state, a[0])).isEqualTo("exploitable");
    many.add("GHSA-test");
    db.jdbi().useTransaction(h -> TriageStore.reopenStale(h, many));
    assertThat(text(state, a[0])).isEqualTo("in_triage");
  }

  static String text(String sql, long product) {
    return db.jdbi()
        .withHandle(h -> h.createQuery(sql).bind("p", product).mapTo(String.class).one());
  }

  @Test
  void inTriageOnAFindingWithoutDecisionChangesNothing() {
    long[] a = productWithFinding("Import D");
    var out =
        triage.apply(
            Actor.SYSTEM,
            a[0],
            List.of(new TriageImport.Planned(a[1], input("in_triage", ""))),
            Map.of());
    assertThat(out).singleElement().extracting(TriageImport.Outcome::changed).isEqualTo(false);
    assertThat(count(DECISIONS, a[0])).isZero();
    // Once a decision covers it, in_triage is a change again.
    triage.apply(
        Actor.SYSTEM,
        a[0],
        List.of(new TriageImport.Planned(a[1], input("exploitable", ""))),
        Map.of());
    var back =
        triage.apply(
            Actor.SYSTEM,
            a[0],
            List.of(new TriageImport.Planned(a[1], input("in_triage", ""))),
            Map.of());
    assertThat(back).singleElement().extracting(TriageImport.Outcome::changed).isEqualTo(true);
  }
}
