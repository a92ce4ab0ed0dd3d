package dev.craft.store;

import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Writes findings in bulk. Findings that may already be stored (a changed advisory re-matched
 * across the portfolio) take two statements instead of one per row: COPY into a session-local
 * staging table, then one INSERT … ON CONFLICT from it (a per-row batch of 5,000 findings cost
 * ~0.25 s). Findings that cannot be stored yet (a new SBOM's, a new advisory's) go by one COPY
 * straight into {@code finding}, a new SBOM's streamed while the matcher produces them ({@link
 * Stream}; ADR 097, docs/benchmarks.md).
 */
final class FindingCopy {
  private static final String COLUMNS =
      "release_id, sbom_id, component_ordinal, purl, name, version, vulnerability_id, aliases,"
          + " status, reason, severity, cvss, cvss_vector, kev, epss";

  /** Rows per COPY stream, to bound the client-side text buffer for very large scans. */
  private static final int CHUNK = 20_000;

  private FindingCopy() {}

  /**
   * Where a write of new findings sends them: rows ({@link Stream}) or packs ({@link PackStream}).
   */
  interface Sink extends AutoCloseable {
    void add(NewFinding f);

    /** Sends the rest and ends the COPY; returns the findings written. */
    int finish();

    /** Adds the vulnerabilities of the findings written to {@code out}. */
    void addVulnerabilitiesTo(java.util.Set<String> out);

    /** Deletes what this sink wrote, after its transaction committed (a failed write's cleanup). */
    void undo(Handle h);

    @Override
    void close();
  }

  /** The unique key of a finding row. */
  record Key(long release, long sbom, int ordinal, String vulnerability) {}

  /** Deletes the finding rows of {@code keys}. */
  static void delete(Handle h, java.util.Collection<Key> keys) {
    if (keys.isEmpty()) {
      return;
    }
    h.createUpdate(
            """
            DELETE FROM finding f USING unnest(:releases, :sboms, :ordinals, :vulns)
              AS k(release_id, sbom_id, component_ordinal, vulnerability_id)
            WHERE f.release_id = k.release_id AND f.sbom_id = k.sbom_id
              AND f.component_ordinal = k.component_ordinal
              AND f.vulnerability_id = k.vulnerability_id
            """)
        .bindArray("releases", Long.class, keys.stream().map(Key::release).toList())
        .bindArray("sboms", Long.class, keys.stream().map(Key::sbom).toList())
        .bindArray("ordinals", Integer.class, keys.stream().map(Key::ordinal).toList())
        .bindArray("vulns", String.class, keys.stream().map(Key::vulnerability).toList())
        .execute();
  }

