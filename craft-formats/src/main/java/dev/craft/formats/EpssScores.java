package dev.craft.formats;

import java.util.Map;
import java.util.Optional;

/** An EPSS file: its model version and score date (from the comment line) and scores by CVE. */
public record EpssScores(String modelVersion, String scoreDate, Map<String, EpssScore> scores) {
  public static final EpssScores EMPTY = new EpssScores("", "", Map.of());

  public EpssScores {
    scores = Map.copyOf(scores);
  }

  public Optional<EpssScore> find(String cveId) {
    return Optional.ofNullable(scores.get(cveId));
  }
}
