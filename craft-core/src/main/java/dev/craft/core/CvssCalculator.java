package dev.craft.core;

import java.util.OptionalDouble;
import java.util.Set;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

/**
 * Scores CVSS v2, v3.0, v3.1 and v4.0 vectors. Validation is CRAFT's own ({@link CvssVector}); the
 * arithmetic is us.springett:cvss-calculator (ADR 020), which follows each version's reference
 * calculator: v3.0 rounds up with the plain ceiling, v3.1 with the integer Roundup of its Appendix
 * A (the two only differ in temporal and environmental scores), v4.0 uses the MacroVector lookup of
 * its specification.
 */
public final class CvssCalculator {
  private CvssCalculator() {}

  /** Scores a vector; throws {@link InvalidInputException} for an invalid one. */
  public static CvssScore score(String vectorText) {
    CvssVector vector = CvssVector.parse(vectorText);
    return switch (vector.version()) {
      case V2, V3_0, V3_1 -> {
        double base = compute(vector.canonical(Set.of())).getBaseScore();
        yield new CvssScore(
            vector.version(),
            vector.text(),
            base,
            CvssSeverity.of(vector.version(), base),
            base,
            "base");
      }
      case V4_0 -> {
        double full = compute(vector.canonical(vector.metrics().keySet())).getBaseScore();
        double base = compute(vector.canonical(Set.of())).getBaseScore();
        String nomenclature =
            "CVSS-B"
                + (vector.definesAny(CvssMetrics.V4_THREAT) ? "T" : "")
                + (vector.definesAny(CvssMetrics.V4_ENVIRONMENTAL) ? "E" : "");
        yield new CvssScore(
            vector.version(),
            vector.text(),
            full,
            CvssSeverity.of(vector.version(), full),
            base,
            nomenclature);
      }
    };
  }

  /**
   * The temporal score of a v2 or v3.x vector that carries temporal metrics; empty otherwise (v4.0
   * folds threat metrics into its single score).
   */
  public static OptionalDouble temporalScore(String vectorText) {
    CvssVector vector = CvssVector.parse(vectorText);
    Set<String> temporal =
        switch (vector.version()) {
          case V2 -> CvssMetrics.V2_TEMPORAL;
          case V3_0, V3_1 -> CvssMetrics.V3_TEMPORAL;
          case V4_0 -> Set.of();
        };
    if (!vector.definesAny(temporal)) {
      return OptionalDouble.empty();
    }
    String text = vector.canonical(temporal);
    return OptionalDouble.of(compute(text).getTemporalScore());
  }

  /**
   * The environmental score of a v2 or v3.x vector that carries environmental metrics; empty
   * otherwise. CSAF 2.0 test 6.1.9 checks {@code environmentalScore} against it.
   */
  public static OptionalDouble environmentalScore(String vectorText) {
    CvssVector vector = CvssVector.parse(vectorText);
    if (vector.version() == CvssVersion.V4_0
        || !vector.definesAny(environmental(vector.version()))) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        compute(vector.canonical(vector.metrics().keySet())).getEnvironmentalScore());
  }

  private static Set<String> environmental(CvssVersion version) {
    return version == CvssVersion.V2 ? CvssMetrics.V2_ENVIRONMENTAL : CvssMetrics.V3_ENVIRONMENTAL;
  }

  private static Score compute(String canonical) {
    try {
      Cvss cvss = Cvss.fromVector(canonical);
      if (cvss == null) {
        throw new InvalidInputException("invalid CVSS vector '" + canonical + "'");
      }
      return cvss.calculateScore();
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw e;
      }
      // Our parser accepted it, so a library refusal is a disagreement worth showing plainly.
      throw new InvalidInputException(
          "invalid CVSS vector '" + canonical + "': " + e.getMessage(), e);
    }
  }
}
