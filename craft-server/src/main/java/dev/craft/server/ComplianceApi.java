package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.Recorded;
import dev.craft.core.ScopeDecision;
import dev.craft.core.ScopeFacts;
import dev.craft.core.ScopeRules;
import dev.craft.core.SupportPlan;
import dev.craft.store.ComplianceStore;
import dev.craft.store.DocumentationStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseRemoval;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /api/v1/products/{id}/compliance/...}: scope (Art. 2), classification and route (Art. 7,
 * 8, 32), support period (Art. 13(8)), the documentation facts of Annexes II/V/VII, the overview;
 * and the retention-checked deletion of a release (Art. 13(9), 13(13)).
 */
final class ComplianceApi {
  private static final String BASE = "/api/v1/products/{id}/compliance";

  private final ProductStore products;
  private final ComplianceStore compliance;
  private final DocumentationStore documentation;
  private final ReleaseRemoval removal;
  private final DossierLoader dossiers;

  ComplianceApi(
      ProductStore products,
      ComplianceStore compliance,
      DocumentationStore documentation,
      ReleaseRemoval removal,
      DossierLoader dossiers) {
    this.products = products;
    this.compliance = compliance;
    this.documentation = documentation;
    this.removal = removal;
    this.dossiers = dossiers;
  }

  void routes(RoutesConfig r) {
    r.get(BASE, this::overview);
    r.get(BASE + "/scope", this::getScope);
    r.put(BASE + "/scope", this::putScope);
    r.get(BASE + "/classification", this::getClassification);
    r.put(BASE + "/classification", this::putClassification);
    r.get(BASE + "/support-period", this::getSupportPeriod);
    r.put(BASE + "/support-period", this::putSupportPeriod);
    r.get(BASE + "/documentation", this::getDocumentation);
    r.put(BASE + "/documentation", this::putDocumentation);
    r.delete("/api/v1/products/{id}/releases/{rid}", this::deleteRelease);
  }

  private void overview(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    String release = ctx.queryParam("release");
    var dossier = dossiers.load(p.actor(), id, release == null ? "" : release);
    ctx.json(ComplianceJson.overview(ComplianceOverview.of(dossier)));
  }

  private void getScope(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    Product product = products.get(p.actor(), id);
    Recorded<ScopeFacts> scope =
        compliance
            .findScope(p.actor(), id)
            .orElseThrow(() -> new NotFoundException("scope decision of product", id));
    ctx.json(ComplianceJson.scope(scope, decide(scope.value(), product)));
  }

  private void putScope(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    Product product = products.get(p.actor(), id);
    p.require(Permission.COMPLIANCE_WRITE);
    ScopeFacts facts = ComplianceInput.scope(ComplianceInput.json(Body.object(ctx)));
    ScopeDecision decision = decide(facts, product);
    var saved = compliance.saveScope(p.actor(), id, facts, decision.inScope());
    ctx.json(ComplianceJson.scope(saved, decision));
  }

  private void getClassification(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    Recorded<Classification> c =
        compliance
            .findClassification(p.actor(), id)
            .orElseThrow(() -> new NotFoundException("classification of product", id));
    ctx.json(ComplianceJson.classification(c));
  }

  private void putClassification(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.COMPLIANCE_WRITE);
    Classification c = ComplianceInput.classification(ComplianceInput.json(Body.object(ctx)));
    ctx.json(ComplianceJson.classification(compliance.saveClassification(p.actor(), id, c)));
  }

  private void getSupportPeriod(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    Recorded<SupportPlan> s =
        compliance
            .findSupportPlan(p.actor(), id)
            .orElseThrow(() -> new NotFoundException("support period of product", id));
    ctx.json(supportJson(p.actor(), id, s));
  }

  private void putSupportPeriod(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.COMPLIANCE_WRITE);
    SupportPlan s = ComplianceInput.supportPlan(ComplianceInput.json(Body.object(ctx)));
    ctx.json(supportJson(p.actor(), id, compliance.saveSupportPlan(p.actor(), id, s)));
  }

  private Map<String, Object> supportJson(
      dev.craft.core.Actor actor, long id, Recorded<SupportPlan> s) {
    var overview = ComplianceOverview.of(dossiers.load(actor, id, ""));
    return ComplianceJson.supportPeriod(s, overview.documentationRetainedUntil());
  }

  private void getDocumentation(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    ctx.json(documentation.get(p.actor(), id));
  }

  private void putDocumentation(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.COMPLIANCE_WRITE);
    var facts = ComplianceInput.documentation(ComplianceInput.json(Body.object(ctx)));
    ctx.json(documentation.save(p.actor(), id, facts).value());
  }

  /** 204 when deleted; 409 while a retention duty holds the release (archive instead). */
  private void deleteRelease(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    products.get(p.actor(), id);
    p.require(Permission.RELEASE_WRITE);
    removal.delete(p.actor(), id, rid, LocalDate.now());
    ctx.status(204);
  }

  private static ScopeDecision decide(ScopeFacts facts, Product product) {
    return ScopeRules.decide(facts, product.manufacturerRole(), LocalDate.now());
  }
}
