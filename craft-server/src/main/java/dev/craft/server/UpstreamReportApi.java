package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Upstream reports (Art. 13(6)) through the API; psirt and admin write, product readers read. */
final class UpstreamReportApi {
  private static final String BASE = "/api/v1/products/{id}/upstream-reports";

  private final UpstreamReports service;

  UpstreamReportApi(UpstreamReports service) {
    this.service = service;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/products/{id}/findings/{fid}/upstream-draft", this::proposal);
    r.get(BASE, this::list);
    r.post(BASE, this::create);
    r.get(BASE + "/{uid}", this::get);
    r.put(BASE + "/{uid}", this::update);
    r.put(BASE + "/{uid}/patch", this::attach);
    r.get(BASE + "/{uid}/patch", this::download);
  }

  private void proposal(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    var proposal =
        service.propose(
            p.actor(),
            Params.id(ctx, "id", "product"),
            Params.id(ctx, "fid", "finding"),
            p.displayName());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findingId", proposal.row().id());
    out.put("vulnerabilityId", proposal.row().vulnerabilityId());
    out.put(
        "component",
        Map.of(
            "purl", proposal.row().purl(),
            "name", proposal.row().name(),
            "version", proposal.row().version()));
    out.put("contacts", proposal.contacts());
    out.put("subject", proposal.subject());
    out.put("body", proposal.body());
    ctx.json(out);
  }

  private void list(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(Map.of("items", service.store().list(p.actor(), Params.id(ctx, "id", "product"))));
  }

  private void create(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    var b = Body.object(ctx);
    Long finding = Body.number(b, "findingId");
    if (finding == null) {
      throw new InvalidInputException("findingId: required");
    }
    ctx.status(201)
        .json(
            service.draft(
                p.actor(),
                Params.id(ctx, "id", "product"),
                finding,
                p.displayName(),
                Body.text(b, "contact"),
                Body.text(b, "subject"),
                Body.text(b, "body")));
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(
        service
            .store()
            .get(
                p.actor(),
                Params.id(ctx, "id", "product"),
                Params.id(ctx, "uid", "upstream report")));
  }

  private void update(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    var b = Body.object(ctx);
    var change =
        UpstreamReports.change(
            Body.text(b, "contact"),
            Body.text(b, "subject"),
            Body.text(b, "body"),
            Body.text(b, "status"),
            Body.text(b, "sentOn"),
            Body.text(b, "channel"),
            Body.text(b, "acknowledgedOn"),
            Body.text(b, "fixedOn"),
            Body.text(b, "fixUrl"));
    ctx.json(
        service
            .store()
            .update(
                p.actor(),
                Params.id(ctx, "id", "product"),
                Params.id(ctx, "uid", "upstream report"),
                change,
                LocalDate.now()));
  }

  private void attach(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    byte[] content = ctx.bodyAsBytes();
    if (content.length > UpstreamReports.MAX_PATCH_BYTES) {
      throw new InvalidInputException(
          "patch: larger than " + UpstreamReports.MAX_PATCH_BYTES + " bytes");
    }
    ctx.json(
        service
            .store()
            .attachPatch(
                p.actor(),
                Params.id(ctx, "id", "product"),
                Params.id(ctx, "uid", "upstream report"),
                UpstreamReports.patchName(ctx.queryParam("name")),
                content));
  }

  private void download(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long product = Params.id(ctx, "id", "product");
    long uid = Params.id(ctx, "uid", "upstream report");
    var row = service.store().get(p.actor(), product, uid);
    byte[] patch =
        service
            .store()
            .patch(p.actor(), product, uid)
            .orElseThrow(() -> new NotFoundException("patch of upstream report", uid));
    ctx.contentType("application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"" + row.patchName() + "\"")
        .header("X-Content-SHA256", row.patchSha256())
        .result(patch);
  }
}
