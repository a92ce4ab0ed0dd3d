package dev.craft.store;

import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * One COPY into {@code finding_pack}, fed a new SBOM's findings component by component (a
 * component's findings together, as the matcher produces them) in PostgreSQL's binary format: one
 * row per component, its findings as arrays (several rows for a component with more than {@value
 * FindingPacks#MAX_ELEMENTS} findings). A vulnerability given twice for a component is written
 * once; a component whose findings come apart (another component's in between) is refused.
 */
final class PackStream implements FindingCopy.Sink {
  private static final String COPY =
      "COPY finding_pack (release_id, sbom_id, component_ordinal, purl, name, version,"
          + " vulnerability_ids, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,"
          + " evidence) FROM STDIN (FORMAT binary)";

  private static final short FIELDS = 16;
  private static final int TEXT_OID = 25;
  private static final int FLOAT8_OID = 701;
  private static final int BOOL_OID = 16;

  private final BinaryCopy copy;
  private final Set<String> vulnerabilities = new HashSet<>();
  private final Set<List<Long>> sboms = new HashSet<>();
  private final Set<List<Long>> componentsDone = new HashSet<>();
  private final List<NewFinding> pack = new ArrayList<>();
  private final Set<String> inPack = new HashSet<>();
  private @Nullable Candidate component;
  private int written;

  PackStream(Handle h) {
    copy = new BinaryCopy(h, COPY);
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
      ids[i] = BinaryCopy.utf8(f.vulnerabilityId());
      aliases[i] = BinaryCopy.utf8(f.aliases());
      status[i] = BinaryCopy.utf8(f.status());
      reason[i] = BinaryCopy.utf8(f.reason());
      severity[i] = BinaryCopy.utf8(f.severity());
      vector[i] = BinaryCopy.utf8(f.cvssVector());
      evidence[i] = BinaryCopy.utf8(f.evidence());
      cvss[i] = f.cvss();
      epss[i] = f.epss();
      kev[i] = f.kev();
    }
    byte[] purl = BinaryCopy.utf8(c.purl());
    byte[] name = BinaryCopy.utf8(c.name());
    byte[] version = BinaryCopy.utf8(c.version());
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
    ByteBuffer b = copy.room(size);
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
    copy.rowDone(b);
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
    copy.end();
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

  @Override
  public void close() {
    copy.close();
  }
}
