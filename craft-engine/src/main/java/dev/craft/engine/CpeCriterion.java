package dev.craft.engine;

import java.util.Objects;

/**
 * One vulnerable CPE match of an advisory (NVD's {@code configurations[].nodes[].cpeMatch[]} with
 * {@code vulnerable: true}): the criterion and its version bounds, each empty when absent.
 *
 * @param platform the other, non-vulnerable criteria its configuration requires with it (NVD's
 *     "running on/with"), as text for the evidence; empty if none
 */
public record CpeCriterion(
    String vulnerabilityId,
    String source,
    String criteria,
    String startIncluding,
    String startExcluding,
    String endIncluding,
    String endExcluding,
    String platform,
    AdvisorySeverity severity) {
  public CpeCriterion {
    Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(startIncluding, "startIncluding");
    Objects.requireNonNull(startExcluding, "startExcluding");
    Objects.requireNonNull(endIncluding, "endIncluding");
    Objects.requireNonNull(endExcluding, "endExcluding");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(severity, "severity");
  }

  /** The criterion and its bounds as one line of evidence. */
  String describe() {
    var out = new StringBuilder(criteria);
    if (!startIncluding.isEmpty()) {
      out.append(" from ").append(startIncluding);
    }
    if (!startExcluding.isEmpty()) {
      out.append(" after ").append(startExcluding);
    }
    if (!endIncluding.isEmpty()) {
      out.append(" up to ").append(endIncluding);
    }
    if (!endExcluding.isEmpty()) {
      out.append(" before ").append(endExcluding);
    }
    return out.toString();
  }
}
