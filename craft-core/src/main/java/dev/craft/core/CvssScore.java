package dev.craft.core;

import java.util.Objects;

/**
 * The score of one CVSS vector.
 *
 * @param vector the vector as given (trimmed)
 * @param score the headline score: the base score for v2 and v3.x; for v4.0 the score of all
 *     metrics in the vector, named by {@code nomenclature}
 * @param severity the rating of {@code score}
 * @param baseScore the score of the base metrics alone (equal to {@code score} unless a v4.0 vector
 *     carries threat or environmental metrics)
 * @param nomenclature "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE" for v4.0 (spec section 1.3);
 *     "base" for v2 and v3.x
 */
public record CvssScore(
    CvssVersion version,
    String vector,
    double score,
    CvssSeverity severity,
    double baseScore,
    String nomenclature) {
  public CvssScore {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(nomenclature, "nomenclature");
  }
}
