package dev.craft.store;

import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One COPY into {@code finding_pack}, fed a new SBOM's findings component by component (a
 * component's findings together, as the matcher produces them) in PostgreSQL's binary format: one
 * row per component, its findings as arrays (several rows for a component with more than {@value
 * FindingPacks#MAX_ELEMENTS} findings). A vulnerability given twice for a component is written
 * once; a component whose findings come apart (another component's in between) is refused.
 */
final class PackStream implements FindingCopy.Sink {
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private static final String COPY =
      "COPY finding_pack (release_id, sbom_id, component_ordinal, purl, name, version,"
          + " vulnerability_ids, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,"
          + " evidence) FROM STDIN (FORMAT binary)";

  private static final short FIELDS = 16;
  private static final int TEXT_OID = 25;
  private static final int FLOAT8_OID = 701;
  private static final int BOOL_OID = 16;
  private static final int FLUSH_BYTES = 1 << 18;

  private final CopyIn copy;
  private final ByteBuffer out = ByteBuffer.allocate(FLUSH_BYTES + (1 << 16));
  private final Set<String> vulnerabilities = new HashSet<>();
  private final Set<List<Long>> sboms = new HashSet<>();
  private final Set<List<Long>> componentsDone = new HashSet<>();
  private final List<NewFinding> pack = new ArrayList<>();
  private final Set<String> inPack = new HashSet<>();
  private @Nullable Candidate component;
  private int written;
  private boolean ended;

  PackStream(Handle h) {
    try {
      copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
    out.put(HEADER);
  }

  @Override
  public void add(NewFinding f) {
    Candidate c = f.component();
    if (component == null
        || c.ordinal() != component.ordinal()
        || c.sbomId() != component.sbomId()
        || c.releaseId() != component.releaseId()) {
      writePack();
      inPack.clear();
      if (!componentsDone.add(List.of(c.releaseId(), c.sbomId(), (long) c.ordinal()))) {
        throw new IllegalStateException(
            "the findings of component " + c.ordinal() + " of SBOM " + c.sbomId() + " came apart");
      }
      component = c;
      sboms.add(List.of(c.releaseId(), c.sbomId()));
    }
    if (inPack.add(f.vulnerabilityId())) {
      pack.add(f);
      vulnerabilities.add(f.vulnerabilityId());
      if (pack.size() == FindingPacks.MAX_ELEMENTS) {
        writePack();
      }
    }
  }

  /** Writes the current component's pack, if it has findings. */
  private void writePack() {
    if (pack.isEmpty()) {
      return;
    }
    Candidate c = pack.get(0).component();
    int n = pack.size();
    byte[][] ids = new byte[n][];
    byte[][] aliases = new byte[n][];
    byte[][] status = new byte[n][];
    byte[][] reason = new byte[n][];
    byte[][] severity = new byte[n][];
    byte[][] vector = new byte[n][];
    byte[][] evidence = new byte[n][];
    double[] cvss = new double[n];
    double[] epss = new double[n];
    boolean[] kev = new boolean[n];
    for (int i = 0; i < n; i++) {
      NewFinding f = pack.get(i);
      ids[i] = utf8(f.vulnerabilityId());
      aliases[i] = utf8(f.aliases());
      status[i] = utf8(f.status());
      reason[i] = utf8(f.reason());
      severity[i] = utf8(f.severity());
      vector[i] = utf8(f.cvssVector());
      evidence[i] = utf8(f.evidence());
      cvss[i] = f.cvss();
      epss[i] = f.epss();
      kev[i] = f.kev();
    }
    byte[] purl = utf8(c.purl());
    byte[] name = utf8(c.name());
    byte[] version = utf8(c.version());
    int size =
        64
            + purl.length
            + name.length
            + version.length
            + 10 * (4 + 20)
            + textsSize(ids)
            + textsSize(aliases)
            + textsSize(status)
            + textsSize(reason)
            + textsSize(severity)
            + textsSize(vector)
            + textsSize(evidence)
            + 3 * n * 12
            + n * 5;
    if (out.remaining() < size) {
      flush();
    }
    ByteBuffer b = out.remaining() < size ? ByteBuffer.allocate(size) : out;
    b.putShort(FIELDS);
    b.putInt(8).putLong(c.releaseId());
    b.putInt(8).putLong(c.sbomId());
    b.putInt(4).putInt(c.ordinal());
    b.putInt(purl.length).put(purl);
    b.putInt(name.length).put(name);
    b.putInt(version.length).put(version);
    texts(b, ids);
    texts(b, aliases);
    texts(b, status);
    texts(b, reason);
    texts(b, severity);
    doubles(b, cvss);
    texts(b, vector);
    bools(b, kev);
    doubles(b, epss);
    texts(b, evidence);
    if (b != out) {
      send(b);
    } else if (out.position() >= FLUSH_BYTES) {
      flush();
    }
    written += n;
    pack.clear();
  }

  private static int textsSize(byte[][] texts) {
    int size = 0;
    for (byte[] t : texts) {
      size += 4 + t.length;
    }
    return size;
  }

  /** An array's binary header: one dimension of {@code n} elements from 1, no NULLs. */
  private static void arrayHeader(ByteBuffer b, int bodyBytes, int oid, int n) {
    b.putInt(20 + bodyBytes).putInt(1).putInt(0).putInt(oid).putInt(n).putInt(1);
  }

  private static void texts(ByteBuffer b, byte[][] texts) {
    arrayHeader(b, textsSize(texts), TEXT_OID, texts.length);
    for (byte[] t : texts) {
      b.putInt(t.length).put(t);
    }
  }

  private static void doubles(ByteBuffer b, double[] values) {
    arrayHeader(b, values.length * 12, FLOAT8_OID, values.length);
    for (double v : values) {
      b.putInt(8).putDouble(v);
    }
  }

  private static void bools(ByteBuffer b, boolean[] values) {
    arrayHeader(b, values.length * 5, BOOL_OID, values.length);
    for (boolean v : values) {
      b.putInt(1).put((byte) (v ? 1 : 0));
    }
  }

  @Override
  public int finish() {
    writePack();
    out.putShort((short) -1);
    flush();
    try {
      copy.endCopy();
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
    ended = true;
    return written;
  }

  @Override
  public void addVulnerabilitiesTo(Set<String> out) {
    out.addAll(vulnerabilities);
  }

  @Override
  public void undo(Handle h) {
    for (List<Long> s : sboms) {
      h.createUpdate("DELETE FROM finding_pack WHERE release_id = :r AND sbom_id = :s")
          .bind("r", s.get(0))
          .bind("s", s.get(1))
          .execute();
    }
  }

  private void flush() {
    send(out);
    out.clear();
  }

  private void send(ByteBuffer b) {
    if (b.position() == 0) {
      return;
    }
    try {
      copy.writeToCopy(b.array(), 0, b.position());
    } catch (SQLException e) {
      throw new StoreException("cannot store the findings: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (!ended && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // The connection reports the failure that brought us here; nothing is kept either way.
      }
    }
  }

  /** A text's bytes; PostgreSQL's text cannot hold NUL, which is left out (as in CSV). */
  private static byte[] utf8(String value) {
    String text = value.indexOf(0) < 0 ? value : value.replace("\0", "");
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
