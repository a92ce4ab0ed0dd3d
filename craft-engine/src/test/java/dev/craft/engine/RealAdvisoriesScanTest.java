package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.craft.core.InvalidVersionException;
import dev.craft.core.ParsedVersion;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvEvent;
import dev.craft.formats.OsvRange;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The "done when" test: an SBOM made of the shared PyPI, Go and RustSec advisories' own listed
 * affected versions and fixed versions, scanned against those advisories. Every listed version must
 * match its record (no false negative); every {@code fixed} version must not match its record,
 * unless another range or list of the same record for the same package covers it (no false
 * positive).
 */
class RealAdvisoriesScanTest {
  private record Expectation(String purl, String record, PackageKey key) {}

  @Test
  void listedVersionsMatchTheirRecordAndFixedVersionsDoNot() {
    Path osv = SharedData.require("osv");
    var records = new ArrayList<OsvRecord>();
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    for (String set : List.of("pypa", "go", "rustsec")) {
      reader.read(osv.resolve(set), records::add);
    }
    var builder = AdvisoryIndex.builder();
    records.forEach(builder::add);
    AdvisoryIndex index = builder.build();

    var affected = new ArrayList<Expectation>();
    var fixed = new ArrayList<Expectation>();
    Set<String> purls = new LinkedHashSet<>();
    for (OsvRecord r : records) {
      if (r.isWithdrawn()) {
        continue;
      }
      for (OsvAffected a : r.affected()) {
        var key = PackageNames.ofOsv(a.ecosystem(), a.name()).orElseThrow();
        for (String v : a.versions()) {
          affected.add(new Expectation(purl(a, v), r.id(), key));
        }
        for (OsvRange range : a.ranges()) {
          if (range.isGit()) {
            continue;
          }
          for (OsvEvent e : range.events()) {
            if (e.kind() == OsvEvent.Kind.FIXED) {
              fixed.add(new Expectation(purl(a, e.value()), r.id(), key));
            }
          }
        }
      }
    }
    affected.forEach(e -> purls.add(e.purl()));
    fixed.forEach(e -> purls.add(e.purl()));
    List<ScanComponent> sbom = purls.stream().map(p -> new ScanComponent(p, "", "")).toList();

    var result = new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY).scan(sbom);
    assertThat(result.withoutPurl()).isEmpty();
    Map<String, Map<String, VulnerabilityFinding.Status>> found = new HashMap<>();
    for (VulnerabilityFinding f : result.findings()) {
      found.computeIfAbsent(f.purl(), k -> new HashMap<>()).put(f.vulnerability(), f.status());
    }

    List<String> falseNegatives = new ArrayList<>();
    for (Expectation e : affected) {
      var status = found.getOrDefault(e.purl(), Map.of()).get(e.record());
      if (status != VulnerabilityFinding.Status.AFFECTED) {
        falseNegatives.add(e.purl() + " " + e.record() + " -> " + status);
      }
    }
    List<String> falsePositives = new ArrayList<>();
    int covered = 0;
    int indeterminate = 0;
    for (Expectation e : fixed) {
      var status = found.getOrDefault(e.purl(), Map.of()).get(e.record());
      if (status == VulnerabilityFinding.Status.INDETERMINATE) {
        indeterminate++;
      } else if (status == VulnerabilityFinding.Status.AFFECTED) {
        if (coveredElsewhere(index, e)) {
          covered++;
        } else {
          falsePositives.add(e.purl() + " " + e.record());
        }
      }
    }
    System.out.printf(
        "real advisories: %d records, %d components, %d listed-version checks, %d fixed-version"
            + " checks (%d covered by another range or list of the record, %d indeterminate),"
            + " %d findings%n",
        records.size(),
        sbom.size(),
        affected.size(),
        fixed.size(),
        covered,
        indeterminate,
        result.findings().size());
    assertThat(affected).hasSizeGreaterThan(50_000);
    assertThat(fixed).hasSizeGreaterThan(10_000);
    assertThat(falseNegatives).as("false negatives").isEmpty();
    assertThat(falsePositives).as("false positives").isEmpty();
  }

  /**
   * Whether a fixed version that matched is affected by another part of the same record: an
   * explicit list, or a range other than the one the version closes. Each range is asked on its
   * own, so a range that wrongly contained its own fixed version would still be caught.
   */
  private static boolean coveredElsewhere(AdvisoryIndex index, Expectation e) {
    String version = PackageNames.ofPurl(e.purl()).orElseThrow().version();
    for (IndexedAffected entry : index.candidates(e.key())) {
      if (!entry.advisory().id().equals(e.record())) {
        continue;
      }
      if (entry.versions().contains(Versions.listKey(version))) {
        return true;
      }
      for (CompiledRange range : entry.ranges()) {
        if (range.scheme == null || closesAt(range, version)) {
          continue;
        }
        try {
          ParsedVersion v = range.scheme.parse(version);
          if (range.evaluate(v).affected()) {
            return true;
          }
        } catch (InvalidVersionException ex) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean closesAt(CompiledRange range, String version) {
    return range.range.events().stream()
        .anyMatch(
            ev ->
                ev.kind() == OsvEvent.Kind.FIXED
                    && Versions.listKey(ev.value()).equals(Versions.listKey(version)));
  }

  private static String purl(OsvAffected a, String version) {
    try {
      String eco = PackageNames.ecosystemKey(a.ecosystem());
      String name = a.name();
      String namespace = null;
      String v = version;
      if (eco.equals("golang")) {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
          namespace = name.substring(0, slash);
          name = name.substring(slash + 1);
        }
        v = "v" + version;
      }
      return new PackageURL(eco, namespace, name, v, null, null).toString();
    } catch (MalformedPackageURLException ex) {
      throw new IllegalStateException(a.name() + "@" + version, ex);
    }
  }
}
