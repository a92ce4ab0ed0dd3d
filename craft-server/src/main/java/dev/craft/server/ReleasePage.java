package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.engine.QualityReport;
import dev.craft.store.FindingStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SbomRow;
import dev.craft.store.SbomStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release page: its SBOM with the quality verdicts, an upload form, the components with a
 * filter, the tree.
 */
final class ReleasePage {
  private final Pages pages;
  private final WebUi web;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final SbomStore sboms;
  private final SbomService service;
  private final FindingStore findings;
  private final AdvisorySources sources;
  private final TriageWiring triage;

  ReleasePage(
      Pages pages,
      WebUi web,
      ProductStore products,
      ReleaseStore releases,
      SbomStore sboms,
      SbomService service,
      FindingStore findings,
      TriageWiring triage,
      AdvisorySources sources) {
    this.sources = sources;
    this.triage = triage;
    this.pages = pages;
    this.web = web;
    this.products = products;
    this.releases = releases;
    this.sboms = sboms;
    this.service = service;
    this.findings = findings;
  }

  void routes(RoutesConfig r) {
    r.get("/products/{id}/releases/{rid}", this::page);
    r.post("/products/{id}/releases/{rid}/sbom", this::upload);
    r.get("/products/{id}/releases/{rid}/components", this::components);
  }

  private void page(Context ctx) {
    render(ctx, web.signedIn(ctx), "", 200);
  }

  private void render(Context ctx, Principal p, String error, int status) {
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    Product product = products.get(p.actor(), id);
    Release release = releases.get(p.actor(), id, rid);
    Optional<SbomRow> sbom = sboms.current(p.actor(), id, rid);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of(product.name() + " " + release.version(), p));
    model.put("product", product);
    model.put("release", release);
    model.put("error", error);
    model.put("sbom", sbom.orElse(null));
    if (sbom.isPresent()) {
      var inventory = sboms.inventory(sbom.get().id());
      List<QualityReport> quality = SbomService.quality(inventory);
      model.put("quality", quality);
      model.put("components", sboms.components(sbom.get().id(), "", false, 200, 0));
      model.put("tree", DependencyTree.of(inventory));
    } else {
      model.put("quality", List.of());
      model.put("components", List.of());
      model.put("tree", List.of());
    }
    // Findings of the current SBOM and manual ones (from CVD reports), which need no SBOM.
    var rows = findings.forRelease(p.actor(), id, rid);
    model.put("findings", rows);
    model.put("kevSources", sources.exploitedBy(rows)); // CISA KEV / EU exploited (ADR 081)
    Map<Long, Map<String, Object>> analysis = new HashMap<>();
    triage
        .queries()
        .forRelease(p.actor(), id, rid)
        .forEach(t -> analysis.put(t.findingId(), triage.view().analysis(t)));
    model.put("analysis", analysis);
    model.put("cvdReports", findings.cvdReports(rid));
    model.put("canTriage", p.can(Permission.VULNERABILITY_WRITE));
    model.put(
        "support",
        FindingText.support(
            findings.supportEnd(id),
            release.status() == dev.craft.core.ReleaseStatus.END_OF_SUPPORT));
    ctx.status(status);
    pages.render(ctx, "release.jte", model);
  }

  private void upload(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    releases.get(p.actor(), id, rid);
    p.require(Permission.RELEASE_WRITE);
    UploadedFile file = ctx.uploadedFile("sbom");
    if (file == null || file.size() == 0) {
      render(ctx, p, "Choose an SBOM file to upload.", 400);
      return;
    }
    byte[] content;
    try (InputStream in = file.content()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      service.upload(p.actor(), id, rid, content, "true".equals(ctx.formParam("replace")));
    } catch (SbomRejectedException e) {
      StringBuilder detail = new StringBuilder(e.getMessage());
      e.problems().stream()
          .limit(10)
          .forEach(x -> detail.append("\n").append(x.path()).append(": ").append(x.message()));
      render(ctx, p, detail.toString(), 400);
      return;
    } catch (InvalidInputException | dev.craft.core.ConflictException e) {
      render(ctx, p, e.getMessage(), Problems.statusOf(e));
      return;
    }
    ctx.redirect("/products/" + id + "/releases/" + rid, HttpStatus.SEE_OTHER);
  }

  /** htmx: the component table filtered by {@code q}. */
  private void components(Context ctx) {
    Principal p = web.signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    SbomRow sbom =
        sboms
            .current(p.actor(), id, rid)
            .orElseThrow(() -> new dev.craft.core.NotFoundException("SBOM of release", rid));
    String q = ctx.queryParam("q");
    pages.render(
        ctx,
        "components.jte",
        Map.of(
            "components",
            sboms.components(
                sbom.id(), q == null ? "" : q.strip(), Params.flag(ctx, "direct"), 200, 0),
            "total",
            sbom.componentCount()));
  }
}
