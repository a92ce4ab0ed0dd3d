package dev.craft.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The highest administrative fine that Art. 64 allows for one category and turnover.
 *
 * @param turnoverCapEur the percentage of the turnover, in euro, rounded to the cent
 * @param maximumEur the higher of the fixed cap and the turnover cap
 * @param notes the derogations and caveats of Art. 64 that the user must read with the figure
 */
public record PenaltyCeiling(
    PenaltyCategory category,
    BigDecimal turnoverEur,
    BigDecimal turnoverCapEur,
    BigDecimal maximumEur,
    String basis,
    List<String> notes) {
  public PenaltyCeiling {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(turnoverEur, "turnoverEur");
    Objects.requireNonNull(turnoverCapEur, "turnoverCapEur");
    Objects.requireNonNull(maximumEur, "maximumEur");
    Objects.requireNonNull(basis, "basis");
    notes = List.copyOf(notes);
  }
}
