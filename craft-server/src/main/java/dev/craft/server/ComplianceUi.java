package dev.craft.server;

import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.Recorded;
import dev.craft.core.Release;
import dev.craft.core.RiskAssessment;
import dev.craft.core.RiskAssessmentDiff;
import dev.craft.core.ScopeFacts;
import dev.craft.core.ScopeRules;
import dev.craft.store.ComplianceStore;
import dev.craft.store.DocumentationStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.RiskAssessmentStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compliance pages: an overview per product and wizard-like steps that record scope,
 * classification, support period, documentation facts and each release's risk assessment.
 */
final class ComplianceUi {
  private final Pages pages;
  private final Auth auth;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final ComplianceStore compliance;
  private final DocumentationStore documentation;
  private final RiskAssessmentStore riskAssessments;
  private final DossierLoader dossiers;

  ComplianceUi(
      Pages pages,
      Auth auth,
      ProductStore products,
      ReleaseStore releases,
      ComplianceStore compliance,
      DocumentationStore documentation,
      RiskAssessmentStore riskAssessments,
      DossierLoader dossiers) {
    this.pages = pages;
    this.auth = auth;
    this.products = products;
    this.releases = releases;
    this.compliance = compliance;
    this.documentation = documentation;
    this.riskAssessments = riskAssessments;
    this.dossiers = dossiers;
  }

  void routes(RoutesConfig r) {
    r.get("/products/{id}/compliance", this::overview);
    r.get("/products/{id}/compliance/{step}", ctx -> step(ctx, null, "", 200));
    r.post("/products/{id}/compliance/{step}", this::saveStep);
    r.get("/products/{id}/releases/{rid}/risk-assessment", ctx -> risk(ctx, null, "", 200));
    r.post("/products/{id}/releases/{rid}/risk-assessment", this::saveRisk);
  }

  private Principal signedIn(Context ctx) {
    return auth.authenticate(ctx).orElseThrow(WebUi.RedirectToLogin::new);
  }

  private void overview(Context ctx) {
    Principal p = signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    String release = ctx.queryParam("release");
    Dossier d = dossiers.load(p.actor(), id, release == null ? "" : release);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Compliance · " + d.product().name(), p));
    model.put("o", ComplianceOverview.of(d));
    model.put("releases", d.releases());
    model.put("canWrite", p.can(Permission.COMPLIANCE_WRITE));
    pages.render(ctx, "compliance/overview.jte", model);
  }

  private void step(
      Context ctx, @Nullable Map<String, String> submitted, String error, int status) {
    Principal p = signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    Product product = products.get(p.actor(), id);
    ComplianceStep step = ComplianceStep.of(ctx.pathParam("step"));
    Map<String, String> v = submitted;
    Map<String, Object> model = new HashMap<>();
    switch (step.slug()) {
      case "scope" -> {
        var scope = compliance.findScope(p.actor(), id);
        if (v == null) {
          v = scope.map(Recorded::value).map(ComplianceForms::of).orElseGet(HashMap::new);
        }
        model.put(
            "decision",
            scope
                .map(s -> ScopeRules.decide(s.value(), product.manufacturerRole(), LocalDate.now()))
                .orElse(null));
      }
      case "classification" -> {
        var c = compliance.findClassification(p.actor(), id);
        if (v == null) {
          v = c.map(Recorded::value).map(ComplianceForms::of).orElseGet(HashMap::new);
        }
        model.put("route", c.map(x -> x.value().route()).orElse(null));
      }
      case "support-period" -> {
        var s = compliance.findSupportPlan(p.actor(), id);
        if (v == null) {
          v = s.map(Recorded::value).map(ComplianceForms::of).orElseGet(HashMap::new);
        }
        model.put("overview", ComplianceOverview.of(dossiers.load(p.actor(), id, "")));
      }
      default -> {
        if (v == null) {
          v = ComplianceForms.of(documentation.get(p.actor(), id));
        }
        model.put("labels", ComplianceForms.DOCUMENTATION_LABELS);
      }
    }
    model.put("page", PageInfo.of(step.title() + " · " + product.name(), p));
    model.put("product", product);
    model.put("step", step);
    model.put("steps", ComplianceStep.ALL);
    model.put("v", v);
    model.put("error", error);
    model.put("canWrite", p.can(Permission.COMPLIANCE_WRITE));
    ctx.status(status);
    pages.render(ctx, step.template(), model);
  }

  private void saveStep(Context ctx) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    Product product = products.get(p.actor(), id);
    p.require(Permission.COMPLIANCE_WRITE);
    ComplianceStep step = ComplianceStep.of(ctx.pathParam("step"));
    var form = ComplianceForms.submitted(ctx);
    try {
      switch (step.slug()) {
        case "scope" -> {
          ScopeFacts f = ComplianceInput.scope(form::get);
          boolean in = ScopeRules.decide(f, product.manufacturerRole(), LocalDate.now()).inScope();
          compliance.saveScope(p.actor(), id, f, in);
        }
        case "classification" ->
            compliance.saveClassification(p.actor(), id, ComplianceInput.classification(form::get));
        case "support-period" ->
            compliance.saveSupportPlan(p.actor(), id, ComplianceInput.supportPlan(form::get));
        default -> documentation.save(p.actor(), id, ComplianceInput.documentation(form::get));
      }
    } catch (InvalidInputException | ConflictException e) {
      step(ctx, form, e.getMessage(), Problems.statusOf(e));
      return;
    }
    String next = "next".equals(form.get("then")) ? step.next(id) : ctx.path();
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void risk(
      Context ctx, @Nullable Map<String, String> submitted, String error, int status) {
    Principal p = signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    Product product = products.get(p.actor(), id);
    Release release = releases.get(p.actor(), id, rid);
    List<RiskAssessment> revisions = riskAssessments.list(p.actor(), id, rid);
    Map<String, String> v = submitted;
    if (v == null) {
      v =
          revisions.isEmpty()
              ? new HashMap<>(Map.of("intendedPurpose", product.intendedPurpose()))
              : ComplianceForms.of(revisions.getLast().content());
    }
    Map<String, Object> model = new HashMap<>();
    model.put(
        "page", PageInfo.of("Risk assessment · " + product.name() + " " + release.version(), p));
    model.put("product", product);
    model.put("release", release);
    model.put("revisions", revisions);
    model.put(
        "diff",
        revisions.size() < 2
            ? null
            : RiskAssessmentDiff.between(revisions.get(revisions.size() - 2), revisions.getLast()));
    model.put("v", v);
    model.put("error", error);
    model.put("canWrite", p.can(Permission.COMPLIANCE_WRITE));
    ctx.status(status);
    pages.render(ctx, "compliance/risk.jte", model);
  }

  private void saveRisk(Context ctx) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    releases.get(p.actor(), id, rid);
    p.require(Permission.COMPLIANCE_WRITE);
    var form = ComplianceForms.submitted(ctx);
    try {
      riskAssessments.create(
          p.actor(),
          id,
          rid,
          ComplianceInput.riskAssessment(form::get, ComplianceForms.requirements(form)));
    } catch (InvalidInputException e) {
      risk(ctx, form, e.getMessage(), 400);
      return;
    }
    ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
  }
}
