package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.store.ProductStore;
import dev.craft.store.TriageInput;
import dev.craft.store.TriageQueries;
import dev.craft.store.TriageStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The portfolio inbox page and the triage form on the release page. */
final class TriagePages {
  static final int PAGE_SIZE = 50;

  private final Pages pages;
  private final WebUi web;
  private final ProductStore products;
  private final TriageStore store;
  private final TriageQueries queries;
  private final TriageView view;
  private final TriageBulk bulk;

  TriagePages(
      Pages pages,
      WebUi web,
      ProductStore products,
      TriageStore store,
      TriageQueries queries,
      TriageView view) {
    this.pages = pages;
    this.web = web;
    this.products = products;
    this.store = store;
    this.queries = queries;
    this.view = view;
    this.bulk = new TriageBulk(store, queries);
  }

  void routes(RoutesConfig r) {
    r.get("/inbox", this::inbox);
    r.post("/products/{id}/releases/{rid}/findings/{fid}/analysis", this::decide);
    r.get("/products/{id}/triage", this::productTriage);
    r.post("/products/{id}/triage", this::decideMany);
  }

  /** The product's findings across its current releases, with bulk actions. */
  private void productTriage(Context ctx) {
    Principal p = web.signedIn(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    var product = products.get(p.actor(), id);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String state = ctx.queryParam("state");
    state = state == null ? "" : state.strip();
    var page = queries.inbox(p.actor(), id, state, PAGE_SIZE, offset);
    List<Map<String, Object>> items = new ArrayList<>();
    page.items().forEach(f -> items.add(view.item(f)));
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Triage: " + product.name(), p));
    model.put("product", product);
    model.put("items", items);
    model.put("total", page.total());
    model.put("offset", offset);
    model.put("pageSize", PAGE_SIZE);
    model.put("state", state);
    model.put("states", TriageInput.STATES);
    model.put("canWrite", p.can(Permission.VULNERABILITY_WRITE));
    model.put("updated", Params.integer(ctx, "updated", -1, -1, TriageBulk.MAX));
    pages.render(ctx, "triage.jte", model);
  }

  private void decideMany(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    List<Long> ids = new ArrayList<>();
    for (String v : ctx.formParams("finding")) {
      try {
        ids.add(Long.parseLong(v.strip()));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("finding: " + v + " is not a finding id");
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException("select at least one finding");
    }
    int updated = bulk.decide(p.actor(), id, ids, formInput(ctx)).size();
    String back = form(ctx, "back");
    ctx.redirect(
        "/products/"
            + id
            + "/triage?updated="
            + updated
            + (TriageInput.STATES.contains(back) ? "&state=" + back : ""),
        HttpStatus.SEE_OTHER);
  }

  private void inbox(Context ctx) {
    Principal p = web.signedIn(ctx);
    p.require(Permission.PRODUCT_READ);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String state = ctx.queryParam("state");
    state = state == null ? "" : state.strip();
    var page = queries.inbox(p.actor(), state, PAGE_SIZE, offset);
    List<Map<String, Object>> items = new ArrayList<>();
    page.items().forEach(f -> items.add(view.item(f)));
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Findings inbox", p));
    model.put("items", items);
    model.put("total", page.total());
    model.put("offset", offset);
    model.put("pageSize", PAGE_SIZE);
    model.put("state", state);
    model.put("states", TriageInput.STATES);
    pages.render(ctx, "inbox.jte", model);
  }

  private void decide(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    long fid = Params.id(ctx, "fid", "finding");
    products.get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    store.decide(p.actor(), id, fid, formInput(ctx));
    ctx.redirect("/products/" + id + "/releases/" + rid + "#finding-" + fid, HttpStatus.SEE_OTHER);
  }

  /** The decision of a triage form (one finding's, or the bulk form, which has no range). */
  private static TriageInput formInput(Context ctx) {
    String response = form(ctx, "response");
    return new TriageInput(
        form(ctx, "state"),
        form(ctx, "justification"),
        response.isEmpty() ? List.of() : List.of(response),
        form(ctx, "detail"),
        form(ctx, "assignee"),
        form(ctx, "comment"),
        form(ctx, "scope").isEmpty() ? "release" : form(ctx, "scope"),
        form(ctx, "from"),
        form(ctx, "to"),
        List.of());
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
