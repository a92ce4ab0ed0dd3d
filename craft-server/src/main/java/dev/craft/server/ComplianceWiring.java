package dev.craft.server;

import dev.craft.store.ComplianceStore;
import dev.craft.store.DocumentationStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseRemoval;
import dev.craft.store.ReleaseStore;
import dev.craft.store.RiskAssessmentStore;
import dev.craft.store.SbomStore;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import org.jdbi.v3.core.Jdbi;

/**
 * The compliance feature's part of the object graph (scope, classification, support period, risk
 * assessments, documents, their API and pages), so that {@link CraftServer} adds it in two lines.
 */
final class ComplianceWiring {
  private final ComplianceApi api;
  private final RiskAssessmentApi riskApi;
  private final DocumentApi documentApi;
  private final ComplianceUi ui;

  private ComplianceWiring(
      ComplianceApi api, RiskAssessmentApi riskApi, DocumentApi documentApi, ComplianceUi ui) {
    this.api = api;
    this.riskApi = riskApi;
    this.documentApi = documentApi;
    this.ui = ui;
  }

  static ComplianceWiring create(
      Jdbi jdbi,
      ProductStore products,
      ReleaseStore releases,
      Pages pages,
      Auth auth,
      boolean demo) {
    var compliance = new ComplianceStore(jdbi);
    var documentation = new DocumentationStore(jdbi);
    var riskAssessments = new RiskAssessmentStore(jdbi);
    var sboms = new SbomStore(jdbi);
    var dossiers =
        new DossierLoader(products, releases, compliance, documentation, riskAssessments, sboms);
    if (demo) {
      new ComplianceDemoData(products, releases, compliance, documentation, riskAssessments)
          .loadIfMissing();
    }
    var html = new DocumentHtml(TemplateEngine.createPrecompiled(ContentType.Html));
    return new ComplianceWiring(
        new ComplianceApi(products, compliance, documentation, new ReleaseRemoval(jdbi), dossiers),
        new RiskAssessmentApi(releases, riskAssessments),
        new DocumentApi(dossiers, html, sboms),
        new ComplianceUi(
            pages, auth, products, releases, compliance, documentation, riskAssessments, dossiers));
  }

  void routes(RoutesConfig r) {
    api.routes(r);
    riskApi.routes(r);
    documentApi.routes(r);
    ui.routes(r);
  }
}
