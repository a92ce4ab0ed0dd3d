package dev.craft.server;

import dev.craft.core.EssentialRequirements;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.RiskAssessment;
import dev.craft.core.RiskAssessmentDiff;
import dev.craft.store.ReleaseStore;
import dev.craft.store.RiskAssessmentStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/products/{id}/releases/{rid}/risk-assessments}: immutable revisions of a release's
 * cybersecurity risk assessment (Art. 13(2)–(4)) and the diff between two of them; plus the
 * essential requirements of Annex I as data.
 */
final class RiskAssessmentApi {
  private static final String BASE = "/api/v1/products/{id}/releases/{rid}/risk-assessments";

  private final ReleaseStore releases;
  private final RiskAssessmentStore store;

  RiskAssessmentApi(ReleaseStore releases, RiskAssessmentStore store) {
    this.releases = releases;
    this.store = store;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/essential-requirements", this::requirements);
    r.get(BASE, this::list);
    r.post(BASE, this::create);
    r.get(BASE + "/diff", this::diff);
    r.get(BASE + "/{revision}", this::get);
  }

  private void requirements(Context ctx) {
    Auth.principalOf(ctx).require(Permission.PRODUCT_READ);
    ctx.json(Map.of("items", EssentialRequirements.all()));
  }

  private void list(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    List<RiskAssessment> all =
        store.list(p.actor(), Params.id(ctx, "id", "product"), Params.id(ctx, "rid", "release"));
    ctx.json(Map.of("items", all));
  }

  private void create(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    releases.get(p.actor(), id, rid);
    p.require(Permission.COMPLIANCE_WRITE);
    var body = Body.object(ctx);
    var draft =
        ComplianceInput.riskAssessment(
            ComplianceInput.json(body), ComplianceInput.requirements(body));
    RiskAssessment saved = store.create(p.actor(), id, rid, draft);
    ctx.status(201)
        .header(
            "Location",
            "/api/v1/products/" + id + "/releases/" + rid + "/risk-assessments/" + saved.revision())
        .json(saved);
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(
        store.get(
            p.actor(),
            Params.id(ctx, "id", "product"),
            Params.id(ctx, "rid", "release"),
            revision(ctx.pathParam("revision"), "revision")));
  }

  /** {@code ?from=1&to=2}; without them, the last two revisions. */
  private void diff(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    List<RiskAssessment> all = store.list(p.actor(), id, rid);
    String from = ctx.queryParam("from");
    String to = ctx.queryParam("to");
    if (from == null && to == null) {
      if (all.size() < 2) {
        throw new InvalidInputException(
            "a diff needs two revisions; this release has " + all.size());
      }
      ctx.json(RiskAssessmentDiff.between(all.get(all.size() - 2), all.getLast()));
      return;
    }
    if (from == null || to == null) {
      throw new InvalidInputException("give both from and to, or neither");
    }
    RiskAssessment a = store.get(p.actor(), id, rid, revision(from, "from"));
    RiskAssessment b = store.get(p.actor(), id, rid, revision(to, "to"));
    ctx.json(RiskAssessmentDiff.between(a, b));
  }

  private static int revision(String raw, String name) {
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < 1) {
        throw new InvalidInputException(name + ": revisions count from 1");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + ": must be a revision number");
    }
  }
}
