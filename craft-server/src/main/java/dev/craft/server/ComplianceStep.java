package dev.craft.server;

import dev.craft.core.NotFoundException;
import java.util.List;

/**
 * The steps of the compliance wizard, in order, with the article each one records.
 *
 * @param slug the URL segment under {@code /products/{id}/compliance/}
 * @param template the page's jte template
 */
public record ComplianceStep(String slug, String title, String basis, String template) {
  static final List<ComplianceStep> ALL =
      List.of(
          new ComplianceStep("scope", "Scope", "Art. 2, 3, 69", "compliance/scope.jte"),
          new ComplianceStep(
              "classification",
              "Class and conformity route",
              "Art. 7, 8, 32",
              "compliance/classification.jte"),
          new ComplianceStep(
              "support-period", "Support period", "Art. 13(8)", "compliance/support.jte"),
          new ComplianceStep(
              "documentation",
              "Documentation facts",
              "Annex II, V, VII",
              "compliance/documentation.jte"));

  static ComplianceStep of(String slug) {
    return ALL.stream()
        .filter(s -> s.slug.equals(slug))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("compliance step", slug));
  }

  /** The page after this one: the next step, or the risk assessment after the last. */
  String next(long productId) {
    int i = ALL.indexOf(this);
    return i + 1 < ALL.size()
        ? "/products/" + productId + "/compliance/" + ALL.get(i + 1).slug
        : "/products/" + productId + "/compliance";
  }
}
