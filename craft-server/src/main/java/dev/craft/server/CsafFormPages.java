package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.formats.CsafProblem;
import dev.craft.store.CraftJson;
import dev.craft.store.CsafRevisionStore;
import dev.craft.store.CsafRevisionStore.RevisionRow;
import dev.craft.store.CsafStore;
import dev.craft.store.CsafStore.CsafRow;
import dev.craft.store.CvdStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PSIRT's authoring pages: write an advisory (from a finding or from scratch), edit the draft
 * or the revision being edited with the validator's problems shown inline and a readable preview,
 * publish, and start a revision of a published advisory.
 */
final class CsafFormPages {
  private final Pages pages;
  private final WebUi web;
  private final CsafService service;
  private final CsafStore store;
  private final CsafRevisionStore revisions;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final CsafFindingPrefill prefill;
  private final CvdStore cvd;

  CsafFormPages(
      Pages pages,
      WebUi web,
      CsafService service,
      CsafStore store,
      CsafRevisionStore revisions,
      ProductStore products,
      ReleaseStore releases,
      CsafFindingPrefill prefill,
      CvdStore cvd) {
    this.pages = pages;
    this.web = web;
    this.service = service;
    this.store = store;
    this.revisions = revisions;
    this.products = products;
    this.releases = releases;
    this.prefill = prefill;
    this.cvd = cvd;
  }

  /** Registered before {@link CsafPages#routes}, whose {@code /csaf/{trackingId}} would match. */
  void routes(RoutesConfig r) {
    r.get("/csaf/new", this::newForm);
    r.post("/csaf/new", this::create);
    r.get("/csaf/cvss", ctx -> ctx.html(escape(CsafForm.score(CsafForm.query(ctx, "cvssV3")))));
    r.get("/csaf/{trackingId}/edit", ctx -> edit(ctx, psirt(ctx), "", List.of(), 200));
    r.post("/csaf/{trackingId}/edit", this::save);
    r.post("/csaf/{trackingId}/publish", this::publish);
    r.post("/csaf/{trackingId}/revise", this::revise);
    r.post("/csaf/{trackingId}/discard", this::discard);
  }

  private void newForm(Context ctx) {
    Principal p = psirt(ctx);
    String product = CsafForm.query(ctx, "product");
    if (product.isEmpty()) {
      Map<String, Object> model = new HashMap<>();
      model.put("page", PageInfo.of("New CSAF advisory", p));
      model.put("products", products.list(p.actor(), false, 500, 0));
      model.put("report", CsafForm.query(ctx, "report"));
      pages.render(ctx, "csaf-new.jte", model);
      return;
    }
    long productId = CsafForm.id(product, "product");
    Product prod = products.get(p.actor(), productId);
    ObjectNode input = CraftJson.mapper().createObjectNode();
    String finding = CsafForm.query(ctx, "finding");
    if (!finding.isEmpty()) {
      input =
          prefill.fromFinding(
              p.actor(),
              prod,
              CsafForm.id(CsafForm.query(ctx, "release"), "release"),
              CsafForm.id(finding, "finding"));
    }
    String report = CsafForm.query(ctx, "report");
    if (report.isEmpty() && !finding.isEmpty()) {
      // A finding recorded from a CVD report credits that report's reporter.
      report =
          prefill
              .cvdReportOf(
                  CsafForm.id(CsafForm.query(ctx, "release"), "release"),
                  CsafForm.id(finding, "finding"))
              .map(String::valueOf)
              .orElse("");
    }
    if (!report.isEmpty()) {
      // Credit as the reporter asked on the CVD form; an empty credit means no public credit.
      String credit = cvd.get(CsafForm.id(report, "report")).creditAs().strip();
      ObjectNode v = CsafForm.firstVulnerability(input);
      if (!credit.isEmpty()) {
        (v.get("acknowledgements") instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                ? a
                : v.putArray("acknowledgements"))
            .add(credit);
      }
    }
    render(ctx, p, prod, Optional.empty(), input, "", List.of(), 200);
  }

  private void create(Context ctx) {
    Principal p = psirt(ctx);
    WebUi.requireCsrf(ctx, p);
    long productId = CsafForm.id(CsafForm.value(ctx, "product"), "product");
    Product prod = products.get(p.actor(), productId);
    ObjectNode input = CraftJson.mapper().createObjectNode();
    try {
      input = CsafForm.input(ctx, input, productId, releases.list(p.actor(), productId));
      CsafRow row = service.create(p.actor(), input);
      ctx.redirect("/csaf/" + row.trackingId() + "/edit", HttpStatus.SEE_OTHER);
    } catch (InvalidInputException e) {
      render(ctx, p, prod, Optional.empty(), input, e.getMessage(), List.of(), 400);
    }
  }

