package dev.craft.engine;

import dev.craft.core.Component;
import java.util.ArrayList;
import java.util.List;

/** Collects the outcome of a profile's checks and turns it into a report. */
final class Checks {
  private final String profile;
  private final List<Finding> findings = new ArrayList<>();
  private int required;
  private int failed;

  Checks(String profile) {
    this.profile = profile;
  }

  /** A required check: counts towards the score; failing it fails the profile. */
  void require(boolean ok, String component, String field, String message) {
    required++;
    if (!ok) {
      failed++;
      findings.add(new Finding(Finding.Severity.ERROR, component, field, message));
    }
  }

  /** A field wanted "if it exists" or recommended: reported, never failing. */
  void recommend(boolean ok, String component, String field, String message) {
    if (!ok) {
      findings.add(new Finding(Finding.Severity.WARNING, component, field, message));
    }
  }

  static String label(Component c) {
    return c.label().equals(c.ref()) ? c.ref() : c.label() + " (" + c.ref() + ")";
  }

  QualityReport report() {
    double score =
        required == 0 ? 100.0 : Math.round(1000.0 * (required - failed) / required) / 10.0;
    return new QualityReport(profile, failed == 0, score, required, findings);
  }
}
