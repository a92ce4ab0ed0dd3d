package dev.craft.engine;

import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.OsvSeverity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * NVD's CVSS for advisories that carry none (ADR 081): PyPI's and Go's OSV records have no
 * severity, the NVD record of a CVE they name usually has one. The first CVE (the record's own id,
 * then its aliases in order) with a vector gives it; the record's text is not changed.
 */
public final class NvdSeverity {
  private NvdSeverity() {}

  /** Whether neither the record nor any affected entry has a CVSS vector. */
  public static boolean withoutCvss(OsvRecord r) {
    if (r.severity().stream().anyMatch(s -> s.type().startsWith("CVSS_"))) {
      return false;
    }
    for (OsvAffected a : r.affected()) {
      if (a.severity().stream().anyMatch(s -> s.type().startsWith("CVSS_"))) {
        return false;
      }
    }
    return true;
  }

  /** The CVE ids a record names: its own id, then its aliases. */
  public static List<String> cvesOf(OsvRecord r) {
    var out = new ArrayList<String>();
    if (r.id().startsWith("CVE-")) {
      out.add(r.id());
    }
    for (String a : r.aliases()) {
      if (a.startsWith("CVE-")) {
        out.add(a);
      }
    }
    return out;
  }

  /** The record with the CVSS of the first CVE that {@code cvssOf} knows, if it has none. */
  public static OsvRecord apply(OsvRecord r, Function<String, Optional<OsvSeverity>> cvssOf) {
    if (!withoutCvss(r)) {
      return r;
    }
    return firstKnown(cvesOf(r), cvssOf)
        .map(
            s ->
                new OsvRecord(
                    r.id(),
                    r.modified(),
                    r.published(),
                    r.withdrawn(),
                    r.aliases(),
                    List.of(s),
                    r.databaseSeverity(),
                    r.affected(),
                    r.source(),
                    r.raw()))
        .orElse(r);
  }

  /**
   * The severity that {@link #apply(OsvRecord, Function)} gives the record that {@code r} was
   * compiled from, when it changes it, for vectors by CVE id: for a matcher to use in place of the
   * record's own ({@link Matcher}), so that the record need not be compiled again. A vector that
   * cannot be scored changes nothing.
   */
  public static Optional<AdvisorySeverity> of(
      CompiledAdvisory r, Function<String, Optional<String>> vectorOf) {
    if (!r.withoutCvss()) {
      return Optional.empty();
    }
    return firstKnown(r.cves(), vectorOf)
        .map(AdvisorySeverity::ofVector)
        .filter(s -> s.level() != AdvisorySeverity.Level.UNKNOWN);
  }

  private static <T> Optional<T> firstKnown(List<String> cves, Function<String, Optional<T>> of) {
    for (String cve : cves) {
      Optional<T> found = of.apply(cve);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