  /**
   * Stages {@code findings} in {@code finding_in}, one row per key: when the list names the same
   * (component, vulnerability) twice the later one wins, as with one statement per row.
   */
  static void stage(Handle h, List<NewFinding> findings) {
    var rows = laterWins(findings);
    // Temporary tables live as long as the pooled connection; ON COMMIT DELETE ROWS empties them.
    h.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS finding_in (
          release_id BIGINT, sbom_id BIGINT, component_ordinal INT, purl TEXT, name TEXT,
          version TEXT, vulnerability_id TEXT, aliases TEXT, status TEXT, reason TEXT,
          severity TEXT, cvss DOUBLE PRECISION, cvss_vector TEXT, kev BOOLEAN,
          epss DOUBLE PRECISION, evidence_no INT) ON COMMIT DELETE ROWS
        """);
    h.execute(
        "CREATE TEMP TABLE IF NOT EXISTS evidence_in (no INT, evidence TEXT)"
            + " ON COMMIT DELETE ROWS");
    // Components shared by many releases share their evidence: sent and parsed once each.
    var evidence = new LinkedHashMap<String, Integer>();
    for (NewFinding f : rows) {
      evidence.putIfAbsent(f.evidence(), evidence.size());
    }
    var csv = new StringBuilder(evidence.size() * 400);
    evidence.forEach(
        (text, no) -> {
          csv.append(no).append(',');
          ComponentCopy.quote(csv, text);
          csv.append('\n');
        });
    copyIn(h, "COPY evidence_in (no, evidence) FROM STDIN (FORMAT csv)", csv);
    for (int from = 0; from < rows.size(); from += CHUNK) {
      copy(h, rows.subList(from, Math.min(rows.size(), from + CHUNK)), evidence);
    }
  }

  /** One finding per (component, vulnerability): the later one, as one statement per row would. */
  static List<NewFinding> laterWins(List<NewFinding> findings) {
    var unique = new LinkedHashMap<Key, NewFinding>();
    for (NewFinding f : findings) {
      Candidate c = f.component();
      unique.put(new Key(c.releaseId(), c.sbomId(), c.ordinal(), f.vulnerabilityId()), f);
    }
    return List.copyOf(unique.values());
  }

  /**
   * Upserts the staged findings: new rows get {@code first_seen_at = now()}, known rows keep it and
   * take the new verdict and {@code last_seen_at = now()}.
   */
  static void upsertStaged(Handle h) {
    h.execute(
        """
        INSERT INTO finding (release_id, sbom_id, component_ordinal, purl, name, version,
          vulnerability_id, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,
          evidence)
        SELECT f.release_id, f.sbom_id, f.component_ordinal, f.purl, f.name, f.version,
          f.vulnerability_id, f.aliases, f.status, f.reason, f.severity, f.cvss, f.cvss_vector,
          f.kev, f.epss, e.evidence
        FROM finding_in f JOIN evidence_in e ON e.no = f.evidence_no
        ON CONFLICT (release_id, sbom_id, component_ordinal, vulnerability_id) DO UPDATE SET
          aliases = excluded.aliases, status = excluded.status, reason = excluded.reason,
          severity = excluded.severity, cvss = excluded.cvss,
          cvss_vector = excluded.cvss_vector, kev = excluded.kev, epss = excluded.epss,
          evidence = excluded.evidence, last_seen_at = now()
        """);
  }

  private static void copy(Handle h, List<NewFinding> findings, Map<String, Integer> evidence) {
    var csv = new StringBuilder(findings.size() * 160);
    for (NewFinding f : findings) {
      row(csv, f);
      csv.append(',').append(evidence.get(f.evidence())).append('\n');
    }
    copyIn(h, "COPY finding_in (" + COLUMNS + ", evidence_no) FROM STDIN (FORMAT csv)", csv);
  }

  /** One finding's columns (without evidence) as CSV, without the line end. */
  private static void row(StringBuilder csv, NewFinding f) {
    Candidate c = f.component();
    csv.append(c.releaseId()).append(',').append(c.sbomId()).append(',').append(c.ordinal());
    for (String field :
        new String[] {
          c.purl(),
          c.name(),
          c.version(),
          f.vulnerabilityId(),
          f.aliases(),
          f.status(),
          f.reason(),
          f.severity()
        }) {
      csv.append(',');
      ComponentCopy.quote(csv, field);
    }
    csv.append(',').append(Double.toString(f.cvss())).append(',');
    ComponentCopy.quote(csv, f.cvssVector());
    csv.append(',').append(f.kev() ? 't' : 'f');
    csv.append(',').append(Double.toString(f.epss()));
  }

  /**
   * One COPY into {@code finding}, fed row by row in PostgreSQL's binary format (no quoting to
   * write, no text to parse: a sixth less of the server's work than CSV for the benchmark's 170,000
   * rows): PostgreSQL stores what was sent while the caller computes the next findings. For
   * findings none of which is stored yet: a concurrent writer of the same rows makes the COPY fail
   * with a unique violation, which callers answer with the staged upsert. A (component,
   * vulnerability) given twice within a run of that component's rows is written once; given again
   * after another component's row, it is a unique violation as well (the matchers hand over a
   * component's findings together, or sorted by the key so that repeats are adjacent; record()
   * makes its rows unique first).
   */
  static final class Stream implements Sink {
    /** Columns of a row: the 15 of {@link #COLUMNS} and the evidence. */
    private static final short FIELDS = 16;

    private final BinaryCopy copy;
    private final List<Key> written = new java.util.ArrayList<>();

    /** The component of the last row, and the vulnerability of the first row of its run. */
    private @Nullable Candidate component;

    private String firstOfRun = "";

    /** The vulnerabilities of the current run of the component's rows; null while it has one. */
    private java.util.@Nullable Set<String> ofComponent;

    Stream(Handle h) {
      copy =
          new BinaryCopy(h, "COPY finding (" + COLUMNS + ", evidence) FROM STDIN (FORMAT binary)");
    }

    @Override
    public void add(NewFinding f) {
      if (!firstOfComponent(f)) {
        return;
      }
      Candidate c = f.component();
      written.add(new Key(c.releaseId(), c.sbomId(), c.ordinal(), f.vulnerabilityId()));
      byte[][] texts = {
        BinaryCopy.utf8(c.purl()),
        BinaryCopy.utf8(c.name()),
        BinaryCopy.utf8(c.version()),
        BinaryCopy.utf8(f.vulnerabilityId()),
        BinaryCopy.utf8(f.aliases()),
        BinaryCopy.utf8(f.status()),
        BinaryCopy.utf8(f.reason()),
        BinaryCopy.utf8(f.severity()),
        BinaryCopy.utf8(f.cvssVector()),
        BinaryCopy.utf8(f.evidence())
      };
      int size = 2 + 16 * 4 + 8 + 8 + 4 + 8 + 1 + 8;
      for (byte[] t : texts) {
        size += t.length;
      }
      ByteBuffer b = copy.room(size);
      put(b, f, texts);
      copy.rowDone(b);
    }

    /**
     * Whether {@code f} is the first finding of its vulnerability in the current run of its
     * component's rows. Rows come a component at a time or sorted by the key, where a component
     * changes with almost every row: the set is made only for a component's second row.
     */
    private boolean firstOfComponent(NewFinding f) {
      Candidate c = f.component();
      String v = f.vulnerabilityId();
      if (component == null
          || c.ordinal() != component.ordinal()
          || c.sbomId() != component.sbomId()
          || c.releaseId() != component.releaseId()) {
        component = c;
        firstOfRun = v;
        ofComponent = null;
        return true;
      }
      if (ofComponent == null) {
        ofComponent = new java.util.HashSet<>();
        ofComponent.add(firstOfRun);
      }
      return ofComponent.add(v);
    }

    private static void put(ByteBuffer b, NewFinding f, byte[][] texts) {
      Candidate c = f.component();
      b.putShort(FIELDS);
      b.putInt(8).putLong(c.releaseId());
      b.putInt(8).putLong(c.sbomId());
      b.putInt(4).putInt(c.ordinal());
      for (int i = 0; i < 8; i++) {
        b.putInt(texts[i].length).put(texts[i]);
      }
      b.putInt(8).putDouble(f.cvss());
      b.putInt(texts[8].length).put(texts[8]);
      b.putInt(1).put((byte) (f.kev() ? 1 : 0));
      b.putInt(8).putDouble(f.epss());
      b.putInt(texts[9].length).put(texts[9]);
    }

    @Override
    public int finish() {
      copy.end();
      return written.size();
    }

    @Override
    public void addVulnerabilitiesTo(java.util.Set<String> out) {
      String last = null;
      for (Key k : written) {
        // Rows sorted by the key repeat a vulnerability (the same string) row after row.
        if (k.vulnerability() != last) {
          last = k.vulnerability();
          out.add(last);
        }
      }
    }

    @Override
    public void undo(Handle h) {
      delete(h, written);
    }

    @Override
    public void close() {
      copy.close();
    }
  }

  private static void copyIn(Handle h, String sql, StringBuilder csv) {
    try {
      h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new StringReader(csv.toString()));
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
  }
}
