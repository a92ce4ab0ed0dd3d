package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.formats.VexFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * VEX import (statements become triage decisions) and export (findings and their decisions as
 * OpenVEX, CycloneDX or CSAF), through the API and the release page.
 */
final class VexApi {
  private static final String PRODUCT = "/api/v1/products/{id}/vex";
  private static final String RELEASE = "/api/v1/products/{id}/releases/{rid}/vex";

  private final VexService service;
  private final Pages pages;
  private final WebUi web;

  VexApi(VexService service, Pages pages, WebUi web) {
    this.service = service;
    this.pages = pages;
    this.web = web;
  }

  void routes(RoutesConfig r) {
    r.post(PRODUCT, ctx -> importApi(ctx, 0));
    r.post(RELEASE, ctx -> importApi(ctx, Params.id(ctx, "rid", "release")));
    r.get(PRODUCT, ctx -> export(ctx, 0));
    r.get(RELEASE, ctx -> export(ctx, Params.id(ctx, "rid", "release")));
    r.post("/products/{id}/releases/{rid}/vex", this::importPage);
  }

  private void importApi(Context ctx, long releaseId) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    p.require(Permission.PRODUCT_READ);
    if (releaseId == 0) {
      String release = ctx.queryParam("release");
      if (release != null && !release.isBlank()) {
        try {
          releaseId = Long.parseLong(release.strip());
        } catch (NumberFormatException e) {
          throw new InvalidInputException("release: must be a release id");
        }
      }
    }
    var report = service.importVex(p.actor(), id, releaseId, body(ctx, p));
    ctx.json(report);
  }

  /** The document, after the permission check (so that a reader learns nothing from the body). */
  private static byte[] body(Context ctx, Principal p) {
    p.require(Permission.VULNERABILITY_WRITE);
    byte[] body = ctx.bodyAsBytes();
    if (body.length > VexService.MAX_BYTES) {
      throw new InvalidInputException(
          "document too large: " + body.length + " bytes, the limit is " + VexService.MAX_BYTES);
    }
    return body;
  }

  private void export(Context ctx, long releaseId) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    String raw = ctx.queryParam("format");
    VexFormat format = VexFormat.of(raw == null || raw.isBlank() ? "openvex" : raw.strip());
    byte[] bytes = service.export(p.actor(), id, releaseId, format);
    String name =
        "vex-product-"
            + id
            + (releaseId == 0 ? "" : "-release-" + releaseId)
            + switch (format) {
              case OPENVEX -> ".openvex.json";
              case CYCLONEDX -> ".cdx.json";
              case CSAF -> ".csaf.json";
            };
    ctx.contentType(
            format == VexFormat.CYCLONEDX ? "application/vnd.cyclonedx+json" : "application/json")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .result(bytes);
  }

  /** The release page's form: upload, import, and show the report. */
  private void importPage(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    p.require(Permission.VULNERABILITY_WRITE);
    UploadedFile file = ctx.uploadedFile("vex");
    if (file == null || file.size() == 0) {
      throw new InvalidInputException("Choose a VEX document to import.");
    }
    if (file.size() > VexService.MAX_BYTES) {
      throw new InvalidInputException(
          "document too large: " + file.size() + " bytes, the limit is " + VexService.MAX_BYTES);
    }
    byte[] content;
    try (InputStream in = file.content()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean wholeProduct = "product".equals(ctx.formParam("scope"));
    var report = service.importVex(p.actor(), id, wholeProduct ? 0 : rid, content);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("VEX import", p));
    model.put("productId", id);
    model.put("releaseId", rid);
    model.put("report", report);
    pages.render(ctx, "vex-import.jte", model);
  }
}
