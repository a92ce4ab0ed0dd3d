package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.Product;
import dev.craft.core.Recorded;
import dev.craft.core.Release;
import dev.craft.core.ReleaseStatus;
import dev.craft.store.ComplianceStore;
import dev.craft.store.DocumentationStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.RiskAssessmentStore;
import dev.craft.store.SbomStore;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a {@link Dossier} from the stores, as the acting user may see it. */
final class DossierLoader {
  private final ProductStore products;
  private final ReleaseStore releases;
  private final ComplianceStore compliance;
  private final DocumentationStore documentation;
  private final RiskAssessmentStore riskAssessments;
  private final SbomStore sboms;

  DossierLoader(
      ProductStore products,
      ReleaseStore releases,
      ComplianceStore compliance,
      DocumentationStore documentation,
      RiskAssessmentStore riskAssessments,
      SbomStore sboms) {
    this.products = products;
    this.releases = releases;
    this.compliance = compliance;
    this.documentation = documentation;
    this.riskAssessments = riskAssessments;
    this.sboms = sboms;
  }

  /**
   * @param releaseSelector a version or a release id; empty for the latest release (the newest one
   *     released, else the newest one)
   */
  Dossier load(Actor actor, long productId, String releaseSelector) {
    Product product = products.get(actor, productId);
    List<Release> all = releases.list(actor, productId);
    Release release = select(all, releaseSelector);
    return new Dossier(
        product,
        all,
        release,
        compliance.findScope(actor, productId).orElse(null),
        compliance.findClassification(actor, productId).orElse(null),
        compliance.findSupportPlan(actor, productId).orElse(null),
        documentation
            .find(actor, productId)
            .map(Recorded::value)
            .orElseGet(dev.craft.core.DocumentationFacts::empty),
        release == null
            ? null
            : riskAssessments.latest(actor, productId, release.id()).orElse(null),
        release == null ? null : sboms.current(actor, productId, release.id()).orElse(null),
        LocalDate.now());
  }

  private static @Nullable Release select(List<Release> all, String selector) {
    String wanted = selector.strip();
    if (wanted.isEmpty()) {
      return all.stream()
          .filter(r -> r.status() == ReleaseStatus.RELEASED)
          .findFirst()
          .orElse(all.isEmpty() ? null : all.getFirst());
    }
    return all.stream()
        .filter(r -> r.version().equals(wanted) || Long.toString(r.id()).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("release", wanted));
  }
}
