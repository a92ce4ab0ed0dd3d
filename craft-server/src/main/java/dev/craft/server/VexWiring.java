package dev.craft.server;

import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SbomStore;
import dev.craft.store.TriageImport;
import dev.craft.store.VexQueries;
import io.javalin.config.RoutesConfig;
import org.jdbi.v3.core.Jdbi;

/** VEX import and export (docs/vex.md), built once so that CraftServer stays a list of parts. */
record VexWiring(VexService service, VexApi api) {
  static VexWiring create(
      Jdbi jdbi,
      ProductStore products,
      ReleaseStore releases,
      SbomStore sboms,
      Pages pages,
      WebUi web,
      CsafSettings csaf) {
    var service =
        new VexService(
            products, releases, sboms, new VexQueries(jdbi), new TriageImport(jdbi), csaf);
    return new VexWiring(service, new VexApi(service, pages, web));
  }

  void routes(RoutesConfig r) {
    api.routes(r);
  }
}
