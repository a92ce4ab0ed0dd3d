package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.Product;
import dev.craft.core.Recorded;
import dev.craft.core.Release;
import dev.craft.core.RiskAssessment;
import dev.craft.core.ScopeFacts;
import dev.craft.core.SupportPlan;
import dev.craft.store.SbomRow;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything CRAFT records about one product and one of its releases, read at one moment: the input
 * of the generated documents and of the completeness report. Null components are records not made
 * yet.
 */
record Dossier(
    Product product,
    List<Release> releases,
    @Nullable Release release,
    @Nullable Recorded<ScopeFacts> scope,
    @Nullable Recorded<Classification> classification,
    @Nullable Recorded<SupportPlan> support,
    DocumentationFacts facts,
    @Nullable RiskAssessment riskAssessment,
    @Nullable SbomRow sbom,
    LocalDate today) {

  Dossier {
    releases = List.copyOf(releases);
  }

  String releaseVersion() {
    return release == null ? "" : release.version();
  }

  /** Web pages where each record is made, for the completeness report's links. */
  String productPath() {
    return "/products/" + product.id();
  }

  String compliancePath(String step) {
    return productPath() + "/compliance/" + step;
  }

  String releasePath() {
    return release == null ? productPath() : productPath() + "/releases/" + release.id();
  }

  String riskAssessmentPath() {
    return release == null
        ? productPath()
        : productPath() + "/releases/" + release.id() + "/risk-assessment";
  }
}
