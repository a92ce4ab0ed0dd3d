package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates CSAF 2.0 documents: the JSON schema (with the CVSS schemas, offline) plus the mandatory
 * tests of CSAF 2.0 section 6.1 that docs/csaf.md lists as implemented. A document is valid when
 * the list is empty.
 */
public final class CsafValidator {
  private CsafValidator() {}

  /**
   * Every problem of the document; empty when valid. Throws {@link
   * dev.craft.core.InvalidInputException} when the bytes are not JSON within the default limits.
   */
  public static List<CsafProblem> validate(byte[] content) {
    return validate(content, ReadLimits.DEFAULT);
  }

  public static List<CsafProblem> validate(byte[] content, ReadLimits limits) {
    if (content.length > limits.maxBytes()) {
      throw new dev.craft.core.InvalidInputException(
          "document too large: " + content.length + " bytes, the limit is " + limits.maxBytes());
    }
    return validate(Json.parse(content, limits), limits);
  }

  static List<CsafProblem> validate(JsonNode root, ReadLimits limits) {
    var out = new ArrayList<CsafProblem>();
    CsafSchema.validate(root, out);
    if (!root.isObject()) {
      return out;
    }
    CsafProductTree tree = CsafProductTree.of(root, limits.maxDepth());
    CsafProductChecks.check(root, tree, out);
    CsafStatusChecks.check(root, tree, out);
    CsafProfileChecks.check(root, tree, out);
    CsafScoreChecks.check(root, out);
    CsafTrackingChecks.check(root, out);
    CsafDocumentChecks.check(root, out);
    out.sort(Comparator.comparing(CsafProblem::path).thenComparing(CsafProblem::testId));
    return List.copyOf(out);
  }
}
