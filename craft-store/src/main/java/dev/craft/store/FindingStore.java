package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Findings per release: which advisory affects (or may affect) which component of a release's SBOM,
 * with the matcher's evidence, and when CRAFT first and last saw it.
 */
public final class FindingStore {
  private final Jdbi jdbi;

  /** Connections that writers of a new SBOM's findings may take besides their own. */
  private final java.util.concurrent.Semaphore extraWriters;

  private final Duration lockTimeout;

  /** A store whose new-SBOM writes take one connection. */
  public FindingStore(Jdbi jdbi) {
    this(jdbi, 0);
  }

  /**
   * A store whose writers of a new SBOM's findings may together take {@code extraConnections}
   * connections besides their own, when more than one core is available.
   */
  public FindingStore(Jdbi jdbi, int extraConnections) {
    this(jdbi, extraConnections, Duration.ofSeconds(5));
  }

  /** As above, with new findings' writes waiting at most {@code lockTimeout} for a row lock. */
  FindingStore(Jdbi jdbi, int extraConnections, Duration lockTimeout) {
    this.jdbi = jdbi;
    this.lockTimeout = lockTimeout;
    this.extraWriters =
        new java.util.concurrent.Semaphore(
            Runtime.getRuntime().availableProcessors() > 1 ? Math.max(0, extraConnections) : 0);
  }

