package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.util.Objects;

/** FIRST EPSS probability of exploitation in the next 30 days, and its percentile, for a CVE. */
public record EpssScore(String cveId, double epss, double percentile) {
  public EpssScore {
    Objects.requireNonNull(cveId, "cveId");
    if (!(epss >= 0.0 && epss <= 1.0) || !(percentile >= 0.0 && percentile <= 1.0)) {
      throw new InvalidInputException(cveId + ": EPSS values must lie between 0 and 1");
    }
  }
}
