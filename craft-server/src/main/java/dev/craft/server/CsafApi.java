package dev.craft.server;

import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.store.CsafRevisionStore;
import dev.craft.store.CsafRevisionStore.RevisionRow;
import dev.craft.store.CsafStore;
import dev.craft.store.CsafStore.CsafRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSAF advisories: the PSIRT's authoring API ({@code /api/v1/csaf/advisories}) and the public
 * trusted-provider files below {@code /.well-known/csaf/} (TLP:CLEAR only).
 */
final class CsafApi {
  private final CsafService service;
  private final CsafStore store;
  private final CsafFiles files;
  private final CsafSigner signer;
  private final CsafRevisionStore revisions;

  CsafApi(
      CsafService service,
      CsafStore store,
      CsafRevisionStore revisions,
      CsafFiles files,
      CsafSigner signer) {
    this.service = service;
    this.store = store;
    this.revisions = revisions;
    this.files = files;
    this.signer = signer;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/csaf/advisories", this::list);
    r.post("/api/v1/csaf/advisories", this::create);
    r.get("/api/v1/csaf/advisories/{id}", this::get);
    r.put("/api/v1/csaf/advisories/{id}", this::update);
    r.post("/api/v1/csaf/advisories/{id}/publish", this::publish);
    r.post("/api/v1/csaf/advisories/{id}/revise", this::revise);
    r.delete("/api/v1/csaf/advisories/{id}/revision", this::discard);
    r.get("/api/v1/csaf/advisories/{id}/revisions", this::revisions);
    r.get("/api/v1/csaf/advisories/{id}/revisions/{number}", this::revision);
    r.get(CsafFiles.BASE + "/provider-metadata.json", this::providerMetadata);
    r.get(CsafFiles.BASE + "/feed-tlp-clear.json", ctx -> ctx.json(files.feed(clear())));
    r.get(CsafFiles.BASE + "/clear/index.txt", ctx -> text(ctx, CsafFiles.index(clear())));
    r.get(CsafFiles.BASE + "/clear/changes.csv", this::changes);
    r.get(CsafFiles.BASE + "/clear/{year}/{file}", this::file);
    r.get(CsafFiles.BASE + "/openpgp/{file}", this::key);
  }

