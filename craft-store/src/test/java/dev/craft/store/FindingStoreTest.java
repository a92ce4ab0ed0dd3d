package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.core.ReleaseDraft;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.FindingRow;
import dev.craft.store.FindingStore.NewFinding;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
    var r = TwoComponentRelease.create(db, "Findings");
    store = new FindingStore(db.jdbi());
    productId = r.productId();
    releaseId = r.releaseId();
    components = r.components();
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

  /** What a concurrent writer inserts (left uncommitted by the caller). */
  private static void insertIndeterminate(org.jdbi.v3.core.Handle h, Candidate c, String vuln) {
    h.execute(
        "INSERT INTO finding (release_id, sbom_id, component_ordinal, purl, name, version,"
            + " vulnerability_id, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,"
            + " evidence) VALUES (?, ?, ?, '', 'a', '1.0', ?, '', 'indeterminate', 'x',"
            + " 'high', 0, '', false, -1, '{}')",
        c.releaseId(),
        c.sbomId(),
        c.ordinal(),
        vuln);
  }

  /** What one part of {@code parts} does. */
  private interface PartBody {
    void run(int part, int parts, java.util.function.Consumer<NewFinding> sink);
  }

  /** A split whose part {@code i} runs {@code body} with {@code i}. */
  private static FindingStore.Split each(PartBody body) {
    return parts ->
        java.util.stream.IntStream.range(0, parts)
            .<java.util.function.Consumer<java.util.function.Consumer<NewFinding>>>mapToObj(
                p -> sink -> body.run(p, parts, sink))
            .toList();
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
    // What the row holds is put back into a match's stored evidence on reading.
    assertThat(after.evidence())
        .isEqualTo("{\"v\": 2, \"reason\": \"\", \"record\": \"ADV-2\", \"source\": \"\"}");
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

  @Test
  void aNewSbomsFindingsAreStreamedAndReplaceWhatAnImportRecordedMeanwhile() {
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    // An advisory import recorded one finding for this SBOM before its own match ran.
    store.record(List.of(finding(a, "ADV-5", "affected", "{\"early\":1}")), Set.of(), components);
    int n =
        store.recordNewSbom(
            a.sbomId(),
            each(
                (part, parts, sink) -> {
                  sink.accept(finding(a, "ADV-5", "indeterminate", "{\"x\":\"\\\"q\\\"\"}"));
                  sink.accept(finding(a, "ADV-9", "affected", "{}"));
                  // Repeats within a run of one component's rows: written once, the first kept.
                  sink.accept(finding(a, "ADV-5", "affected", "{\"again\":1}"));
                  sink.accept(finding(b, "ADV-6", "affected", "{}"));
                  sink.accept(finding(b, "ADV-6", "affected", "{\"again\":1}"));
                }));
    assertThat(n).isEqualTo(3);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + "@" + r.name() + ":" + r.status())
        .containsExactlyInAnyOrder("ADV-5@a:indeterminate", "ADV-9@a:affected", "ADV-6@b:affected");
    assertThat(rows())
        .anySatisfy(
            r -> assertThat(r.evidence()).contains("\"x\": \"\\\"q\\\"\"").doesNotContain("early"))
        .allSatisfy(r -> assertThat(r.evidence()).doesNotContain("again"));
  }

  @Test
  void aFailedStreamLeavesTheStoredFindingsAsTheyWere() {
    Candidate a = components.get(0);
    store.record(List.of(finding(a, "ADV-7", "affected", "{}")), Set.of(), components);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                store.recordNewSbom(
                    a.sbomId(),
                    each(
                        (part, parts, sink) -> {
                          sink.accept(finding(a, "ADV-8", "affected", "{}"));
                          throw new IllegalStateException("matcher failed");
                        })))
        .hasMessageContaining("matcher failed");
    assertThat(rows()).extracting(FindingRow::vulnerabilityId).containsExactly("ADV-7");
  }

  @Test
  void aFindingOfAnotherSbomIsNotTakenForThisOne() {
    Candidate a = components.get(0);
    Candidate foreign =
        new Candidate(a.releaseId(), a.sbomId() + 1_000, 0, "pkg:npm/z@1", "z", "1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                store.recordNewSbom(
                    a.sbomId(),
                    each(
                        (part, parts, sink) ->
                            sink.accept(finding(foreign, "ADV-9", "affected", "{}")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rows()).isEmpty();
  }

  @Test
  void theDatabaseRefusesAFindingWhoseSbomIsNotOfItsReleaseAndKeepsReleasesThatFindingsName() {
    Candidate a = components.get(0);
    var otherRelease =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, productId, ReleaseDraft.of("2", null, null, null));
    Candidate misfiled =
        new Candidate(otherRelease.id(), a.sbomId(), a.ordinal(), a.purl(), a.name(), a.version());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                store.record(
                    List.of(finding(misfiled, "ADV-10", "affected", "{}")),
                    Set.of(),
                    List.of(misfiled)))
        .hasMessageContaining("not stored");
    assertThat(rows()).isEmpty();
    store.record(List.of(finding(a, "ADV-10", "affected", "{}")), Set.of(), components);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                execute(
                    "UPDATE finding SET release_id = ? WHERE release_id = ?",
                    otherRelease.id(),
                    releaseId))
        .hasMessageContaining("keeps its release");
    // Deleting the SBOM deletes its findings, as the former ON DELETE CASCADE did.
    db.jdbi()
        .useHandle(
            h -> {
              h.execute("DELETE FROM sbom_component WHERE sbom_id = ?", a.sbomId());
              h.execute("DELETE FROM sbom WHERE id = ?", a.sbomId());
            });
    assertThat(rows()).isEmpty();
  }

  @Test
  void findingsMatchedAgainstAdvisoriesThatChangedSinceAreNotWritten() {
    var advisories = new AdvisoryStore(db.jdbi());
    long read = advisories.generation();
    Candidate a = components.get(0);
    FindingStore.Split split =
        each((part, parts, sink) -> sink.accept(finding(a, "ADV-G", "affected", "{}")));
    // Large enough to be written in two parts: both roll back.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store.recordNewSbom(a.sbomId(), 1_000, split, read + 1))
        .isInstanceOf(FindingStore.AdvisoriesChanged.class)
        .hasMessageContaining("generation " + (read + 1) + ", now " + read);
    assertThat(rows()).isEmpty();
    assertThat(store.recordNewSbom(a.sbomId(), 1_000, split, read)).isEqualTo(1);
    assertThat(rows()).extracting(FindingRow::vulnerabilityId).containsExactly("ADV-G");
    // Every statement that changes stored advisories moves the generation on.
    advisories.importRecords(
        Actor.SYSTEM,
        List.of(
            new dev.craft.formats.OsvReader(dev.craft.formats.AdvisoryLimits.DEFAULT)
                .parse(
                    "{\"id\":\"ADV-G\",\"modified\":\"2025-01-01T00:00:00Z\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "g.json")),
        java.time.Instant.now());
    assertThat(advisories.generation()).isGreaterThan(read);
  }

  @Test
  void theDatabaseRefusesAComponentOfAMissingSbomAndDeletesAnSbomsComponentsWithIt() {
    long sbom = components.get(0).sbomId();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                execute(
                    "INSERT INTO sbom_component (sbom_id, ordinal, ref, type, grp, name, version,"
                        + " purl, direct) VALUES (?, 0, 'x', 'library', '', 'x', '1', '', false)",
                    sbom + 1_000))
        .hasMessageContaining("component names an SBOM that is not stored");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                execute("UPDATE sbom_component SET sbom_id = ? WHERE sbom_id = ?", sbom + 1, sbom))
        .hasMessageContaining("a component keeps its SBOM");
    java.util.function.LongSupplier stored =
        () ->
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT count(*) FROM sbom_component WHERE sbom_id = :s")
                            .bind("s", sbom)
                            .mapTo(Long.class)
                            .one());
    assertThat(stored.getAsLong()).isEqualTo(components.size());
    // Deleting the SBOM deletes its components, as the former ON DELETE CASCADE did.
    execute("DELETE FROM sbom WHERE id = ?", sbom);
    assertThat(stored.getAsLong()).isZero();
  }

  /** Runs one statement outside the store, as another writer would. */
  private static void execute(String statement, Object... args) {
    db.jdbi().useHandle(h -> h.execute(statement, args));
  }

  /** A manual finding (no SBOM) of {@code release}, as a CVD report would enter it. */
  private static void insertManual(long release, String vulnerability, @Nullable Long report) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO finding (release_id, sbom_id, component_ordinal, purl, name,"
                            + " version, vulnerability_id, aliases, status, reason, severity, cvss,"
                            + " cvss_vector, kev, epss, evidence, source, package_key, cvd_report_id)"
                            + " VALUES (:r, NULL, -1, '', '', '', :v, '', 'affected', '', 'high', 0,"
                            + " '', false, -1, '{}', 'cvd', 'product', :report)")
                    .bind("r", release)
                    .bind("v", vulnerability)
                    .bind("report", report)
                    .execute());
  }

  @Test
  void aReleaseWithFindingsWithoutAnSbomIsNotDeleted() {
    var bare =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, productId, ReleaseDraft.of("3", null, null, null));
    insertManual(bare.id(), "CVE-2099-3", null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> execute("DELETE FROM release WHERE id = ?", bare.id()))
        .hasMessageContaining("still has findings");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> insertManual(bare.id() + 1_000_000, "CVE-2099-3", null))
        .hasMessageContaining("not stored");
  }

  @Test
  void theDatabaseRefusesAFindingOfAnUnknownCvdReportAndKeepsReportsThatFindingsName() {
    var bare =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, productId, ReleaseDraft.of("4", null, null, null));
    long report =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "INSERT INTO cvd_report (tracking_hash, title, description, client_ip,"
                                + " ack_due_at) VALUES ('t-' || random(), 'x', 'y', '127.0.0.1',"
                                + " now()) RETURNING id")
                        .mapTo(Long.class)
                        .one());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> insertManual(bare.id(), "CVE-2099-4", report + 1))
        .hasMessageContaining("CVD report that is not stored");
    insertManual(bare.id(), "CVE-2099-4", report);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> execute("DELETE FROM cvd_report WHERE id = ?", report))
        .hasMessageContaining("still has findings");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                execute("UPDATE finding SET cvd_report_id = NULL WHERE cvd_report_id = ?", report))
        .hasMessageContaining("keeps its release, SBOM and CVD report");
    int kept =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM finding WHERE cvd_report_id = :r")
                        .bind("r", report)
                        .mapTo(Integer.class)
                        .one());
    assertThat(kept).isEqualTo(1);
  }

  @Test
  void aNewSbomsWriteWaitsForAnImportStillWritingItsFindingsAndThenReplacesThem() throws Exception {
    Candidate a = components.get(0);
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    try (var importing = db.jdbi().open()) {
      importing.begin();
      insertIndeterminate(importing, a, "ADV-11");
      var matching =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  store.recordNewSbom(
                      a.sbomId(),
                      each(
                          (part, parts, sink) -> {
                            calls.incrementAndGet();
                            sink.accept(finding(a, "ADV-11", "affected", "{}"));
                            sink.accept(finding(a, "ADV-12", "affected", "{}"));
                          })));
      // The import's rows lock the SBOM (V23): the write waits for it, then replaces its rows.
      Thread.sleep(500);
      assertThat(matching).isNotDone();
      importing.commit();
      assertThat(matching.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    }
    assertThat(calls).hasValue(1);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + ":" + r.status())
        .containsExactlyInAnyOrder("ADV-11:affected", "ADV-12:affected");
  }

  @Test
  void anAdvisorysFindingsForAnSbomBeingWrittenWaitAndThenUpdateThePackInsteadOfRepeatingIt()
      throws Exception {
    Candidate a = components.get(0);
    var handedOver = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var matching =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                store.recordNewSbom(
                    a.sbomId(),
                    each(
                        (part, parts, sink) -> {
                          sink.accept(finding(a, "ADV-21", "indeterminate", "{}"));
                          sink.accept(finding(a, "ADV-22", "affected", "{}"));
                          handedOver.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                          }
                        })));
    assertThat(handedOver.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    var importing =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                store.record(
                    List.of(finding(a, "ADV-21", "affected", "{}")), Set.of(), components));
    Thread.sleep(500);
    // The SBOM's write holds its row: the advisory's rows wait for it.
    assertThat(importing).isNotDone();
    release.countDown();
    assertThat(matching.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(importing.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + ":" + r.status())
        .containsExactlyInAnyOrder("ADV-21:affected", "ADV-22:affected");
  }

  @Test
  void aNewAdvisorysFindingsMeetingAConcurrentWriterAreUpsertedInstead() throws Exception {
    Candidate a = components.get(0);
    try (var other = db.jdbi().open()) {
      other.begin();
      insertIndeterminate(other, a, "ADV-13");
      var recording =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  store.record(
                      List.of(finding(a, "ADV-13", "affected", "{}")),
                      Set.of("ADV-13"),
                      components));
      Thread.sleep(500);
      other.commit();
      assertThat(recording.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + ":" + r.status())
        .containsExactly("ADV-13:affected");
  }

  @Test
  void componentsAreFoundByTheirExtraLookUpKeys() {
    Candidate b = components.get(1);
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE sbom_component SET lookup_keys = '{deb/b-source}' WHERE sbom_id = ?"
                        + " AND ordinal = ?",
                    b.sbomId(),
                    b.ordinal()));
    assertThat(store.currentComponentsWithKeys(Set.of("deb/b-source")))
        .extracting(Candidate::ordinal)
        .containsExactly(b.ordinal());
    assertThat(store.currentComponentsWithKeys(Set.of("npm/a")))
        .extracting(Candidate::ordinal)
        .contains(components.get(0).ordinal());
  }

  /** Findings of part {@code part} of {@code parts}: each component's own, handed by its part. */
  private void byPart(int part, int parts, java.util.function.Consumer<NewFinding> sink) {
    List<Candidate> mine =
        components.subList(
            components.size() * part / parts, components.size() * (part + 1) / parts);
    for (Candidate c : mine) {
      sink.accept(finding(c, "ADV-P" + c.ordinal(), "affected", "{\"part\":" + part + "}"));
    }
  }

  @Test
  void aNewSbomsFindingsAreWrittenInPartsOnTheirOwnThreadsAndConnections() {
    var parallel = new FindingStore(db.jdbi(), 1);
    var threads = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var partsSeen = java.util.concurrent.ConcurrentHashMap.<Integer>newKeySet();
    int n =
        parallel.recordNewSbom(
            components.get(0).sbomId(),
            each(
                (part, parts, sink) -> {
                  threads.add(Thread.currentThread().getName());
                  partsSeen.add(parts);
                  byPart(part, parts, sink);
                }));
    assertThat(n).isEqualTo(2);
    assertThat(partsSeen).containsExactly(2);
    assertThat(threads).hasSize(2);
    assertThat(rows())
        .extracting(
            r -> r.vulnerabilityId() + "@" + r.name() + ":" + r.evidence().contains("\"part\": 1"))
        .containsExactlyInAnyOrder("ADV-P0@a:false", "ADV-P1@b:true");
    // The extra connection is given back: the next SBOM is written in two parts again.
    partsSeen.clear();
    db.jdbi().useHandle(h -> h.execute("DELETE FROM finding WHERE release_id = ?", releaseId));
    parallel.recordNewSbom(
        components.get(0).sbomId(), each((part, parts, sink) -> partsSeen.add(parts)));
    assertThat(partsSeen).containsExactly(2);
    // A small SBOM, said to be one, is written by one writer.
    partsSeen.clear();
    parallel.recordNewSbom(
        components.get(0).sbomId(),
        components.size(),
        each((part, parts, sink) -> partsSeen.add(parts)));
    assertThat(partsSeen).containsExactly(1);
  }

  @Test
  void aFailedPartLeavesNothingOfAnyPart() {
    var parallel = new FindingStore(db.jdbi(), 1);
    for (int failing = 0; failing < 2; failing++) {
      int failingPart = failing;
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  parallel.recordNewSbom(
                      components.get(0).sbomId(),
                      each(
                          (part, parts, sink) -> {
                            byPart(part, parts, sink);
                            if (part == failingPart) {
                              throw new IllegalStateException("part " + part + " failed");
                            }
                          })))
          .hasMessageContaining("part " + failingPart + " failed");
      assertThat(rows()).isEmpty();
    }
  }

  @Test
  void findingsAnImportRecordedMeanwhileAreReplacedByOneWriter() {
    var parallel = new FindingStore(db.jdbi(), 1);
    Candidate a = components.get(0);
    parallel.record(List.of(finding(a, "ADV-P0", "indeterminate", "{}")), Set.of(), components);
    var partsSeen = java.util.concurrent.ConcurrentHashMap.<Integer>newKeySet();
    parallel.recordNewSbom(
        a.sbomId(),
        each(
            (part, parts, sink) -> {
              partsSeen.add(parts);
              byPart(part, parts, sink);
            }));
    assertThat(partsSeen).containsExactly(1);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + ":" + r.status())
        .containsExactlyInAnyOrder("ADV-P0:affected", "ADV-P1:affected");
  }

  @Test
  void aNewSbomWaitingForAnImportsFindingsReplacesThemWithOneWriter() throws Exception {
    var parallel = new FindingStore(db.jdbi(), 1);
    Candidate b = components.get(1);
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    try (var importing = db.jdbi().open()) {
      importing.begin();
      insertIndeterminate(importing, b, "ADV-P1");
      var matching =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  parallel.recordNewSbom(
                      b.sbomId(),
                      each(
                          (part, parts, sink) -> {
                            calls.incrementAndGet();
                            byPart(part, parts, sink);
                          })));
      Thread.sleep(500);
      assertThat(matching).isNotDone();
      importing.commit();
      assertThat(matching.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    }
    // One part: the import's rows were replaced, which takes one writer.
    assertThat(calls).hasValue(1);
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + ":" + r.status())
        .containsExactlyInAnyOrder("ADV-P0:affected", "ADV-P1:affected");
  }

  @Test
  void aNewAdvisorysManyFindingsAreWrittenInTwoTransactionsAndAllKept() {
    var parallel = new FindingStore(db.jdbi(), 1);
    var many = new java.util.ArrayList<NewFinding>();
    for (int i = 0; i < 4_000; i++) {
      for (Candidate c : components) {
        many.add(finding(c, "ADV-M" + i, "affected", "{\"i\":" + i + "}"));
      }
    }
    var ids =
        many.stream().map(NewFinding::vulnerabilityId).collect(java.util.stream.Collectors.toSet());
    assertThat(parallel.record(many, ids, components)).isEqualTo(8_000);
    assertThat(rows()).hasSize(8_000);
    assertThat(TestDatabase.findingWriters(db.jdbi(), releaseId)).isEqualTo(2);
    // Fewer findings take one COPY in one transaction.
    var few = List.of(finding(components.get(0), "ADV-F", "affected", "{}"));
    parallel.record(few, Set.of("ADV-F"), components);
    assertThat(rows()).hasSize(8_001);
  }

  @Test
  void rowsAreDeletedByTheirKeys() {
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    store.record(
        List.of(finding(a, "ADV-D1", "affected", "{}"), finding(b, "ADV-D1", "affected", "{}")),
        Set.of(),
        components);
    db.jdbi()
        .useTransaction(
            h ->
                FindingCopy.delete(
                    h,
                    List.of(
                        new FindingCopy.Key(a.releaseId(), a.sbomId(), a.ordinal(), "ADV-D1"),
                        new FindingCopy.Key(a.releaseId(), a.sbomId(), a.ordinal(), "ADV-NONE"))));
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + "@" + r.name())
        .containsExactly("ADV-D1@b");
  }

  @Test
  void anImportWaitingForOnePartWhileHoldingRowsOfTheOtherDoesNotHangTheUpload() throws Exception {
    var parallel = new FindingStore(db.jdbi(), 1, java.time.Duration.ofMillis(500));
    Candidate a = components.get(0);
    Candidate b = components.get(1);
    try (var importing = db.jdbi().open()) {
      importing.begin();
      // Were the wait endless, the import's second insert would fail instead of hanging the test.
      importing.execute("SET LOCAL statement_timeout = '20s'");
      insertIndeterminate(importing, b, "ADV-X");
      var matching =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () ->
                  parallel.recordNewSbom(
                      a.sbomId(),
                      each(
                          (part, parts, sink) -> {
                            for (int i = part; i < components.size(); i += parts) {
                              sink.accept(finding(components.get(i), "ADV-X", "affected", "{}"));
                            }
                          })));
      // Part 0 has written (ADV-X, a) and waits for part 1, which waits for the import's (ADV-X,
      // b); the import now waits for (ADV-X, a): a wait PostgreSQL cannot see as a deadlock.
      Thread.sleep(300);
      insertIndeterminate(importing, a, "ADV-X");
      importing.commit();
      assertThat(matching.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
    }
    assertThat(rows())
        .extracting(r -> r.vulnerabilityId() + "#" + r.componentOrdinal() + ":" + r.status())
        .containsExactlyInAnyOrder(
            "ADV-X#" + a.ordinal() + ":affected", "ADV-X#" + b.ordinal() + ":affected");
  }
}
