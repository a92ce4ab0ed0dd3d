package dev.craft.bench;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.Matcher;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvRecord;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Heap taken by the matching index, per advisory: heap after a full GC with the index held, minus
 * the heap without it. Run with {@code java -cp bench/target/benchmarks.jar
 * dev.craft.bench.IndexFootprint [advisories] [components]}.
 */
public final class IndexFootprint {
  private IndexFootprint() {}

  public static void main(String[] args) {
    int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int components = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long t0 = System.nanoTime();
    List<OsvRecord> real = AdvisorySets.real();
    long t1 = System.nanoTime();
    List<OsvRecord> records = AdvisorySets.scaled(real, advisories);
    var sbom = AdvisorySets.sbom(records, components, 42);
    // Keep only what the index needs: drop the raw texts' owners before measuring.
    long before = usedAfterGc();
    long t2 = System.nanoTime();
    var builder = AdvisoryIndex.builder();
    records.forEach(builder::add);
    AdvisoryIndex index = builder.build();
    long t3 = System.nanoTime();
    long after = usedAfterGc();
    var result = new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY).scan(sbom);
    System.out.printf(
        Locale.ROOT,
        "read %d real records in %.1f s; index of %d advisories (%d affected entries) built in"
            + " %.2f s; index heap %.1f MiB = %.0f bytes per advisory; first scan of %d"
            + " components: %d findings%n",
        real.size(),
        (t1 - t0) / 1e9,
        index.stats().records(),
        index.stats().affectedEntries(),
        (t3 - t2) / 1e9,
        (after - before) / 1048576.0,
        (after - before) / (double) advisories,
        sbom.size(),
        result.findings().size());
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
