package dev.craft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Coordinators;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.ReportingCase;
import dev.craft.core.SrpFields;
import dev.craft.core.Submission;
import dev.craft.core.UserNotice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/cases}: Art. 14 cases, their submissions, exports and the Art. 14(8) user notice;
 * {@code /api/v1/deadlines}; and the reference data behind them.
 */
final class CaseApi {
  private final Art14Cases cases;
  private final Pages pages;

  CaseApi(Art14Cases cases, Pages pages) {
    this.cases = cases;
    this.pages = pages;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/cases", this::list);
    r.post("/api/v1/cases", this::create);
    r.get("/api/v1/cases/{id}", this::get);
    r.put("/api/v1/cases/{id}", this::update);
    r.post("/api/v1/cases/{id}/submissions", this::submit);
    r.post("/api/v1/cases/{id}/intermediate-requests", this::request);
    r.get("/api/v1/cases/{id}/export", this::export);
    r.get("/api/v1/cases/{id}/notice", this::notice);
    r.get("/api/v1/deadlines", this::deadlines);
    r.get("/api/v1/art14/srp-fields", ctx -> readable(ctx).json(Map.of("items", SrpFields.all())));
    r.get(
        "/api/v1/art14/coordinators",
        ctx ->
            readable(ctx).json(Map.of("items", Coordinators.all(), "source", Coordinators.SOURCE)));
  }

  private Context readable(Context ctx) {
    Auth.principalOf(ctx).require(Permission.PRODUCT_READ);
    return ctx;
  }

  private void list(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    var items =
        cases.list(p.actor(), Params.flag(ctx, "includeClosed")).stream()
            .map(CaseView::summary)
            .toList();
    ctx.json(Map.of("items", items));
  }

  private void create(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.VULNERABILITY_WRITE);
    ReportingCase c = cases.store().create(p.actor(), CaseJson.create(Body.object(ctx)));
    ctx.status(201)
        .header("Location", "/api/v1/cases/" + c.id())
        .json(CaseView.full(cases.details(p.actor(), c.id())));
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(CaseView.full(cases.details(p.actor(), Params.id(ctx, "id", "case"))));
  }

  private void update(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "case");
    ReportingCase current = cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    cases.store().update(p.actor(), id, CaseJson.update(current.facts(), Body.object(ctx)));
    ctx.json(CaseView.full(cases.details(p.actor(), id)));
  }

  private void submit(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "case");
    cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    Submission s = cases.submit(p.actor(), id, CaseJson.submission(Body.object(ctx)));
    ctx.status(201)
        .header("Location", "/api/v1/cases/" + id)
        .json(Map.of("submission", s, "case", CaseView.full(cases.details(p.actor(), id))));
  }

  private void request(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "case");
    cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    ObjectNode b = Body.object(ctx);
    Instant requestedAt = CaseJson.instant(b, "requestedAt");
    var r =
        cases.request(
            p.actor(),
            id,
            requestedAt == null ? cases.now() : requestedAt,
            CaseJson.required(CaseJson.instant(b, "dueAt"), "dueAt"),
            orEmpty(Body.text(b, "requestedBy")),
            orEmpty(Body.text(b, "note")));
    ctx.status(201).header("Location", "/api/v1/cases/" + id).json(r);
  }

  private void export(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    CaseDetails d = cases.details(p.actor(), Params.id(ctx, "id", "case"));
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    String name = "craft-case-" + d.id();
    switch (format) {
      case "json" -> {
        Map<String, Object> body = new LinkedHashMap<>(CaseView.full(d));
        body.put("srpForm", CaseView.srpForm(d));
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".json\"").json(body);
      }
      case "pdf" ->
          ctx.contentType("application/pdf")
              .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
              .result(CasePdf.render(d));
      default ->
          throw new InvalidInputException("format: must be json or pdf, got '" + format + "'");
    }
  }

  private void notice(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ReportingCase c = cases.store().get(p.actor(), Params.id(ctx, "id", "case"));
    UserNotice notice = UserNotice.of(c, cases.now());
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    switch (format) {
      case "json" -> ctx.json(notice);
      case "html" -> pages.render(ctx, "notice.jte", Map.of("notice", notice));
      default ->
          throw new InvalidInputException("format: must be json or html, got '" + format + "'");
    }
  }

  private void deadlines(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(Map.of("items", DeadlineCalendar.entries(cases.list(p.actor(), false), ctx)));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
