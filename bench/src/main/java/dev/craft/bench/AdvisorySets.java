package dev.craft.bench;

import dev.craft.engine.ScanComponent;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvEvent;
import dev.craft.formats.OsvRange;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's inputs: the shared PyPI, Go and RustSec OSV records, copied under new ids and
 * package names until there are {@code count} records; and an SBOM of components half of which name
 * advised packages (with their listed or fixed versions) and half unrelated packages.
 */
final class AdvisorySets {
  private AdvisorySets() {}

  static Path sharedOsv() {
    Path osv = Path.of(System.getProperty("craft.sharedData", "../shared/data"), "osv");
    if (!Files.isDirectory(osv)) {
      throw new IllegalStateException(
          osv.toAbsolutePath() + " is absent; pass -Dcraft.sharedData=/path/to/shared/data");
    }
    return osv;
  }

  static List<OsvRecord> real() {
    var records = new ArrayList<OsvRecord>();
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    for (String set : List.of("pypa", "go", "rustsec")) {
      reader.read(sharedOsv().resolve(set), records::add);
    }
    return records;
  }

  /** Real records plus synthetic copies (renamed ids and packages) up to {@code count}. */
  static List<OsvRecord> scaled(List<OsvRecord> real, int count) {
    var out = new ArrayList<OsvRecord>(count);
    out.addAll(real.subList(0, Math.min(real.size(), count)));
    for (int copy = 1; out.size() < count; copy++) {
      for (OsvRecord r : real) {
        if (out.size() >= count) {
          break;
        }
        out.add(copyOf(r, copy));
      }
    }
    return out;
  }

  private static OsvRecord copyOf(OsvRecord r, int copy) {
    String suffix = "-syn" + copy;
    var affected = new ArrayList<OsvAffected>(r.affected().size());
    for (OsvAffected a : r.affected()) {
      affected.add(
          new OsvAffected(
              a.ecosystem(), a.name() + suffix, "", a.versions(), a.ranges(), a.severity()));
    }
    var aliases = r.aliases().stream().map(x -> x + suffix).toList();
    return new OsvRecord(
        r.id() + suffix,
        r.modified(),
        r.published(),
        r.withdrawn(),
        aliases,
        r.severity(),
        r.databaseSeverity(),
        affected,
        "synthetic:" + r.source(),
        "");
  }

  /** {@code count} components: half hit advised packages, half name unrelated packages. */
  static List<ScanComponent> sbom(List<OsvRecord> records, int count, long seed) {
    var random = new Random(seed);
    var out = new ArrayList<ScanComponent>(count);
    while (out.size() < count / 2) {
      OsvRecord r = records.get(random.nextInt(records.size()));
      if (r.affected().isEmpty()) {
        continue;
      }
      OsvAffected a = r.affected().get(random.nextInt(r.affected().size()));
      String version = someVersion(a, random);
      if (version.isEmpty()) {
        continue;
      }
      out.add(new ScanComponent(purl(a, version), a.name(), version));
    }
    for (int i = 0; out.size() < count; i++) {
      out.add(new ScanComponent("pkg:npm/unrelated-package-" + i + "@1.0." + i, "", ""));
    }
    return out;
  }

  private static String someVersion(OsvAffected a, Random random) {
    if (!a.versions().isEmpty()) {
      return a.versions().get(random.nextInt(a.versions().size()));
    }
    for (OsvRange range : a.ranges()) {
      for (OsvEvent e : range.events()) {
        if (!e.isZero() && !range.isGit()) {
          return e.value();
        }
      }
    }
    return "";
  }

  private static String purl(OsvAffected a, String version) {
    return switch (a.ecosystem()) {
      case "Go" -> "pkg:golang/" + a.name() + "@v" + version;
      case "crates.io" -> "pkg:cargo/" + a.name() + "@" + version;
      default -> "pkg:pypi/" + a.name() + "@" + version;
    };
  }
}