  /** A component of a current SBOM that a match may concern. */
  public record Candidate(
      long releaseId,
      long sbomId,
      int ordinal,
      String purl,
      String name,
      String version,
      List<String> cpes) {
    public Candidate {
      cpes = List.copyOf(cpes);
    }

    /**
     * Maps the columns release_id, sbom_id, ordinal, purl, name, version and cpes (NULL when empty)
     * by position: a look-up hands over 10,000 candidates, most without a CPE name, whose empty
     * array is then not parsed at all.
     */
    static final org.jdbi.v3.core.mapper.RowMapper<Candidate> BY_POSITION =
        (rs, ctx) -> {
          java.sql.Array cpes = rs.getArray(7);
          return new Candidate(
              rs.getLong(1),
              rs.getLong(2),
              rs.getInt(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              cpes == null ? List.of() : List.of((String[]) cpes.getArray()));
        };

    public Candidate(
        long releaseId, long sbomId, int ordinal, String purl, String name, String version) {
      this(releaseId, sbomId, ordinal, purl, name, version, List.of());
    }
  }

  /** A finding to record. {@code evidence} is JSON. */
  public record NewFinding(
      Candidate component,
      String vulnerabilityId,
      String aliases,
      String status,
      String reason,
      String severity,
      double cvss,
      String cvssVector,
      boolean kev,
      double epss,
      String evidence) {}

  /**
   * A stored finding, with the product's support end (null when no support period is set) and
   * whether its release is marked end of support.
   */
  public record FindingRow(
      long id,
      long releaseId,
      long sbomId,
      int componentOrdinal,
      String purl,
      String name,
      String version,
      String vulnerabilityId,
      String aliases,
      String status,
      String reason,
      String severity,
      double cvss,
      String cvssVector,
      boolean kev,
      double epss,
      String evidence,
      Instant firstSeenAt,
      Instant lastSeenAt,
      @Nullable LocalDate supportEnd,
      boolean releaseEnded) {}

  /** A release that one advisory affects, for the advisory page. */
  public record AffectedRelease(
      long productId,
      String productName,
      long releaseId,
      String releaseVersion,
      String purl,
      String status,
      Instant firstSeenAt,
      @Nullable LocalDate supportEnd,
      boolean releaseEnded) {}

  /** Components with a package key of one SBOM. */
  public List<Candidate> componentsOf(long sbomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.release_id, c.sbom_id, c.ordinal, c.purl, c.name, c.version,
                      NULLIF(c.cpes, '{}')
                    FROM sbom_component c JOIN sbom s ON s.id = c.sbom_id
                    WHERE c.sbom_id = :sbom AND c.package_key <> '' ORDER BY c.ordinal
                    """)
                .bind("sbom", sbomId)
                .map(Candidate.BY_POSITION)
                .list());
  }

  /**
   * Components of every current SBOM whose package key is one of {@code keys}: one indexed look-up
   * instead of a portfolio re-scan.
   */
  public List<Candidate> currentComponentsWithKeys(Set<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.release_id, c.sbom_id, c.ordinal, c.purl, c.name, c.version,
                      NULLIF(c.cpes, '{}')
                    FROM sbom_component c JOIN sbom s ON s.id = c.sbom_id AND s.replaced_at IS NULL
                    WHERE c.package_key = ANY(:keys)
                      OR (c.lookup_keys <> '{}' AND c.lookup_keys && CAST(:keys AS TEXT[]))
                    ORDER BY c.sbom_id, c.ordinal
                    """)
                .bindArray("keys", String.class, List.copyOf(keys))
                .map(Candidate.BY_POSITION)
                .list());
  }

  /**
   * Records findings: new ones get {@code first_seen_at = now()}, known ones keep it and get the
   * new verdict and {@code last_seen_at}. Findings of {@code rematched} advisories on the {@code
   * components} that this match no longer produced are removed (the advisory changed or was
   * withdrawn).
   */
  public int record(List<NewFinding> findings, Set<String> rematched, List<Candidate> components) {
    var touched = new java.util.HashSet<>(rematched);
    findings.forEach(f -> touched.add(f.vulnerabilityId()));
    if (!findings.isEmpty() && noneStored(touched)) {
      // A new advisory's findings: nothing to replace or remove, so one COPY straight into the
      // table (an import or upload writing the same rows meanwhile sends us the upsert way).
      var rows = FindingCopy.laterWins(findings);
      try {
        writeNew(
            FindingCopy.Stream::new,
            parts -> slices(rows, parts),
            java.util.function.UnaryOperator.identity(),
            touched,
            rows.size() >= SPLIT_FROM,
            h -> {},
            h -> 0);
        return findings.size();
      } catch (RuntimeException e) {
        if (!Sql.isWriteConflict(e)) {
          throw e;
        }
      }
    }
    return jdbi.inTransaction(
        h -> {
          // Findings of these vulnerabilities that the packs of these SBOMs hold become rows
          // first, so that the upsert and the removal below, which concern only these SBOMs, see
          // them (ADR 104).
          var sboms = new java.util.HashSet<Long>();
          components.forEach(c -> sboms.add(c.sbomId()));
          findings.forEach(f -> sboms.add(f.component().sbomId()));
          FindingPacks.unpack(h, touched, sboms);
          boolean stale = !rematched.isEmpty() && !components.isEmpty();
          if (!findings.isEmpty() || stale) {
            FindingCopy.stage(h, findings);
          }
          if (stale) {
            // Findings of the re-matched advisories on these SBOMs that this match did not
            // produce: deleted before the upsert, so that a new advisory's look-up finds no rows.
            h.createUpdate(
                    """
                    DELETE FROM finding f WHERE f.vulnerability_id = ANY(:ids)
                      AND f.sbom_id = ANY(:sboms)
                      AND NOT EXISTS (SELECT 1 FROM finding_in i WHERE i.release_id = f.release_id
                        AND i.sbom_id = f.sbom_id AND i.component_ordinal = f.component_ordinal
                        AND i.vulnerability_id = f.vulnerability_id)
                    """)
                .bindArray("ids", String.class, List.copyOf(rematched))
                .bindArray(
                    "sboms",
                    Long.class,
                    components.stream().map(Candidate::sbomId).distinct().toList())
                .execute();
          }
          if (!findings.isEmpty()) {
            FindingCopy.upsertStaged(h);
          }
          // Only decisions on the vulnerabilities recorded or re-matched here can have gone stale.
          TriageStore.reopenStale(h, touched);
          return findings.size();
        });
  }

  /**
   * Divides the work of handing over a new SBOM's findings among {@code parts} producers, which run
   * at the same time; together they hand over every finding once. Asked again for each attempt.
   */
  @FunctionalInterface
  public interface Split {
    List<Consumer<Consumer<NewFinding>>> into(int parts);
  }

  /**
   * Records the findings of a newly stored SBOM as {@code producer} hands them over, a component's
   * findings together: streamed by COPY into {@code finding_pack}, one row per component (ADR 104),
   * so that PostgreSQL stores them while the matcher works on the next components; when cores and
   * connections allow, in parts matched and written at the same time on their own connections,
   * committed together once every part is written (ADR 098). Findings an advisory import recorded
   * for this SBOM in the meantime are replaced (this match read every stored advisory), by one
   * writer; if such an import is still writing some, its rows hold the SBOM's row (V23) and the
   * write waits for it to commit; after the lock timeout the findings are recorded as {@link
   * #record} does, asking {@code producer} once more. Returns the number of findings recorded.
   */
  public int recordNewSbom(long sbomId, Split producer) {
    return recordNewSbom(sbomId, Integer.MAX_VALUE, producer);
  }

  /**
   * As {@link #recordNewSbom(long, Split)}, for producers that match {@code components} components:
   * fewer than {@value #SPLIT_FROM_COMPONENTS} are written by one writer (a second one would cost
   * more than it saves).
   */
  public int recordNewSbom(long sbomId, int components, Split producer) {
    return recordNewSbom(sbomId, components, producer, ANY_GENERATION);
  }

  /**
   * As {@link #recordNewSbom(long, int, Split)}, for a producer that matches against the stored
   * advisories as they were at {@code generation} ({@link AdvisoryStore#stampsByKey}): before the
   * findings commit, the generation is read again under a lock that makes advisory writers wait,
   * and if an import changed advisories since, nothing is written and {@link AdvisoriesChanged} is
   * thrown, for the caller to match again. {@link #ANY_GENERATION} checks nothing.
   */
  public int recordNewSbom(long sbomId, int components, Split producer, long generation) {
    try {
      return writeNewSbom(sbomId, components >= SPLIT_FROM_COMPONENTS, producer, generation);
    } catch (RuntimeException e) {
      if (!Sql.isWriteConflict(e)) {
        throw e;
      }
      if (generation != ANY_GENERATION) {
        jdbi.useHandle(h -> requireGeneration(h, generation, false));
      }
      var found = new java.util.ArrayList<NewFinding>();
      producer.into(1).get(0).accept(checked(sbomId, found::add));
      return record(found, Set.of(), componentsOf(sbomId));
    }
  }

  /** For {@link #recordNewSbom(long, int, Split, long)}: no generation to check. */
  public static final long ANY_GENERATION = -1;

  /** Stored advisories changed while an SBOM's findings were matched; none was written. */
  public static final class AdvisoriesChanged extends StoreException {
    AdvisoriesChanged(long expected, long found) {
      super(
          "stored advisories changed while the findings were matched (generation "
              + expected
              + ", now "
              + found
              + ")");
    }
  }

  /**
   * Throws {@link AdvisoriesChanged} unless the advisory generation is {@code expected}; when
   * {@code locked}, read FOR SHARE: advisory writers then wait until this transaction ends.
   */
  private static void requireGeneration(Handle h, long expected, boolean locked) {
    long now = AdvisoryStore.generation(h, locked);
    if (now != expected) {
      throw new AdvisoriesChanged(expected, now);
    }
  }

  private int writeNewSbom(long sbomId, boolean mayHelp, Split split, long generation) {
    return writeNew(
        PackStream::new,
        split,
        sink -> checked(sbomId, sink),
        Set.of(),
        mayHelp,
        h -> {
          if (generation != ANY_GENERATION) {
            requireGeneration(h, generation, true);
          }
        },
        h -> {
          // Held until this write commits: a writer of finding rows for this SBOM (an advisory's
          // portfolio impact) waits for it and then sees the packs (V23's finding_check_parents).
          long release =
              h.createQuery("SELECT release_id FROM sbom WHERE id = :s FOR NO KEY UPDATE")
                  .bind("s", sbomId)
                  .mapTo(Long.class)
                  .findOne()
                  .orElseThrow(() -> new NotFoundException("sbom", sbomId));
          h.createUpdate("DELETE FROM finding_pack WHERE release_id = :r AND sbom_id = :s")
              .bind("r", release)
              .bind("s", sbomId)
              .execute();
          return h.createUpdate("DELETE FROM finding WHERE release_id = :r AND sbom_id = :s")
              .bind("r", release)
              .bind("s", sbomId)
              .execute();
        });
  }

  /**
   * Writes findings none of which is stored yet by COPY into the sink {@code sinks} opens on a
   * connection (rows or packs) as {@code split}'s producers hand them over, each through {@code
   * guard}: in the caller's transaction, and when {@code mayHelp}, a core and a connection are
   * free, and {@code before} (run first in that transaction) deleted no row, in parts on helper
   * connections committed just before it; {@code beforeCommit} runs in that transaction once every
   * part is written, before any commits (it may throw to write nothing). Then reopens the triage
   * decisions that the written vulnerabilities and {@code alsoTouched} may have made stale. Returns
   * the rows written.
   */
  private int writeNew(
      java.util.function.Function<Handle, FindingCopy.Sink> sinks,
      Split split,
      java.util.function.UnaryOperator<Consumer<NewFinding>> guard,
      Set<String> alsoTouched,
      boolean mayHelp,
      Consumer<Handle> beforeCommit,
      java.util.function.ToIntFunction<Handle> before) {
    var helpers = new java.util.ArrayList<PartWriter>();
    try {
      return jdbi.inTransaction(
          h -> {
            limitLockWaits(h);
            int replaced = before.applyAsInt(h);
            // Rows this transaction deleted would hold up other writers of the same keys until
            // it commits, which waits for them: replacing findings takes one writer.
            while (mayHelp
                && replaced == 0
                && 1 + helpers.size() < MAX_PARTS
                && extraWriters.tryAcquire()) {
              helpers.add(new PartWriter());
            }
            int parts = 1 + helpers.size();
            var producers = split.into(parts);
            for (int i = 0; i < helpers.size(); i++) {
              helpers
                  .get(i)
                  .start(jdbi, "craft-findings-" + (i + 1), sinks, producers.get(i + 1), guard);
            }
            var touched = new java.util.HashSet<>(alsoTouched);
            int written;
            try (var stream = sinks.apply(h)) {
              producers.get(0).accept(guard.apply(stream::add));
              written = stream.finish();
              stream.addVulnerabilitiesTo(touched);
            } finally {
              helpers.forEach(PartWriter::await);
            }
            for (PartWriter w : helpers) {
              w.rethrow();
            }
            beforeCommit.accept(h);
            // Every part is written: the helpers commit, then this transaction, which sees their
            // rows when it reopens triage decisions.
            for (PartWriter w : helpers) {
              written += w.commit();
              w.addVulnerabilitiesTo(touched);
            }
            TriageStore.reopenStale(h, touched);
            return written;
          });
    } catch (RuntimeException e) {
      for (PartWriter w : helpers) {
        if (w.committed()) {
          // Only a lost connection fails a commit after a complete COPY; what committed goes.
          jdbi.useTransaction(w::undo);
        }
      }
      throw e;
    } finally {
      helpers.forEach(PartWriter::close);
    }
  }

  /**
   * Bounds how long a COPY waits for a row another transaction is writing. A helper's wait is
   * invisible to PostgreSQL's deadlock detection (the request's transaction waits for the helper in
   * the JVM), so an import that waits for the request's rows while holding rows a helper needs
   * would wait forever; after the timeout the write fails and the findings go the upsert way.
   */
  private void limitLockWaits(Handle h) {
    h.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
  }

  /** {@code rows} in {@code parts} contiguous slices, one producer each. */
  private static List<Consumer<Consumer<NewFinding>>> slices(List<NewFinding> rows, int parts) {
    var out = new java.util.ArrayList<Consumer<Consumer<NewFinding>>>(parts);
    for (int p = 0; p < parts; p++) {
      var slice = rows.subList(rows.size() * p / parts, rows.size() * (p + 1) / parts);
      out.add(slice::forEach);
    }
    return out;
  }

  /** At most this many parts of one write are written at a time. */
  private static final int MAX_PARTS = 2;

  /**
   * A new advisory's findings are written in parts from this many on (fewer: one COPY). In the
   * portfolio benchmark two parts wrote 10,000 findings faster than one COPY (median 129 against
   * 155 ms a request) but 5,000 no faster (100 against 94 ms): both parts insert the same advisory
   * id into the same index pages.
   */
  private static final int SPLIT_FROM = 8_000;

  /** A new SBOM's findings are written in parts from this many components on. */
  private static final int SPLIT_FROM_COMPONENTS = 500;

  /**
   * One part of a new SBOM's findings written on its own connection and thread, in a transaction
   * left open until {@link #commit}.
   */
  private final class PartWriter {
    private @Nullable Handle handle;
    private @Nullable Thread thread;
    private @Nullable Throwable failure;
    private FindingCopy.@Nullable Sink sink;
    private int written;
    private boolean committed;

    void start(
        Jdbi jdbi,
        String name,
        java.util.function.Function<Handle, FindingCopy.Sink> sinks,
        Consumer<Consumer<NewFinding>> producer,
        java.util.function.UnaryOperator<Consumer<NewFinding>> guard) {
      thread =
          Thread.ofPlatform()
              .name(name)
              .start(
                  () -> {
                    try {
                      var h = jdbi.open();
                      handle = h;
                      h.begin();
                      limitLockWaits(h);
                      try (var stream = sinks.apply(h)) {
                        sink = stream;
                        producer.accept(guard.apply(stream::add));
                        written = stream.finish();
                      }
                    } catch (RuntimeException | Error e) {
                      failure = e;
                    }
                  });
    }

    void await() {
      if (thread == null) {
        return;
      }
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    void rethrow() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }

    int commit() {
      java.util.Objects.requireNonNull(handle).commit();
      committed = true;
      return written;
    }

    boolean committed() {
      return committed;
    }

    void addVulnerabilitiesTo(java.util.Set<String> out) {
      if (sink != null) {
        sink.addVulnerabilitiesTo(out);
      }
    }

    void undo(Handle h) {
      if (sink != null) {
        sink.undo(h);
      }
    }

    void close() {
      try {
        if (handle != null) {
          if (!committed && handle.isInTransaction()) {
            handle.rollback();
          }
          handle.close();
        }
      } finally {
        extraWriters.release();
      }
    }
  }

  /** Whether no finding of any of {@code vulnerabilities} is stored (one index probe each). */
  private boolean noneStored(Set<String> vulnerabilities) {
    // Not EXISTS (…): once the statement is prepared, PostgreSQL plans it for any ids, expects
    // thousands of rows per id and, while the newest findings are not vacuumed yet (an index-only
    // scan would visit the heap), prefers a sequential scan that would stop at the first match.
    // For a new advisory nothing matches and the whole table was read (35 ms in the portfolio
    // benchmark, 150 ms for 800,000 findings). The order makes the key's index the plan.
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT vulnerability_id FROM finding WHERE vulnerability_id = ANY(:ids)"
                            + " ORDER BY vulnerability_id LIMIT 1")
                    .bindArray("ids", String.class, List.copyOf(vulnerabilities))
                    .mapTo(String.class)
                    .findOne()
                    .isEmpty()
                // count(*), not LIMIT 1: with a limit the generic plan reads every pack (a new
                // advisory's ids are in none) instead of the GIN index.
                && h.createQuery(
                            "SELECT count(*) FROM finding_pack"
                                + " WHERE vulnerability_ids && CAST(:ids AS TEXT[])")
                        .bindArray("ids", String.class, List.copyOf(vulnerabilities))
                        .mapTo(Long.class)
                        .one()
                    == 0);
  }

  /** {@code sink}, refusing a finding of another SBOM. */
  private static Consumer<NewFinding> checked(long sbomId, Consumer<NewFinding> sink) {
    return f -> {
      if (f.component().sbomId() != sbomId) {
        throw new IllegalArgumentException(
            "a finding of SBOM " + f.component().sbomId() + " given for " + sbomId);
      }
      sink.accept(f);
    };
  }

  /**
   * A finding's evidence as the matcher gave it: a match's evidence is stored without what the row
   * and the advisory already hold (CandidateMatch.storedEvidence), which is put back here; what the
   * stored text has wins. Alias {@code a} is the finding's advisory.
   */
  static final String EVIDENCE =
      """
      CASE WHEN f.source = 'match'
        THEN (jsonb_build_object('source', coalesce(a.source, ''), 'record', f.vulnerability_id,
                                 'reason', f.reason) || f.evidence::jsonb)::text
        ELSE f.evidence END""";

  private static final String SELECT_FINDING =
      """
      SELECT f.id, f.release_id, coalesce(f.sbom_id, 0) AS sbom_id, f.component_ordinal, f.purl,
        f.name, f.version,
        f.vulnerability_id, f.aliases, f.status, f.reason, f.severity, f.cvss, f.cvss_vector, f.kev,
        f.epss, %s AS evidence, f.first_seen_at, f.last_seen_at,
        sp.end_date AS support_end, r.status = 'end_of_support' AS release_ended
      FROM finding_all f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
        LEFT JOIN advisory a ON a.id = f.vulnerability_id AND f.source = 'match'
        JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
        LEFT JOIN product_support_period sp ON sp.product_id = r.product_id
      """
          .formatted(EVIDENCE);

  /** Findings of the release's current SBOM and manual findings, most severe first. */
  public List<FindingRow> forRelease(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return h.createQuery(
                  SELECT_FINDING
                      + " WHERE f.release_id = :r ORDER BY f.status, f.kev DESC, f.cvss DESC,"
                      + " f.vulnerability_id, f.component_ordinal")
              .bind("r", releaseId)
              .mapTo(FindingRow.class)
              .list();
        });
  }

  /** Every release, visible to the actor, whose current SBOM has a finding for {@code ids}. */
  public List<AffectedRelease> affectedReleases(Actor actor, Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT p.id AS product_id, p.name AS product_name, r.id AS release_id,
                      r.version AS release_version, f.purl, f.status, f.first_seen_at,
                      sp.end_date AS support_end, r.status = 'end_of_support' AS release_ended
                    FROM finding_all f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
                      JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
                      JOIN product p ON p.id = r.product_id
                      LEFT JOIN product_support_period sp ON sp.product_id = p.id
                    WHERE f.vulnerability_id = ANY(:ids) AND f.pack_ids && CAST(:ids AS TEXT[])
                      AND (:all OR %s)
                    ORDER BY lower(p.name), r.version, f.purl
                    """
                        .formatted(Sql.VISIBLE_TO_USER))
                .bindArray("ids", String.class, List.copyOf(ids))
                .bind("all", actor.role().seesAllProducts())
                .bind("viewerId", actor.userId())
                .mapTo(AffectedRelease.class)
                .list());
  }

  /** Findings of the release recorded from a CVD report: finding id → report id. */
  public java.util.Map<Long, Long> cvdReports(long releaseId) {
    return jdbi.withHandle(h -> ManualFindingStore.reportsOfRelease(h, releaseId));
  }

  /** The end of the product's support period, if one was set (Art. 13(8)). */
  public java.util.Optional<LocalDate> supportEnd(long productId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT end_date FROM product_support_period WHERE product_id = :p")
                .bind("p", productId)
                .mapTo(LocalDate.class)
                .findOne());
  }
}
