package dev.craft.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A finding of a current SBOM with its effective triage decision: the most specific scope that
 * covers its release (release, then range, then product). The decision columns are null when no
 * decision covers it; its state is then {@code in_triage}. {@code productClass} is the product's
 * CRA class ({@code default}, {@code important-1}, {@code important-2}, {@code critical}; {@code
 * default} until classified), part of its triage priority.
 */
public record TriagedFinding(
    long findingId,
    long productId,
    String productName,
    long releaseId,
    String releaseVersion,
    String vulnerabilityId,
    String purl,
    String version,
    String status,
    String severity,
    double cvss,
    boolean kev,
    double epss,
    Instant firstSeenAt,
    @Nullable Long decisionId,
    @Nullable String scopeKey,
    @Nullable String state,
    @Nullable String justification,
    @Nullable String response,
    @Nullable String detail,
    @Nullable String assignee,
    @Nullable String updatedBy,
    @Nullable Instant updatedAt,
    String productClass) {

  /** Responses that record a mitigation, for the release gate. */
  private static final List<String> MITIGATING =
      List.of("update", "workaround_available", "rollback");

  private static final List<String> SETTLED =
      List.of("resolved", "resolved_with_pedigree", "not_affected", "false_positive");

  public String effectiveState() {
    return state == null ? "in_triage" : state;
  }

  public List<String> responses() {
    return response == null || response.isBlank() ? List.of() : List.of(response.split(" "));
  }

  /**
   * Why this finding blocks its release from being placed on the market (Annex I Part I (2)(a)): it
   * is exploitable, or it is in CISA KEV without a recorded mitigation.
   */
  public Optional<String> blocksRelease() {
    String s = effectiveState();
    if (s.equals("exploitable")) {
      return Optional.of("exploitable");
    }
    if (kev && !SETTLED.contains(s) && responses().stream().noneMatch(MITIGATING::contains)) {
      return Optional.of("known exploited (KEV) without a recorded mitigation");
    }
    return Optional.empty();
  }
}
