package dev.craft.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.AdvisorySeverity;
import dev.craft.engine.AdvisorySeverity.Level;
import dev.craft.engine.MatchEvidence;
import dev.craft.engine.Matcher;
import dev.craft.engine.VulnerabilityFinding;
import dev.craft.engine.VulnerabilityFinding.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The three output forms of {@code craft scan}. */
final class ScanReports {
  private ScanReports() {}

  /** {@code {"findings":[…]}}, one object per finding. */
  static ObjectNode json(Iterable<VulnerabilityFinding> findings) {
    ObjectNode root = CliJson.object();
    ArrayNode array = root.putArray("findings");
    for (VulnerabilityFinding f : findings) {
      ObjectNode o = array.addObject();
      o.put("purl", f.purl());
      o.put("vulnerability", f.vulnerability());
      ArrayNode aliases = o.putArray("aliases");
      f.aliases().forEach(aliases::add);
      o.put("status", f.status().name().toLowerCase(Locale.ROOT));
      o.put("severity", f.severity().level().label());
      cvss(o, f.severity());
      o.put("kev", f.kev());
      if (f.hasEpss()) {
        o.put("epss", f.epss());
      } else {
        o.putNull("epss");
      }
      o.set("evidence", evidence(f.evidence()));
    }
    return root;
  }

  private static void cvss(ObjectNode o, AdvisorySeverity s) {
    if (s.cvssVector().isEmpty()) {
      o.putNull("cvss");
      return;
    }
    ObjectNode c = o.putObject("cvss");
    c.put("version", s.cvssVersion());
    c.put("vector", s.cvssVector());
    c.put("score", s.cvssScore());
  }

  private static ObjectNode evidence(MatchEvidence e) {
    ObjectNode o = CliJson.object();
    o.put("record", e.record());
    o.put("source", e.source());
    o.put("affectedIndex", e.affectedIndex());
    o.put("ecosystem", e.ecosystem());
    o.put("package", e.packageName());
    o.put("match", e.match());
    if (e.rangeIndex() >= 0) {
      o.put("rangeIndex", e.rangeIndex());
      o.put("range", e.range());
    }
    o.put("comparator", e.comparator());
    o.put("version", e.version());
    if (!e.compared().isEmpty()) {
      o.put("compared", e.compared());
    }
    if (!e.reason().isEmpty()) {
      o.put("reason", e.reason());
    }
    return o;
  }

  /** SARIF 2.1.0: one rule per vulnerability, one result per finding, located by purl. */
  static ObjectNode sarif(Iterable<VulnerabilityFinding> findings, Path sbom) {
    ObjectNode root = CliJson.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "craft");
    String version = Main.class.getPackage().getImplementationVersion();
    driver.put("version", version == null ? "development" : version);
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (VulnerabilityFinding f : findings) {
      Integer idx = ruleIndex.get(f.vulnerability());
      if (idx == null) {
        idx = ruleIndex.size();
        ruleIndex.put(f.vulnerability(), idx);
        ObjectNode rule = rules.addObject();
        rule.put("id", f.vulnerability());
        rule.putObject("shortDescription").put("text", f.vulnerability());
        ObjectNode props = rule.putObject("properties");
        if (!f.severity().cvssVector().isEmpty()) {
          props.put(
              "security-severity", String.format(Locale.ROOT, "%.1f", f.severity().cvssScore()));
        }
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        f.aliases().forEach(tags::add);
      }
      ObjectNode r = results.addObject();
      r.put("ruleId", f.vulnerability());
      r.put("ruleIndex", idx);
      r.put("level", level(f));
      r.putObject("message").put("text", message(f));
      ObjectNode location = r.putArray("locations").addObject();
      location
          .putObject("physicalLocation")
          .putObject("artifactLocation")
          .put("uri", sbom.toString().replace('\\', '/'));
      ObjectNode logical = location.putArray("logicalLocations").addObject();
      logical.put("name", f.component().name().isEmpty() ? f.purl() : f.component().name());
      logical.put("fullyQualifiedName", f.purl());
      logical.put("kind", "package");
      ObjectNode props = r.putObject("properties");
      props.put("status", f.status().name().toLowerCase(Locale.ROOT));
      props.put("severity", f.severity().level().label());
      props.put("kev", f.kev());
      if (f.hasEpss()) {
        props.put("epss", f.epss());
      }
      props.set("evidence", evidence(f.evidence()));
    }
    return root;
  }

  private static String level(VulnerabilityFinding f) {
    if (f.status() == Status.INDETERMINATE) {
      return "note";
    }
    Level l = f.severity().level();
    return l.compareTo(Level.HIGH) >= 0 || f.kev()
        ? "error"
        : l == Level.MEDIUM || l == Level.UNKNOWN ? "warning" : "note";
  }

  private static String message(VulnerabilityFinding f) {
    MatchEvidence e = f.evidence();
    if (f.status() == Status.INDETERMINATE) {
      return f.purl() + " may be affected by " + f.vulnerability() + ": " + e.reason();
    }
    return f.purl() + " is affected by " + f.vulnerability() + " (" + e.compared() + ")";
  }

  static void text(PrintWriter out, int components, AdvisoryIndex index, Matcher.Result result) {
    int affected = 0;
    int indeterminate = 0;
    for (VulnerabilityFinding f : result.findings()) {
      MatchEvidence e = f.evidence();
      boolean isAffected = f.status() == Status.AFFECTED;
      if (isAffected) {
        affected++;
      } else {
        indeterminate++;
      }
      out.printf(
          "%-13s %s %s [%s]%s%s%s%n",
          isAffected ? "AFFECTED" : "INDETERMINATE",
          f.purl(),
          f.vulnerability(),
          f.severity().level().label(),
          f.aliases().isEmpty() ? "" : " aka " + String.join(", ", f.aliases()),
          f.kev() ? " KEV" : "",
          f.hasEpss() ? String.format(Locale.ROOT, " EPSS %.4f", f.epss()) : "");
      out.printf(
          "    %s (%s)%n",
          isAffected ? e.compared() : e.reason(),
          e.source() + (e.range().isEmpty() ? "" : ", " + e.range()));
    }
    for (var c : result.withoutPurl()) {
      out.printf("NOT MATCHED   %s: no valid purl%n", c.name().isEmpty() ? "(unnamed)" : c.name());
    }
    var stats = index.stats();
    out.printf(
        "%d components, %d advisories loaded (%d withdrawn, %d duplicates left out):"
            + " %d affected, %d indeterminate, %d components without purl%n",
        components,
        stats.records() - stats.withdrawn() - stats.duplicates(),
        stats.withdrawn(),
        stats.duplicates(),
        affected,
        indeterminate,
        result.withoutPurl().size());
  }
}
