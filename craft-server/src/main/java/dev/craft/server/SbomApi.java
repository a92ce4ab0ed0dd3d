package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.engine.QualityProfiles;
import dev.craft.formats.SbomTarget;
import dev.craft.formats.SbomWriter;
import dev.craft.store.SbomRow;
import dev.craft.store.SbomStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/products/{id}/releases/{rid}/sbom}: upload, read, components, quality, original
 * bytes.
 */
final class SbomApi {
  static final String BASE = "/api/v1/products/{id}/releases/{rid}/sbom";

  private final SbomService service;
  private final SbomStore store;

  SbomApi(SbomService service, SbomStore store) {
    this.service = service;
    this.store = store;
  }

  void routes(RoutesConfig r) {
    r.post(BASE, this::upload);
    r.get(BASE, this::get);
    r.get(BASE + "/components", this::components);
    r.get(BASE + "/quality", this::quality);
    r.get(BASE + "/history", this::history);
  }

  private void upload(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    store.history(p.actor(), id, rid);
    p.require(Permission.RELEASE_WRITE);
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new InvalidInputException("request body: empty; send the SBOM document as the body");
    }
    var upload = service.upload(p.actor(), id, rid, body, Params.flag(ctx, "replace"));
    ctx.status(201).header("Location", "/api/v1/products/" + id + "/releases/" + rid + "/sbom");
    ctx.json(view(upload.sbom(), upload.quality()));
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    SbomRow row = current(ctx, p);
    String format = ctx.queryParam("format");
    if ("original".equals(format)) {
      ctx.contentType(
              row.format().equals("spdx") && row.encoding().equals("tag-value")
                  ? "text/plain"
                  : contentTypeOf(row))
          .header(
              "Content-Disposition",
              "attachment; filename=\"sbom-" + row.releaseId() + "." + extension(row) + "\"")
          .header("X-Content-SHA256", row.sha256())
          .result(store.original(row.id()));
      return;
    }
    if (format != null && SbomTarget.ids().contains(format)) {
      export(ctx, row, SbomTarget.fromId(format), "xml".equals(ctx.queryParam("encoding")));
      return;
    }
    if (format != null && !format.isEmpty() && !format.equals("json")) {
      throw new InvalidInputException(
          "format: json, original or one of " + String.join(", ", SbomTarget.ids()));
    }
    ctx.json(view(row, SbomService.quality(store.inventory(row.id()))));
  }

  /**
   * The stored inventory written in another standard: CycloneDX 1.6/1.7 (JSON or XML), SPDX 2.3,
   * SPDX 3.0.1.
   */
  private void export(Context ctx, SbomRow row, SbomTarget target, boolean xml) {
    if (xml && target.format() != dev.craft.core.SbomFormat.CYCLONEDX) {
      throw new InvalidInputException("encoding: xml is available for CycloneDX only");
    }
    var inventory = store.inventory(row.id());
    byte[] bytes =
        xml ? SbomWriter.writeXml(inventory, target) : SbomWriter.write(inventory, target);
    String extension =
        xml
            ? "xml"
            : target.format() == dev.craft.core.SbomFormat.SPDX && target.version().startsWith("3")
                ? "jsonld"
                : "json";
    ctx.contentType(xml ? "application/xml" : "application/json")
        .header(
            "Content-Disposition",
            "attachment; filename=\"sbom-"
                + row.releaseId()
                + "-"
                + target.id()
                + "."
                + extension
                + "\"")
        .result(bytes);
  }

  private void components(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    SbomRow row = current(ctx, p);
    String q = ctx.queryParam("q");
    int limit = Params.integer(ctx, "limit", 100, 1, 5000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(
        Map.of(
            "items",
            store.components(
                row.id(), q == null ? "" : q.strip(), Params.flag(ctx, "direct"), limit, offset),
            "total",
            row.componentCount(),
            "limit",
            limit,
            "offset",
            offset));
  }

  private void quality(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    SbomRow row = current(ctx, p);
    String profile = ctx.queryParam("profile");
    if (profile == null || profile.isBlank()) {
      throw new InvalidInputException(
          "profile: required (" + String.join(", ", QualityProfiles.names()) + ")");
    }
    QualityProfiles.requireKnown(profile);
    ctx.json(QualityProfiles.check(store.inventory(row.id()), profile));
  }

  private void history(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(
        Map.of(
            "items",
            store.history(
                p.actor(), Params.id(ctx, "id", "product"), Params.id(ctx, "rid", "release"))));
  }

  private SbomRow current(Context ctx, Principal p) {
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    return store
        .current(p.actor(), id, rid)
        .orElseThrow(() -> new NotFoundException("SBOM of release", rid));
  }

  static Map<String, Object> view(
      SbomRow row, java.util.List<dev.craft.engine.QualityReport> quality) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", row.id());
    v.put("releaseId", row.releaseId());
    v.put("format", row.format());
    v.put("specVersion", row.specVersion());
    v.put("encoding", row.encoding());
    v.put("sha256", row.sha256());
    v.put("sizeBytes", row.sizeBytes());
    v.put("components", row.componentCount());
    v.put("uploadedBy", row.uploadedBy());
    v.put("uploadedAt", row.uploadedAt());
    Map<String, Object> q = new LinkedHashMap<>();
    for (var report : quality) {
      q.put(
          report.profile(),
          Map.of(
              "passed",
              report.passed(),
              "score",
              report.score(),
              "errors",
              report.errors().size()));
    }
    v.put("quality", q);
    return v;
  }

  private static String contentTypeOf(SbomRow row) {
    return row.encoding().equals("xml") ? "application/xml" : "application/json";
  }

  private static String extension(SbomRow row) {
    return switch (row.encoding()) {
      case "xml" -> "xml";
      case "tag-value" -> "spdx";
      default -> "json";
    };
  }
}
