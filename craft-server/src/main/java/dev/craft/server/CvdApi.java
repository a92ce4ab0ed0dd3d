package dev.craft.server;

import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.store.CvdReportRow;
import dev.craft.store.CvdStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CVD API: a public part for researchers ({@code /api/public/reports}, no account,
 * rate-limited) and the PSIRT's part ({@code /api/v1/cvd/reports}).
 */
final class CvdApi {
  private final CvdService service;
  private final CvdStore store;

  CvdApi(CvdService service, CvdStore store) {
    this.service = service;
    this.store = store;
  }

  void routes(RoutesConfig r) {
    r.get("/.well-known/security.txt", this::securityTxt);
    r.get(CvdService.PUBLIC_KEY_PATH, this::publicKey);
    r.post("/api/public/reports", this::submit);
    r.get("/api/public/reports/{token}", this::track);
    r.post("/api/public/reports/{token}/messages", this::reporterMessage);
    r.get("/api/v1/cvd/reports", this::list);
    r.get("/api/v1/cvd/reports/{id}", this::get);
    r.put("/api/v1/cvd/reports/{id}", this::update);
    r.post("/api/v1/cvd/reports/{id}/messages", this::vendorMessage);
  }

  private void securityTxt(Context ctx) {
    ctx.contentType("text/plain; charset=utf-8").result(service.securityTxt(Instant.now()));
  }

  private void publicKey(Context ctx) {
    var key = service.key().orElseThrow(() -> new NotFoundException("OpenPGP key", "CVD"));
    ctx.contentType("application/pgp-keys").result(key.armoredPublicKey());
  }

  private void submit(Context ctx) {
    var b = Body.object(ctx);
    var received =
        service.receive(
            ctx.ip(),
            Body.text(b, "product"),
            Body.text(b, "affectedVersion"),
            Body.text(b, "title"),
            Body.text(b, "description"),
            Body.text(b, "reporterName"),
            Body.text(b, "reporterEmail"),
            Body.text(b, "creditAs"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", received.report().id());
    out.put("trackingUrl", ctx.scheme() + "://" + ctx.host() + received.trackingPath());
    out.put("trackingToken", received.trackingToken());
    out.put("acknowledgeBy", received.report().ackDueAt());
    out.put("note", "keep the tracking link private: it is the only way to follow this report");
    ctx.status(201).json(out);
  }

  private void track(Context ctx) {
    CvdReportRow report = service.byToken(ctx.pathParam("token"));
    ctx.json(publicView(report));
  }

  private void reporterMessage(Context ctx) {
    CvdReportRow report = service.byToken(ctx.pathParam("token"));
    String body = service.message(Body.text(Body.object(ctx), "message"));
    ctx.status(201).json(store.addMessage(null, report.id(), report.reporterName(), body));
  }

  private void list(Context ctx) {
    readable(ctx);
    ctx.json(
        Map.of(
            "items",
            store.list(
                Params.integer(ctx, "limit", 100, 1, 1000),
                Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE))));
  }

  private void get(Context ctx) {
    readable(ctx);
    long id = Params.id(ctx, "id", "CVD report");
    Map<String, Object> out = new LinkedHashMap<>();
    CvdReportRow report = store.get(id);
    out.put("report", report);
    service
        .decrypted(report)
        .ifPresent(
            d -> {
              out.put("decryptedDescription", d.text());
              if (!d.error().isEmpty()) {
                out.put("decryptionError", d.error());
              }
            });
    out.put("messages", store.messages(id));
    ctx.json(out);
  }

  private void update(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    var b = Body.object(ctx);
    var ack = b.get("acknowledge");
    String embargo = Body.text(b, "embargoUntil");
    LocalDate embargoDate = null;
    if (embargo != null && !embargo.isBlank()) {
      try {
        embargoDate = LocalDate.parse(embargo.strip());
      } catch (DateTimeParseException e) {
        throw new dev.craft.core.InvalidInputException("embargoUntil: a date YYYY-MM-DD");
      }
    }
    ctx.json(
        store.update(
            p.actor(),
            id,
            ack != null && ack.asBoolean(),
            Body.text(b, "status"),
            embargoDate,
            b.has("embargoUntil") && (embargo == null || embargo.isBlank())));
  }

  private void vendorMessage(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    store.get(id);
    String body = service.message(Body.text(Body.object(ctx), "message"));
    ctx.status(201).json(store.addMessage(p.actor(), id, p.displayName(), body));
  }

  private static void readable(Context ctx) {
    var p = Auth.principalOf(ctx);
    if (!p.can(Permission.VULNERABILITY_WRITE) && !p.can(Permission.AUDIT_READ)) {
      p.require(Permission.VULNERABILITY_WRITE);
    }
  }

  /** What the reporter sees: their report, its status and the conversation, nothing internal. */
  Map<String, Object> publicView(CvdReportRow report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", report.title());
    out.put("status", report.status());
    out.put("receivedAt", report.receivedAt());
    out.put("acknowledgeBy", report.ackDueAt());
    out.put("acknowledgedAt", report.acknowledgedAt());
    out.put("embargoUntil", report.embargoUntil());
    out.put("messages", store.messages(report.id()));
    return out;
  }
}
