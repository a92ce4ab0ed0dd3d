package dev.craft.server;

import dev.craft.core.CvssCalculator;
import dev.craft.core.CvssScore;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Text;
import dev.craft.store.CvdReportRow;
import dev.craft.store.CvdStore;
import dev.craft.store.ManualFindingStore;
import dev.craft.store.ManualFindingStore.ManualFinding;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CVD report becomes a finding on a product release (Annex I Part II (2): "address and remediate
 * vulnerabilities without delay"): the finding joins the release's findings and the triage inbox,
 * in triage, and links back to the report.
 */
final class CvdFindings {
  private static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "none", "unknown");

  private final CvdStore reports;
  private final ManualFindingStore findings;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final WebUi web;

  CvdFindings(
      CvdStore reports,
      ManualFindingStore findings,
      ProductStore products,
      ReleaseStore releases,
      WebUi web) {
    this.reports = reports;
    this.findings = findings;
    this.products = products;
    this.releases = releases;
    this.web = web;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/cvd/reports/{id}/findings", this::list);
    r.post("/api/v1/cvd/reports/{id}/findings", this::createApi);
    r.post("/cvd/{id}/findings", this::createPage);
  }

  ManualFindingStore store() {
    return findings;
  }

  /** The releases to offer in the report page's form: "productId:releaseId" → label. */
  Map<String, String> choices(Principal p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var product : products.list(p.actor(), false, 200, 0)) {
      for (var release : releases.list(p.actor(), product.id())) {
        out.put(product.id() + ":" + release.id(), product.name() + " " + release.version());
      }
    }
    return out;
  }

  private void list(Context ctx) {
    var p = Auth.principalOf(ctx);
    if (!p.can(Permission.VULNERABILITY_WRITE) && !p.can(Permission.AUDIT_READ)) {
      p.require(Permission.VULNERABILITY_WRITE);
    }
    long id = Params.id(ctx, "id", "CVD report");
    reports.get(id);
    ctx.json(Map.of("items", findings.forReport(id)));
  }

  private void createApi(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    var b = Body.object(ctx);
    Long product = Body.number(b, "productId");
    Long release = Body.number(b, "releaseId");
    if (product == null || release == null) {
      throw new InvalidInputException("productId and releaseId: required");
    }
    long findingId =
        record(
            p,
            reports.get(id),
            product,
            release,
            Body.text(b, "purl"),
            Body.text(b, "vulnerabilityId"),
            Body.text(b, "aliases"),
            Body.text(b, "cvssVector"),
            Body.text(b, "severity"),
            Body.text(b, "note"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("findingId", findingId);
    out.put("productId", product);
    out.put("releaseId", release);
    out.put("cvdReportId", id);
    out.put("url", "/products/" + product + "/releases/" + release + "#finding-" + findingId);
    ctx.status(201).json(out);
  }

  private void createPage(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    String target = String.valueOf(ctx.formParam("release"));
    String[] parts = target.split(":");
    long product;
    long release;
    try {
      product = Long.parseLong(parts[0]);
      release = Long.parseLong(parts.length > 1 ? parts[1] : "");
    } catch (NumberFormatException e) {
      throw new InvalidInputException("release: choose a release");
    }
    long findingId =
        record(
            p,
            reports.get(id),
            product,
            release,
            ctx.formParam("purl"),
            ctx.formParam("vulnerabilityId"),
            ctx.formParam("aliases"),
            ctx.formParam("cvssVector"),
            ctx.formParam("severity"),
            ctx.formParam("note"));
    ctx.redirect(
        "/products/" + product + "/releases/" + release + "#finding-" + findingId,
        HttpStatus.SEE_OTHER);
  }

  private long record(
      Principal p,
      CvdReportRow report,
      long productId,
      long releaseId,
      @Nullable String purl,
      @Nullable String vulnerabilityId,
      @Nullable String aliases,
      @Nullable String cvssVector,
      @Nullable String severity,
      @Nullable String note) {
    String vuln = Text.optional("vulnerabilityId", vulnerabilityId, 100);
    if (vuln.isEmpty()) {
      vuln = defaultId(report.id());
    }
    if (!vuln.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
      throw new InvalidInputException("vulnerabilityId: letters, digits and . _ : - only");
    }
    String vector = Text.optional("cvssVector", cvssVector, 300);
    double cvss = 0;
    String sev = Text.optional("severity", severity, 20).toLowerCase(Locale.ROOT);
    if (!vector.isEmpty()) {
      CvssScore score = CvssCalculator.score(vector);
      cvss = score.score();
      sev = score.severity().name().toLowerCase(Locale.ROOT);
    } else if (sev.isEmpty()) {
      sev = "unknown";
    } else if (!SEVERITIES.contains(sev)) {
      throw new InvalidInputException("severity: one of " + SEVERITIES);
    }
    String alias = Text.optional("aliases", aliases, 1000).strip().replaceAll("[\\s,]+", " ");
    return findings.record(
        p.actor(),
        new ManualFinding(
            productId,
            releaseId,
            Text.optional("purl", purl, 2000),
            vuln,
            alias,
            vector,
            cvss,
            sev,
            report.id(),
            Text.optional("note", note, 2000)));
  }

  /** The identifier of a vulnerability known only from a report, until a CVE is assigned. */
  static String defaultId(long reportId) {
    return "CVD-" + reportId;
  }
}
