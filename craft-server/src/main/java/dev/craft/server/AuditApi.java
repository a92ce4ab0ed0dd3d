package dev.craft.server;

import dev.craft.core.AuditCheckpoint;
import dev.craft.core.Permission;
import dev.craft.store.AuditLog;
import dev.craft.store.CraftJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log for auditors: a JSON-lines export ({@code {"type":"entry",...}} lines in order,
 * then {@code {"type":"checkpoint",...}} lines, the last one signing the head as of the export) and
 * the verification key.
 */
final class AuditApi {
  private final AuditLog log;
  private final AuditSigner signer;

  AuditApi(AuditLog log, AuditSigner signer) {
    this.log = log;
    this.signer = signer;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/audit/export", this::export);
    r.get("/api/v1/audit/public-key", this::publicKey);
    r.get("/api/v1/audit/entries", this::recent);
  }

  private void export(Context ctx) {
    Auth.principalOf(ctx).require(Permission.AUDIT_READ);
    signer.checkpointHead();
    ctx.contentType("application/x-ndjson")
        .header("Content-Disposition", "attachment; filename=\"craft-audit.jsonl\"");
    // Streamed page by page: the log can be far larger than memory.
    OutputStream out = ctx.outputStream();
    log.forEachEntry(
        e -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("type", "entry");
          line.put("seq", e.seq());
          line.put("at", e.at().toString());
          line.put("actor", e.actor());
          line.put("action", e.action());
          line.put("entityType", e.entityType());
          line.put("entityId", e.entityId());
          line.put("state", e.state());
          line.put("prevHash", e.prevHash());
          line.put("hash", e.hash());
          writeLine(out, line);
        });
    for (AuditCheckpoint c : log.checkpoints()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("type", "checkpoint");
      line.put("seq", c.seq());
      line.put("hash", c.hash());
      line.put("at", c.at().toString());
      line.put("signature", c.signature());
      writeLine(out, line);
    }
  }

  private void publicKey(Context ctx) {
    Auth.principalOf(ctx).require(Permission.AUDIT_READ);
    ctx.contentType("application/x-pem-file").result(signer.publicKeyPem());
  }

  private void recent(Context ctx) {
    Auth.principalOf(ctx).require(Permission.AUDIT_READ);
    ctx.json(Map.of("items", log.recent(Params.integer(ctx, "limit", 100, 1, 1000))));
  }

  private static void writeLine(OutputStream out, Map<String, Object> line) {
    try {
      out.write(CraftJson.mapper().writeValueAsBytes(line));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
