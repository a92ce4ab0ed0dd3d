package dev.craft.server;

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
  }

  void routes(RoutesConfig r) {
    r.get("/inbox", this::inbox);
    r.post("/products/{id}/releases/{rid}/findings/{fid}/analysis", this::decide);
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
    String response = form(ctx, "response");
    var input =
        new TriageInput(
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
    store.decide(p.actor(), id, fid, input);
    ctx.redirect("/products/" + id + "/releases/" + rid + "#finding-" + fid, HttpStatus.SEE_OTHER);
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
