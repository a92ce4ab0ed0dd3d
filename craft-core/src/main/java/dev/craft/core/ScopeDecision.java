package dev.craft.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether the Regulation applies to a product, and which of its obligations apply today.
 *
 * @param inScope the product is a product with digital elements within Art. 2
 * @param reasons why, each naming its article
 * @param roleObligations where the obligations of the organisation's role are laid down
 * @param applicability Art. 69/71 on the day of the decision; null when out of scope or not yet
 *     placed on the market
 */
public record ScopeDecision(
    boolean inScope,
    List<String> reasons,
    String roleObligations,
    @Nullable CraApplicability applicability) {
  public ScopeDecision {
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(roleObligations, "roleObligations");
  }

  public Optional<CraApplicability> applicabilityToday() {
    return Optional.ofNullable(applicability);
  }
}
