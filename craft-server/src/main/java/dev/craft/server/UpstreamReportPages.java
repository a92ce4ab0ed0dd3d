package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.store.ProductStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream-report pages: per finding (draft from the finding), per report (mark sent,
 * acknowledged, fixed; attach the patch) and the list per product.
 */
final class UpstreamReportPages {
  private final Pages pages;
  private final WebUi web;
  private final ProductStore products;
  private final UpstreamReports service;

  UpstreamReportPages(Pages pages, WebUi web, ProductStore products, UpstreamReports service) {
    this.pages = pages;
    this.web = web;
    this.products = products;
    this.service = service;
  }

  void routes(RoutesConfig r) {
    r.get("/products/{id}/upstream-reports", this::list);
    r.get("/products/{id}/findings/{fid}/upstream", this::forFinding);
    r.post("/products/{id}/findings/{fid}/upstream", this::draft);
    r.get("/products/{id}/upstream-reports/{uid}", this::detail);
    r.post("/products/{id}/upstream-reports/{uid}", this::update);
    r.post("/products/{id}/upstream-reports/{uid}/patch", this::attach);
  }

  private void list(Context ctx) {
    Principal p = web.signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    var product = products.get(p.actor(), id);
    pages.render(
        ctx,
        "upstream-reports.jte",
        Map.of(
            "page",
            PageInfo.of("Upstream reports of " + product.name(), p),
            "product",
            product,
            "reports",
            service.store().list(p.actor(), id)));
  }

  private void forFinding(Context ctx) {
    Principal p = web.signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    long fid = Params.id(ctx, "fid", "finding");
    var product = products.get(p.actor(), id);
    var proposal = service.propose(p.actor(), id, fid, p.displayName());
    Map<String, String> contacts = new LinkedHashMap<>();
    proposal.contacts().forEach(c -> contacts.putIfAbsent(c.value(), c.source()));
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Upstream report for " + proposal.row().vulnerabilityId(), p));
    model.put("product", product);
    model.put("finding", proposal.row());
    model.put("releaseId", proposal.finding().releaseId());
    model.put("contacts", contacts);
    model.put("subject", proposal.subject());
    model.put("body", proposal.body());
    model.put("reports", service.store().forFinding(p.actor(), id, fid));
    pages.render(ctx, "upstream-draft.jte", model);
  }

  private void draft(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "product");
    var row =
        service.draft(
            p.actor(),
            id,
            Params.id(ctx, "fid", "finding"),
            p.displayName(),
            ctx.formParam("contact"),
            ctx.formParam("subject"),
            ctx.formParam("body"));
    ctx.redirect("/products/" + id + "/upstream-reports/" + row.id(), HttpStatus.SEE_OTHER);
  }

  private void detail(Context ctx) {
    Principal p = web.signedIn(ctx);
    render(ctx, p, "", 200);
  }

  private void render(Context ctx, Principal p, String error, int status) {
    long id = Params.id(ctx, "id", "product");
    var product = products.get(p.actor(), id);
    var row = service.store().get(p.actor(), id, Params.id(ctx, "uid", "upstream report"));
    ctx.status(status);
    pages.render(
        ctx,
        "upstream-report.jte",
        Map.of(
            "page", PageInfo.of("Upstream report " + row.id(), p),
            "product", product,
            "report", row,
            "error", error,
            "today", LocalDate.now().toString()));
  }

  private void update(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "product");
    long uid = Params.id(ctx, "uid", "upstream report");
    try {
      service
          .store()
          .update(
              p.actor(),
              id,
              uid,
              UpstreamReports.change(
                  ctx.formParam("contact"),
                  ctx.formParam("subject"),
                  ctx.formParam("body"),
                  ctx.formParam("status"),
                  ctx.formParam("sentOn"),
                  ctx.formParam("channel"),
                  ctx.formParam("acknowledgedOn"),
                  ctx.formParam("fixedOn"),
                  ctx.formParam("fixUrl")),
              LocalDate.now());
    } catch (InvalidInputException | dev.craft.core.ConflictException e) {
      render(ctx, p, String.valueOf(e.getMessage()), Problems.statusOf(e));
      return;
    }
    ctx.redirect("/products/" + id + "/upstream-reports/" + uid, HttpStatus.SEE_OTHER);
  }

  private void attach(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "product");
    long uid = Params.id(ctx, "uid", "upstream report");
    UploadedFile file = ctx.uploadedFile("patch");
    if (file == null || file.size() == 0) {
      render(ctx, p, "Choose the patch file to attach.", 400);
      return;
    }
    if (file.size() > UpstreamReports.MAX_PATCH_BYTES) {
      render(
          ctx, p, "The patch is larger than " + UpstreamReports.MAX_PATCH_BYTES + " bytes.", 400);
      return;
    }
    byte[] content;
    try (InputStream in = file.content()) {
      content = in.readNBytes(UpstreamReports.MAX_PATCH_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service
        .store()
        .attachPatch(p.actor(), id, uid, UpstreamReports.patchName(file.filename()), content);
    ctx.redirect("/products/" + id + "/upstream-reports/" + uid, HttpStatus.SEE_OTHER);
  }
}
