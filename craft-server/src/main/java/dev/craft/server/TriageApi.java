package dev.craft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.store.ReleaseStore;
import dev.craft.store.TriageQueries;
import dev.craft.store.TriageStore;
import dev.craft.store.TriagedFinding;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Triage decisions on findings, the portfolio inbox and the release gate. */
final class TriageApi {
  private final TriageStore store;
  private final TriageQueries queries;
  private final TriageView view;
  private final ReleaseStore releases;
  private final TriageBulk bulk;

  TriageApi(TriageStore store, TriageQueries queries, TriageView view, ReleaseStore releases) {
    this.store = store;
    this.queries = queries;
    this.view = view;
    this.releases = releases;
    this.bulk = new TriageBulk(store, queries);
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/findings", this::inbox);
    r.get("/api/v1/products/{id}/findings/{fid}/analysis", this::get);
    r.put("/api/v1/products/{id}/findings/{fid}/analysis", this::decide);
    r.get("/api/v1/products/{id}/findings/{fid}/analysis/history", this::history);
    r.post("/api/v1/products/{id}/findings/analysis", this::decideMany);
    r.get("/api/v1/products/{id}/releases/{rid}/gate", this::gate);
  }

  private TriagedFinding finding(Context ctx, Principal p) {
    long id = Params.id(ctx, "id", "product");
    long fid = Params.id(ctx, "fid", "finding");
    return queries
        .finding(p.actor(), id, fid)
        .orElseThrow(() -> new NotFoundException("finding", fid));
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(view.item(finding(ctx, p)));
  }

  private void decide(Context ctx) {
    var p = Auth.principalOf(ctx);
    TriagedFinding f = finding(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    store.decide(p.actor(), f.productId(), f.findingId(), TriageView.input(Body.object(ctx)));
    ctx.json(view.item(finding(ctx, p)));
  }

  /**
   * One decision for several findings of a product (bulk triage): every finding is checked first,
   * so an unknown id or an invalid decision changes nothing; each finding then gets its own audited
   * decision.
   */
  private void decideMany(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    p.require(Permission.VULNERABILITY_WRITE);
    ObjectNode body = Body.object(ctx);
    List<Long> ids = TriageView.findingIds(body);
    var input = TriageView.input(body);
    List<Map<String, Object>> items = new ArrayList<>();
    for (TriagedFinding f : bulk.decide(p.actor(), id, ids, input)) {
      items.add(view.item(f));
    }
    ctx.json(Map.of("updated", items.size(), "items", items));
  }

  private void history(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    TriagedFinding f = finding(ctx, p);
    ctx.json(
        Map.of(
            "items", TriageView.history(store.history(p.actor(), f.productId(), f.findingId()))));
  }

  private void inbox(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String state = ctx.queryParam("state");
    long product = Params.integer(ctx, "product", 0, 0, Integer.MAX_VALUE);
    var page = queries.inbox(p.actor(), product, state == null ? "" : state.strip(), limit, offset);
    List<Map<String, Object>> items = new ArrayList<>();
    page.items().forEach(f -> items.add(view.item(f)));
    ctx.json(Map.of("items", items, "total", page.total(), "limit", limit, "offset", offset));
  }

  private void gate(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    var release = releases.get(p.actor(), id, rid);
    List<Map<String, Object>> blocking = new ArrayList<>();
    for (TriagedFinding f : queries.blockers(p.actor(), id, rid)) {
      Map<String, Object> b = view.item(f);
      b.put("reason", f.blocksRelease().orElse(""));
      blocking.add(b);
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("productId", id);
    v.put("releaseId", rid);
    v.put("release", release.version());
    v.put("verdict", blocking.isEmpty() ? "clear" : "blocked");
    v.put(
        "rule",
        "Annex I Part I (2)(a): no exploitable findings and no KEV findings without a recorded"
            + " mitigation");
    v.put("blocking", blocking);
    ctx.json(v);
  }
}
