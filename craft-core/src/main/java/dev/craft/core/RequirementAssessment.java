package dev.craft.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How one essential requirement of Annex I applies to a release (Art. 13(3), 13(4)).
 *
 * @param requirementId an {@link EssentialRequirement#id()}
 * @param applicable whether the requirement applies to the product
 * @param howMet how it is implemented, as informed by the risk assessment; required when applicable
 * @param justification the "clear justification" of Art. 13(4); required when not applicable
 * @param evidence http(s) URLs or references to CRAFT records such as {@code release:12}
 */
public record RequirementAssessment(
    String requirementId,
    boolean applicable,
    String howMet,
    String justification,
    List<String> evidence) {
  static final int MAX_EVIDENCE = 50;
  private static final Pattern CRAFT_REFERENCE =
      Pattern.compile(
          "(product|release|risk-assessment|document|sbom|finding|advisory|case|test-report):"
              + "[A-Za-z0-9._/-]{1,200}");

  public RequirementAssessment {
    requirementId = EssentialRequirements.get(requirementId).id();
    String field = "requirements[" + requirementId + "]";
    howMet = Text.optional(field + ".howMet", howMet, 10_000);
    justification = Text.optional(field + ".justification", justification, 10_000);
    if (applicable && howMet.isEmpty()) {
      throw new InvalidInputException(
          field + ".howMet: say how an applicable requirement is met (Art. 13(3))");
    }
    if (!applicable && justification.isEmpty()) {
      throw new InvalidInputException(
          field
              + ".justification: a requirement that is not applicable needs a clear justification"
              + " (Art. 13(4))");
    }
    if (evidence.size() > MAX_EVIDENCE) {
      throw new InvalidInputException(
          field + ".evidence: at most " + MAX_EVIDENCE + " links allowed");
    }
    evidence = evidence.stream().map(e -> evidenceLink(field + ".evidence", e)).toList();
  }

  private static String evidenceLink(String field, String value) {
    String text = Text.required(field, value, 2_000);
    if (CRAFT_REFERENCE.matcher(text).matches()) {
      return text;
    }
    if (!(text.startsWith("https://") || text.startsWith("http://"))) {
      throw new InvalidInputException(
          field
              + ": '"
              + text
              + "' is neither an http(s) URL nor a CRAFT reference such as release:12");
    }
    return Text.optionalUrl(field, text);
  }
}