  private void list(Context ctx) {
    readable(ctx);
    var rows =
        store.list(
            Params.integer(ctx, "limit", 100, 1, 1000),
            Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    ctx.json(Map.of("items", rows.stream().map(CsafApi::summary).toList()));
  }

  private void get(Context ctx) {
    readable(ctx);
    ctx.json(full(store.get(Params.id(ctx, "id", "CSAF advisory"))));
  }

  private void create(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    ctx.status(201).json(full(service.create(p.actor(), Body.object(ctx))));
  }

  private void update(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CSAF advisory");
    ctx.json(full(service.update(p.actor(), id, Body.object(ctx))));
  }

  private void publish(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CSAF advisory");
    try {
      ctx.json(full(service.publish(p.actor(), id)));
    } catch (CsafService.ValidationFailed e) {
      List<Map<String, String>> errors =
          e.problems().stream()
              .map(x -> Map.of("testId", x.testId(), "path", x.path(), "message", x.message()))
              .toList();
      Problems.write(ctx, 400, e.getMessage(), Map.of("errors", errors));
    }
  }

  private void revise(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CSAF advisory");
    service.revise(p.actor(), id, Body.object(ctx));
    ctx.status(201).json(full(store.get(id)));
  }

  private void discard(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CSAF advisory");
    revisions.discard(p.actor(), id);
    ctx.status(204);
  }

  private void revisions(Context ctx) {
    readable(ctx);
    long id = Params.id(ctx, "id", "CSAF advisory");
    store.get(id);
    ctx.json(Map.of("items", revisions.published(id).stream().map(CsafApi::revision).toList()));
  }

  /** The exact published bytes of one revision, as they were served. */
  private void revision(Context ctx) {
    readable(ctx);
    long id = Params.id(ctx, "id", "CSAF advisory");
    String number = ctx.pathParam("number");
    if (number.length() > 40) {
      throw new NotFoundException("CSAF revision", number);
    }
    ctx.contentType("application/json")
        .result(CsafFiles.utf8(revisions.get(id, number).document()));
  }

  static Map<String, Object> revision(RevisionRow r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("number", r.number());
    out.put("status", r.status());
    out.put("summary", r.summary());
    out.put("publishedAt", r.publishedAt());
    out.put("sha256", r.sha256());
    out.put("createdBy", r.createdBy());
    return out;
  }

  private void providerMetadata(Context ctx) {
    ctx.json(files.providerMetadata(clear()));
  }

  private void changes(Context ctx) {
    ctx.contentType("text/csv; charset=utf-8").result(CsafFiles.changes(clear()));
  }

  /** {@code <tracking-id>.json} and its {@code .sha256}, {@code .sha512} and {@code .asc}. */
  private void file(Context ctx) {
    String name = ctx.pathParam("file");
    String base = name;
    String suffix = "";
    for (String s : new String[] {".sha256", ".sha512", ".asc"}) {
      if (name.endsWith(s)) {
        base = name.substring(0, name.length() - s.length());
        suffix = s;
      }
    }
    if (!base.endsWith(".json") || base.length() > 120) {
      throw new NotFoundException("CSAF file", name);
    }
    String path = ctx.pathParam("year") + "/" + base;
    CsafRow row =
        clear().stream()
            .filter(r -> CsafFiles.relativePath(r).equals(path))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("CSAF file", name));
    byte[] bytes = CsafFiles.utf8(row.document());
    switch (suffix) {
      case ".sha256" -> text(ctx, CsafFiles.sha256(bytes) + "  " + base + "\n");
      case ".sha512" -> text(ctx, CsafFiles.sha512(bytes) + "  " + base + "\n");
      case ".asc" -> ctx.contentType("application/pgp-signature").result(row.signature());
      default -> ctx.contentType("application/json").result(bytes);
    }
  }

  private void key(Context ctx) {
    if (!ctx.pathParam("file").equalsIgnoreCase(signer.fingerprint() + ".asc")) {
      throw new NotFoundException("OpenPGP key", ctx.pathParam("file"));
    }
    ctx.contentType("application/pgp-keys").result(signer.armoredPublicKey());
  }

  /** Published TLP:CLEAR advisories, newest first: the only ones ever served publicly. */
  private List<CsafRow> clear() {
    return store.published("CLEAR");
  }

  private static void text(Context ctx, String body) {
    ctx.contentType("text/plain; charset=utf-8").result(body);
  }

  private static void readable(Context ctx) {
    var p = Auth.principalOf(ctx);
    if (!p.can(Permission.VULNERABILITY_WRITE) && !p.can(Permission.AUDIT_READ)) {
      p.require(Permission.VULNERABILITY_WRITE);
    }
  }

  static Map<String, Object> summary(CsafRow r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id());
    out.put("trackingId", r.trackingId());
    out.put("title", r.title());
    out.put("tlp", r.tlp());
    out.put("status", r.status());
    out.put("productId", r.productId());
    out.put("createdAt", r.createdAt());
    out.put("publishedAt", r.publishedAt());
    out.put("revisedAt", r.revisedAt());
    if (r.published() && r.tlp().equals("CLEAR")) {
      out.put("path", CsafFiles.BASE + "/clear/" + CsafFiles.relativePath(r));
    }
    return out;
  }

  private Map<String, Object> full(CsafRow r) {
    Map<String, Object> out = summary(r);
    out.put("input", CsafService.parse(r.input()));
    out.put("document", CsafService.parse(r.document()));
    if (r.published()) {
      revisions
          .findDraft(r.id())
          .ifPresent(
              d -> {
                Map<String, Object> rev = revision(d);
                rev.put("input", CsafService.parse(d.input()));
                rev.put("document", CsafService.parse(d.document()));
                out.put("revision", rev);
              });
    }
    return out;
  }
}
