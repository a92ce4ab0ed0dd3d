package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.AdvisoryStore.AdvisoryRow;
import dev.craft.store.CraftJson;
import dev.craft.store.FindingStore;
import dev.craft.store.FindingStore.AffectedRelease;
import dev.craft.store.FindingStore.FindingRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/advisories}: imports (OSV, KEV, EPSS; admin and PSIRT), a record with its aliases
 * and affected releases, search by id or alias; and the findings of a release.
 */
final class AdvisoryApi {
  private final AdvisoryService service;
  private final AdvisoryStore advisories;
  private final FindingStore findings;
  private final AdvisoryFeeds feeds;
  private final TriageWiring triage;
  private final AdvisorySources sources;

  AdvisoryApi(
      AdvisoryService service,
      AdvisoryStore advisories,
      FindingStore findings,
      AdvisoryFeeds feeds,
      TriageWiring triage,
      AdvisorySources sources) {
    this.triage = triage;
    this.sources = sources;
    this.service = service;
    this.advisories = advisories;
    this.findings = findings;
    this.feeds = feeds;
  }

  void routes(RoutesConfig r) {
    r.post("/api/v1/advisories/import", this::importOsv);
    r.post("/api/v1/advisories/kev", this::importKev);
    r.post("/api/v1/advisories/epss", this::importEpss);
    r.post("/api/v1/advisories/sync", this::sync);
    r.get("/api/v1/advisories", this::search);
    r.get("/api/v1/advisories/{aid}", this::get);
    r.get("/api/v1/products/{id}/releases/{rid}/findings", this::releaseFindings);
  }

  private static byte[] body(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw new InvalidInputException("request body: empty; send the file as the body");
    }
    return body;
  }

  private void importOsv(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    String name = ctx.queryParam("name");
    var report = service.importOsv(p.actor(), body(ctx), name == null ? "" : name);
    ctx.json(AdvisoryService.view(report));
  }

  private void importKev(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    ctx.json(Map.of("entries", service.importKev(p.actor(), body(ctx))));
  }

  private void importEpss(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    ctx.json(Map.of("scores", service.importEpss(p.actor(), body(ctx))));
  }

  /** Runs a round of the configured online feeds now (through the job queue). */
  private void sync(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    if (!feeds.active()) {
      throw new dev.craft.core.ConflictException(
          "no advisory feeds are configured (advisories.osv-urls, advisories.kev-url,"
              + " advisories.epss-url)");
    }
    java.util.Optional<Map<String, Object>> result;
    try {
      result = feeds.tick();
    } catch (FeedFailedException e) {
      // The upstream's fault, named per feed; a 5xx detail is otherwise hidden (Problems).
      Problems.write(ctx, 502, String.valueOf(e.getMessage()));
      return;
    }
    if (result.isEmpty()) {
      ctx.status(202).json(Map.of("status", "another instance is running the feeds"));
      return;
    }
    ctx.json(result.get());
  }

  private void search(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new InvalidInputException("q: required (an advisory id or alias, e.g. CVE-2021-44228)");
    }
    int limit = Params.integer(ctx, "limit", 50, 1, 500);
    List<Map<String, Object>> items = new ArrayList<>();
    for (AdvisoryRow a : advisories.search(q, limit)) {
      items.add(summary(a));
    }
    ctx.json(Map.of("items", items, "q", q.strip()));
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    String id = ctx.pathParam("aid");
    AdvisoryRow a = advisories.find(id).orElseThrow(() -> new NotFoundException("advisory", id));
    Map<String, Object> v = summary(a);
    v.put("raw", a.raw());
    v.put("aliases", advisories.aliases(id));
    v.put("affected", affected(findings.affectedReleases(p.actor(), Set.of(id))));
    v.putAll(sources.view(id)); // NVD and EUVD data through the aliases (ADR 081)
    ctx.json(v);
  }

  private void releaseFindings(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    List<FindingRow> rows = findings.forRelease(p.actor(), id, rid);
    Map<Long, dev.craft.store.TriagedFinding> analysed = new java.util.HashMap<>();
    triage.queries().forRelease(p.actor(), id, rid).forEach(t -> analysed.put(t.findingId(), t));
    List<Map<String, Object>> items = new ArrayList<>();
    Map<Long, List<String>> exploitedBy = sources.exploitedBy(rows);
    for (FindingRow f : rows) {
      Map<String, Object> v = view(f);
      v.put("kevSources", exploitedBy.getOrDefault(f.id(), List.of()));
      var t = analysed.get(f.id());
      if (t != null) {
        v.put("analysis", triage.view().analysis(t));
      }
      items.add(v);
    }
    ctx.json(Map.of("items", items, "total", items.size()));
  }

  static Map<String, Object> summary(AdvisoryRow a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", a.id());
    v.put("source", a.source());
    v.put("modified", a.modified());
    v.put("published", a.published());
    v.put("withdrawn", a.withdrawn());
    v.put("fetchedAt", a.fetchedAt());
    v.put("importedAt", a.importedAt());
    v.put("updatedAt", a.updatedAt());
    return v;
  }

  static Map<String, Object> view(FindingRow f) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", f.id());
    v.put("vulnerability", f.vulnerabilityId());
    v.put("aliases", aliases(f.aliases()));
    v.put("status", f.status());
    v.put("reason", f.reason());
    v.put("severity", f.severity());
    v.put("cvss", f.cvss());
    v.put("cvssVector", f.cvssVector());
    v.put("kev", f.kev());
    v.put("epss", f.epss() < 0 ? null : f.epss());
    v.put(
        "component",
        Map.of(
            "ordinal", f.componentOrdinal(),
            "purl", f.purl(),
            "name", f.name(),
            "version", f.version()));
    v.put("sbomId", f.sbomId());
    v.put("evidence", readTree(f.evidence()));
    v.put("firstSeenAt", f.firstSeenAt());
    v.put("lastSeenAt", f.lastSeenAt());
    v.put("support", support(f.supportEnd(), f.releaseEnded()));
    return v;
  }

  static List<Map<String, Object>> affected(List<AffectedRelease> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AffectedRelease r : rows) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("productId", r.productId());
      v.put("product", r.productName());
      v.put("releaseId", r.releaseId());
      v.put("release", r.releaseVersion());
      v.put("purl", r.purl());
      v.put("status", r.status());
      v.put("firstSeenAt", r.firstSeenAt());
      v.put("support", support(r.supportEnd(), r.releaseEnded()));
      out.add(v);
    }
    return out;
  }

  /**
   * Whether the release is still supported: releases out of support are matched all the same, and
   * flagged. A release marked end of support has ended whatever the product's support period says
   * ({@code releaseEnded}); otherwise the product's period decides.
   */
  static Map<String, Object> support(@Nullable LocalDate end, boolean releaseEnded) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "state",
        releaseEnded || (end != null && end.isBefore(LocalDate.now()))
            ? "ended"
            : end == null ? "unknown" : "supported");
    if (end != null) {
      out.put("end", end.toString());
    }
    if (releaseEnded) {
      out.put("releaseStatus", "end_of_support");
    }
    return out;
  }

  static List<String> aliases(String joined) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : joined.split(" ")) {
      if (!a.isBlank()) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode readTree(String json) {
    try {
      return CraftJson.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
