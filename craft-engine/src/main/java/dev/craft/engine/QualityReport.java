package dev.craft.engine;

import java.util.List;

/**
 * The verdict of one quality profile on one SBOM.
 *
 * @param profile the profile's name ({@code cra}, {@code tr-03183-2})
 * @param passed true when no required check failed
 * @param score the share of required checks that passed, 0–100, one decimal
 * @param checks how many required checks were made
 * @param findings every failed required check (errors) and every missing optional field (warnings)
 */
public record QualityReport(
    String profile, boolean passed, double score, int checks, List<Finding> findings) {
  public QualityReport {
    findings = List.copyOf(findings);
  }

  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
  }
}
