package dev.craft.store;

import dev.craft.core.InvalidInputException;
import java.util.List;

/**
 * A triage decision as submitted: a CycloneDX analysis (state, justification, responses, detail)
 * with an assignee, a comment for the history, and its scope.
 *
 * @param scope {@code release} (the finding's release), {@code range} (releases from {@code
 *     rangeFrom} to {@code rangeTo}, inclusive, or the explicit {@code versions}) or {@code
 *     product}
 */
public record TriageInput(
    String state,
    String justification,
    List<String> response,
    String detail,
    String assignee,
    String comment,
    String scope,
    String rangeFrom,
    String rangeTo,
    List<String> versions) {
  public static final List<String> STATES =
      List.of(
          "in_triage",
          "exploitable",
          "resolved",
          "resolved_with_pedigree",
          "false_positive",
          "not_affected");
  public static final List<String> JUSTIFICATIONS =
      List.of(
          "code_not_present",
          "code_not_reachable",
          "requires_configuration",
          "requires_dependency",
          "requires_environment",
          "protected_by_compiler",
          "protected_at_runtime",
          "protected_at_perimeter",
          "protected_by_mitigating_control");
  public static final List<String> RESPONSES =
      List.of("can_not_fix", "will_not_fix", "update", "rollback", "workaround_available");
  public static final List<String> SCOPES = List.of("release", "range", "product");
  private static final int MAX_TEXT = 10_000;

  public TriageInput {
    response = List.copyOf(response);
    versions = versions.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (!STATES.contains(state)) {
      throw new InvalidInputException("state: one of " + STATES);
    }
    if (!justification.isEmpty() && !JUSTIFICATIONS.contains(justification)) {
      throw new InvalidInputException("justification: one of " + JUSTIFICATIONS);
    }
    if (state.equals("not_affected") && justification.isEmpty()) {
      throw new InvalidInputException("justification: required when the state is not_affected");
    }
    for (String r : response) {
      if (!RESPONSES.contains(r)) {
        throw new InvalidInputException("response: each one of " + RESPONSES);
      }
    }
    if (!SCOPES.contains(scope)) {
      throw new InvalidInputException("scope: one of " + SCOPES);
    }
    if (scope.equals("range") && rangeFrom.isBlank() && rangeTo.isBlank() && versions.isEmpty()) {
      throw new InvalidInputException("scope range: give from and/or to, or versions");
    }
    if (versions.size() > 1000 || versions.stream().anyMatch(v -> v.contains(" "))) {
      throw new InvalidInputException("versions: at most 1000, without spaces");
    }
    for (String t : List.of(detail, assignee, comment, rangeFrom, rangeTo)) {
      if (t.length() > MAX_TEXT) {
        throw new InvalidInputException("texts: at most " + MAX_TEXT + " characters");
      }
    }
    rangeFrom = rangeFrom.strip();
    rangeTo = rangeTo.strip();
  }

  /** The identity of the scope within (product, vulnerability, package key). */
  String scopeKey(long releaseId) {
    return switch (scope) {
      case "release" -> "release:" + releaseId;
      case "range" ->
          versions.isEmpty()
              ? "range:" + rangeFrom + ".." + rangeTo
              : "versions:" + String.join(" ", versions);
      default -> "product";
    };
  }
}
