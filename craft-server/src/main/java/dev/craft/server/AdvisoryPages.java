package dev.craft.server;

import dev.craft.core.NotFoundException;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.FeedStateStore;
import dev.craft.store.FindingStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /advisories}: search by id or alias, and one advisory with every affected release. */
final class AdvisoryPages {
  private final Pages pages;
  private final WebUi web;
  private final AdvisoryStore advisories;
  private final FindingStore findings;
  private final AdvisorySources sources;
  private final FeedStateStore feedState;

  AdvisoryPages(
      Pages pages,
      WebUi web,
      AdvisoryStore advisories,
      FindingStore findings,
      AdvisorySources sources,
      FeedStateStore feedState) {
    this.sources = sources;
    this.feedState = feedState;
    this.pages = pages;
    this.web = web;
    this.advisories = advisories;
    this.findings = findings;
  }

  void routes(RoutesConfig r) {
    r.get("/advisories", this::search);
    r.get("/advisories/{aid}", this::advisory);
  }

  private void search(Context ctx) {
    Principal p = web.signedIn(ctx);
    String q = ctx.queryParam("q");
    q = q == null ? "" : q.strip();
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Advisories", p));
    model.put("q", q);
    model.put("results", q.isEmpty() ? List.of() : advisories.search(q, 100));
    model.put("feeds", feedState.all());
    pages.render(ctx, "advisories.jte", model);
  }

  private void advisory(Context ctx) {
    Principal p = web.signedIn(ctx);
    String id = ctx.pathParam("aid");
    var a = advisories.find(id).orElseThrow(() -> new NotFoundException("advisory", id));
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of(id, p));
    model.put("advisory", a);
    model.put("aliases", advisories.aliases(id));
    model.put("affected", findings.affectedReleases(p.actor(), Set.of(id)));
    var ids = sources.idsOf(id);
    model.put("nvd", sources.nvd(ids));
    model.put("euvd", sources.euvd(ids));
    pages.render(ctx, "advisory.jte", model);
  }
}
