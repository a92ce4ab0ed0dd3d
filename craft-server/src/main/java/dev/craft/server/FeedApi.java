package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EuvdReader;
import dev.craft.formats.GithubAdvisoryReader;
import dev.craft.formats.NvdReader;
import dev.craft.store.CraftJson;
import dev.craft.store.EuvdStore;
import dev.craft.store.FeedStateStore;
import dev.craft.store.FeedStateStore.FeedStatus;
import dev.craft.store.JobQueue;
import dev.craft.store.NvdStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline imports of the NVD, EUVD and GitHub files ({@code /api/v1/advisories/nvd|euvd|github})
 * and the status of the online feeds ({@code /api/v1/advisory-feeds}), ADR 081.
 */
final class FeedApi {
  private final AdvisoryService service;
  private final NvdStore nvd;
  private final EuvdStore euvd;
  private final FeedStateStore state;
  private final JobQueue queue;
  private final SourceFeeds sources;
  private final AdvisoryLimits limits = AdvisoryLimits.DEFAULT;

  FeedApi(
      AdvisoryService service,
      NvdStore nvd,
      EuvdStore euvd,
      FeedStateStore state,
      JobQueue queue,
      SourceFeeds sources) {
    this.service = service;
    this.nvd = nvd;
    this.euvd = euvd;
    this.state = state;
    this.queue = queue;
    this.sources = sources;
  }

  void routes(RoutesConfig r) {
    r.post("/api/v1/advisories/nvd", this::importNvd);
    r.post("/api/v1/advisories/euvd", this::importEuvd);
    r.post("/api/v1/advisories/github", this::importGithub);
    r.get("/api/v1/advisory-feeds", this::feeds);
  }

  private static byte[] body(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new InvalidInputException("request body: empty; send the file as the body");
    }
    return body;
  }

  private static String name(Context ctx, String fallback) {
    String name = ctx.queryParam("name");
    return "upload:" + (name == null || name.isBlank() ? fallback : name.strip());
  }

  /** Imports an NVD CVE API 2.0 response; findings of advisories without CVSS take NVD's. */
  Map<String, Object> importNvd(Actor actor, byte[] body, String source) {
    var page = new NvdReader(limits).read(body, source);
    var done = nvd.importCves(actor, page.cves(), Instant.now());
    int findings = sources.rematchWithoutCvss(done.changed());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("records", page.cves().size());
    out.put("added", done.added());
    out.put("updated", done.updated());
    out.put("unchanged", done.unchanged());
    out.put("findings", findings);
    return out;
  }

  private void importNvd(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    ctx.json(importNvd(p.actor(), body(ctx), name(ctx, "nvd.json")));
  }

  private void importEuvd(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    boolean exploited = "true".equals(ctx.queryParam("exploited"));
    var page = new EuvdReader(limits).read(body(ctx), name(ctx, "euvd.json"), exploited);
    var done = euvd.importRecords(p.actor(), page.records());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("records", page.records().size());
    out.put("added", done.added());
    out.put("updated", done.updated());
    out.put("unchanged", done.unchanged());
    out.put("exploited", done.exploited());
    ctx.json(out);
  }

  private void importGithub(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    var records =
        new GithubAdvisoryReader(limits).read(body(ctx), name(ctx, "github-advisories.json"));
    ctx.json(AdvisoryService.view(service.importParsed(p.actor(), records)));
  }

  private void feeds(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(
        Map.of("items", view(state.all()), "roundPending", queue.hasPending(AdvisoryFeeds.JOB)));
  }

  static List<Map<String, Object>> view(List<FeedStatus> rows) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (FeedStatus f : rows) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("url", f.url());
      v.put("kind", f.kind());
      v.put("state", f.state());
      v.put("watermark", f.watermark());
      v.put("lastStartedAt", f.lastStartedAt());
      v.put("lastSuccessAt", f.lastSuccessAt());
      v.put("lastCounts", tree(f.lastCounts()));
      v.put("lastError", f.lastError());
      v.put("lastErrorAt", f.lastErrorAt());
      v.put("progress", f.progress().isEmpty() ? null : tree(f.progress()));
      items.add(v);
    }
    return items;
  }

  private static JsonNode tree(String json) {
    try {
      return CraftJson.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return CraftJson.mapper().getNodeFactory().objectNode();
    }
  }
}