  private void save(Context ctx) {
    Principal p = psirt(ctx);
    WebUi.requireCsrf(ctx, p);
    CsafRow row = row(ctx);
    ObjectNode input = currentInput(row);
    try {
      input =
          CsafForm.input(ctx, input, row.productId(), releases.list(p.actor(), row.productId()));
      if (row.published()) {
        input.put("revisionSummary", CsafForm.value(ctx, "revisionSummary"));
      }
      service.update(p.actor(), row.id(), input);
      ctx.redirect("/csaf/" + row.trackingId() + "/edit", HttpStatus.SEE_OTHER);
    } catch (InvalidInputException e) {
      input.remove("revisionSummary");
      Product prod = products.get(p.actor(), row.productId());
      render(ctx, p, prod, Optional.of(row), input, e.getMessage(), List.of(), 400);
    }
  }

  private void publish(Context ctx) {
    Principal p = psirt(ctx);
    WebUi.requireCsrf(ctx, p);
    CsafRow row = row(ctx);
    try {
      service.publish(p.actor(), row.id());
      ctx.redirect("/csaf/" + row.trackingId(), HttpStatus.SEE_OTHER);
    } catch (CsafService.ValidationFailed e) {
      edit(ctx, p, "Not published: the document fails CSAF validation.", e.problems(), 400);
    }
  }

  private void revise(Context ctx) {
    Principal p = psirt(ctx);
    WebUi.requireCsrf(ctx, p);
    CsafRow row = row(ctx);
    ObjectNode body = CraftJson.mapper().createObjectNode();
    body.put("summary", CsafForm.value(ctx, "summary"));
    service.revise(p.actor(), row.id(), body);
    ctx.redirect("/csaf/" + row.trackingId() + "/edit", HttpStatus.SEE_OTHER);
  }

  private void discard(Context ctx) {
    Principal p = psirt(ctx);
    WebUi.requireCsrf(ctx, p);
    CsafRow row = row(ctx);
    revisions.discard(p.actor(), row.id());
    ctx.redirect("/csaf/" + row.trackingId(), HttpStatus.SEE_OTHER);
  }

  private void edit(Context ctx, Principal p, String error, List<CsafProblem> shown, int status) {
    CsafRow row = row(ctx);
    if (row.published() && revisions.findDraft(row.id()).isEmpty()) {
      ctx.redirect("/csaf/" + row.trackingId(), HttpStatus.SEE_OTHER);
      return;
    }
    Product prod = products.get(p.actor(), row.productId());
    List<CsafProblem> problems = shown.isEmpty() ? service.check(row) : shown;
    render(ctx, p, prod, Optional.of(row), currentInput(row), error, problems, status);
  }

  private void render(
      Context ctx,
      Principal p,
      Product product,
      Optional<CsafRow> row,
      JsonNode input,
      String error,
      List<CsafProblem> problems,
      int status) {
    var values = CsafForm.values(input);
    List<CsafForm.ReleaseChoice> choices = new ArrayList<>();
    for (Release r : releases.list(p.actor(), product.id())) {
      choices.add(
          new CsafForm.ReleaseChoice(
              r.id(),
              r.version(),
              service.identifiers(p.actor(), r),
              values.statuses().getOrDefault(r.id(), "")));
    }
    Optional<RevisionRow> revision = row.flatMap(x -> revisions.findDraft(x.id()));
    Map<String, Object> model = new HashMap<>();
    String title = row.map(x -> "Edit " + x.trackingId()).orElse("New CSAF advisory");
    model.put("page", PageInfo.of(title, p));
    model.put("product", product);
    model.put("trackingId", row.map(CsafRow::trackingId).orElse(""));
    model.put("action", row.map(x -> "/csaf/" + x.trackingId() + "/edit").orElse("/csaf/new"));
    model.put("values", values);
    model.put("releases", choices);
    model.put("error", error);
    model.put("problems", problems);
    model.put("score", CsafForm.score(values.cvss()));
    model.put("notesHint", input.path("notesHint").asText(""));
    model.put("revision", revision.map(RevisionRow::number).orElse(""));
    model.put("revisionSummary", revision.map(RevisionRow::summary).orElse(""));
    JsonNode doc =
        revision
            .map(r -> CsafService.parse(r.document()))
            .or(() -> row.map(x -> CsafService.parse(x.document())))
            .orElse(CraftJson.mapper().createObjectNode());
    model.put("preview", CsafPages.vulnerabilities(doc));
    model.put("previewSummary", doc.at("/document/notes/0/text").asText(""));
    model.put("extraVulnerabilities", Math.max(0, input.path("vulnerabilities").size() - 1));
    ctx.status(status);
    pages.render(ctx, "csaf-form.jte", model);
  }

  private ObjectNode currentInput(CsafRow row) {
    return revisions
        .findDraft(row.id())
        .map(r -> CsafService.parse(r.input()))
        .orElseGet(() -> CsafService.parse(row.input()));
  }

  private CsafRow row(Context ctx) {
    String id = ctx.pathParam("trackingId");
    return (id.length() > 80 ? Optional.<CsafRow>empty() : store.findByTrackingId(id))
        .orElseThrow(() -> new NotFoundException("CSAF advisory", id));
  }

  private Principal psirt(Context ctx) {
    Principal p = web.signedIn(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    return p;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
