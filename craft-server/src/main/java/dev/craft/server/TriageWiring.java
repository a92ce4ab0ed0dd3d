package dev.craft.server;

import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.TriageQueries;
import dev.craft.store.TriageStore;
import io.javalin.config.RoutesConfig;
import org.jdbi.v3.core.Jdbi;

/** The triage parts (ADR 095), built once so that CraftServer stays a list of parts. */
record TriageWiring(
    TriageStore store, TriageQueries queries, TriageView view, TriageApi api, TriagePages pages) {

  static TriageWiring create(
      Jdbi jdbi,
      ProductStore products,
      ReleaseStore releases,
      Pages pages,
      WebUi web,
      TriageSettings settings) {
    var store = new TriageStore(jdbi);
    var queries = new TriageQueries(jdbi);
    var view = new TriageView(settings);
    return new TriageWiring(
        store,
        queries,
        view,
        new TriageApi(store, queries, view, releases),
        new TriagePages(pages, web, products, store, queries, view));
  }

  void routes(RoutesConfig r) {
    api.routes(r);
    pages.routes(r);
  }
}
