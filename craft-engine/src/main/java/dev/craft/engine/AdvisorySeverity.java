package dev.craft.engine;

import dev.craft.core.CvssCalculator;
import dev.craft.core.CvssScore;
import dev.craft.core.InvalidInputException;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.OsvSeverity;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An advisory's severity: from its newest CVSS vector (scored by core's calculator), else from
 * {@code database_specific.severity} (GHSA's words, {@code MODERATE} read as medium), else {@link
 * Level#UNKNOWN}.
 *
 * @param cvssVector the vector the level was scored from, empty unless {@code basis} is cvss
 * @param cvssScore its score (0 when there is no vector)
 * @param cvssVersion its CVSS version label ("3.1"), empty when there is no vector
 * @param basis where the level came from: {@code cvss}, {@code database_specific} or {@code none}
 */
public record AdvisorySeverity(
    Level level, String cvssVector, double cvssScore, String cvssVersion, String basis) {
  /** Severity levels, ordered from none to critical, for {@code --fail-on}. */
  public enum Level {
    UNKNOWN,
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final AdvisorySeverity UNKNOWN =
      new AdvisorySeverity(Level.UNKNOWN, "", 0.0, "", "none");

  public AdvisorySeverity {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(cvssVector, "cvssVector");
    Objects.requireNonNull(cvssVersion, "cvssVersion");
    Objects.requireNonNull(basis, "basis");
  }

  public static AdvisorySeverity of(OsvRecord record) {
    return of(record, AdvisorySeverity::score);
  }

  /**
   * Like {@link #of(OsvRecord)}, scoring vectors through {@code scorer} so that an index builder
   * can score each distinct vector once.
   */
  static AdvisorySeverity of(OsvRecord record, Function<String, Optional<CvssScore>> scorer) {
    Optional<CvssScore> best = Optional.empty();
    for (OsvSeverity s : record.severity()) {
      best = newer(best, s, scorer);
    }
    for (OsvAffected a : record.affected()) {
      for (OsvSeverity s : a.severity()) {
        best = newer(best, s, scorer);
      }
    }
    if (best.isPresent()) {
      CvssScore score = best.get();
      Level level = Level.valueOf(score.severity().name());
      return new AdvisorySeverity(
          level, score.vector(), score.score(), score.version().label(), "cvss");
    }
    String db = record.databaseSeverity().strip().toUpperCase(Locale.ROOT);
    Level level =
        switch (db) {
          case "CRITICAL" -> Level.CRITICAL;
          case "HIGH" -> Level.HIGH;
          case "MODERATE", "MEDIUM" -> Level.MEDIUM;
          case "LOW" -> Level.LOW;
          default -> Level.UNKNOWN;
        };
    return level == Level.UNKNOWN
        ? UNKNOWN
        : new AdvisorySeverity(level, "", 0.0, "", "database_specific");
  }

  /** The severity of one CVSS vector (e.g. NVD's); unknown when it cannot be scored. */
  public static AdvisorySeverity ofVector(String vector) {
    return score(vector)
        .map(
            s ->
                new AdvisorySeverity(
                    Level.valueOf(s.severity().name()),
                    s.vector(),
                    s.score(),
                    s.version().label(),
                    "cvss"))
        .orElse(UNKNOWN);
  }

  /** Keeps the vector of the newest CVSS version; an unscorable vector is ignored. */
  private static Optional<CvssScore> newer(
      Optional<CvssScore> current, OsvSeverity s, Function<String, Optional<CvssScore>> scorer) {
    if (!s.type().startsWith("CVSS_")) {
      return current;
    }
    Optional<CvssScore> score = scorer.apply(s.score());
    if (score.isPresent()
        && (current.isEmpty() || score.get().version().compareTo(current.get().version()) > 0)) {
      return score;
    }
    return current;
  }

  /** The score of a vector, empty if it cannot be scored. */
  static Optional<CvssScore> score(String vector) {
    try {
      return Optional.of(CvssCalculator.score(vector));
    } catch (InvalidInputException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
