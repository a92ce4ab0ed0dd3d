package dev.craft.engine;

import dev.craft.engine.Matcher.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CPE matching for a component that its purl does not find: each of its CPE names against the
 * vulnerable criteria of the same vendor and product. The version compared is the CPE's own when it
 * names one, else the component's; it is ordered by {@link GenericVersionOrder}. A version that
 * cannot be ordered against bounds gives an indeterminate finding with the reason.
 */
final class CpeMatches {
  private CpeMatches() {}

  interface Report {
    VulnerabilityFinding finding(ScanComponent c, IndexedAdvisory a, Verdict v);
  }

  static void match(
      CpeIndex index, ScanComponent c, List<VulnerabilityFinding> out, Report report) {
    Map<IndexedAdvisory, Verdict> best = new LinkedHashMap<>();
    for (String text : c.cpes()) {
      var parsed = Cpe.parse(text);
      if (parsed.isEmpty()) {
        continue;
      }
      Cpe component = parsed.get();
      String version = Cpe.specific(component.version()) ? component.version() : c.version();
      for (CpeIndex.Entry e : index.candidates(component)) {
        Verdict known = best.get(e.advisory());
        if (known != null && known.affected()) {
          continue;
        }
        Verdict v = evaluate(e, component, version);
        if (v != null && (known == null || v.affected())) {
          best.put(e.advisory(), v);
        }
      }
    }
    best.forEach((a, v) -> out.add(report.finding(c, a, v)));
  }

  static @Nullable Verdict evaluate(CpeIndex.Entry e, Cpe component, String version) {
    Cpe want = e.cpe();
    CpeCriterion c = e.criterion();
    if (!want.namesApartFromVersion(component)) {
      return null;
    }
    String platform = c.platform().isEmpty() ? "" : "; with " + c.platform();
    if (want.version().equals(Cpe.NA)) {
      return component.version().equals(Cpe.NA)
          ? verdict(e, true, version, "version not applicable" + platform, "")
          : null;
    }
    if (version.isBlank()) {
      return verdict(e, false, version, "", "the component has no version");
    }
    if (Cpe.specific(want.version())) {
      boolean equal =
          GenericVersionOrder.orderable(want.version()) && GenericVersionOrder.orderable(version)
              ? GenericVersionOrder.compare(want.version(), version) == 0
              : want.version().equalsIgnoreCase(version);
      return equal ? verdict(e, true, version, "version = " + want.version() + platform, "") : null;
    }
    boolean bounded =
        !(c.startIncluding().isEmpty()
            && c.startExcluding().isEmpty()
            && c.endIncluding().isEmpty()
            && c.endExcluding().isEmpty());
    if (!bounded) {
      return verdict(e, true, version, "every version" + platform, "");
    }
    try {
      if (!c.startIncluding().isEmpty()
          && GenericVersionOrder.compare(version, c.startIncluding()) < 0) {
        return null;
      }
      if (!c.startExcluding().isEmpty()
          && GenericVersionOrder.compare(version, c.startExcluding()) <= 0) {
        return null;
      }
      if (!c.endIncluding().isEmpty()
          && GenericVersionOrder.compare(version, c.endIncluding()) > 0) {
        return null;
      }
      if (!c.endExcluding().isEmpty()
          && GenericVersionOrder.compare(version, c.endExcluding()) >= 0) {
        return null;
      }
    } catch (IllegalArgumentException ex) {
      return verdict(e, false, version, "", "cannot order the versions: " + ex.getMessage());
    }
    return verdict(e, true, version, version + " within " + c.describe() + platform, "");
  }

  private static Verdict verdict(
      CpeIndex.Entry e, boolean affected, String version, String compared, String reason) {
    CpeCriterion c = e.criterion();
    return new Verdict(
        affected,
        new MatchEvidence(
            c.source(),
            c.vulnerabilityId(),
            -1,
            "cpe",
            c.criteria(),
            "cpe",
            -1,
            c.describe(),
            "generic",
            version,
            compared,
            reason));
  }
}
