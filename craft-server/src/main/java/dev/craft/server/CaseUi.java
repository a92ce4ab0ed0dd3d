package dev.craft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.CaseDraft;
import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.ReportingCase;
import dev.craft.core.UserNotice;
import dev.craft.store.ProductStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** The Art. 14 pages: the case list, a case with its countdowns and forms, the calendar. */
final class CaseUi {
  private final Pages pages;
  private final Auth auth;
  private final Art14Cases cases;
  private final ProductStore products;

  CaseUi(Pages pages, Auth auth, Art14Cases cases, ProductStore products) {
    this.pages = pages;
    this.auth = auth;
    this.cases = cases;
    this.products = products;
  }

  void routes(RoutesConfig r) {
    r.get("/cases", ctx -> listPage(ctx, "", 200));
    r.post("/cases", this::create);
    r.get("/cases/{id}", ctx -> casePage(ctx, "", 200));
    r.post("/cases/{id}/facts", ctx -> change(ctx, (c, x) -> CaseForms.facts(x, c)));
    r.post("/cases/{id}/content", ctx -> change(ctx, (c, x) -> CaseForms.content(x, c.kind())));
    r.post("/cases/{id}/submissions", this::submit);
    r.post("/cases/{id}/requests", this::request);
    r.get("/cases/{id}/copy", this::copyPage);
    r.get("/cases/{id}/notice", this::noticePage);
    r.get("/deadlines", this::calendar);
  }

  private Principal signedIn(Context ctx) {
    Principal p = auth.authenticate(ctx).orElseThrow(WebUi.RedirectToLogin::new);
    p.require(Permission.PRODUCT_READ);
    return p;
  }

  private void listPage(Context ctx, String error, int status) {
    Principal p = signedIn(ctx);
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Art. 14 cases", p));
    model.put("cases", cases.list(p.actor(), Params.flag(ctx, "closed")));
    model.put("products", products.list(p.actor(), false, 1000, 0));
    model.put("canWrite", p.can(Permission.VULNERABILITY_WRITE));
    model.put("now", cases.now());
    model.put("error", error);
    pages.render(ctx, "cases.jte", model);
  }

  private void create(Context ctx) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    try {
      ReportingCase c = cases.store().create(p.actor(), CaseJson.create(CaseForms.newCase(ctx)));
      ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | ConflictException e) {
      listPage(ctx, e.getMessage(), Problems.statusOf(e));
    }
  }

  private void casePage(Context ctx, String error, int status) {
    Principal p = signedIn(ctx);
    CaseDetails d = cases.details(p.actor(), Params.id(ctx, "id", "case"));
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Case " + d.id(), p));
    model.put("d", d);
    model.put("canWrite", p.can(Permission.VULNERABILITY_WRITE));
    model.put("error", error);
    pages.render(ctx, "case.jte", model);
  }

  private interface FormChange {
    ObjectNode body(CaseDraft current, Context ctx);
  }

  private void change(Context ctx, FormChange change) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "case");
    ReportingCase current = cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    try {
      CaseDraft next = CaseJson.update(current.facts(), change.body(current.facts(), ctx));
      cases.store().update(p.actor(), id, next);
      ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | ConflictException e) {
      casePage(ctx, e.getMessage(), Problems.statusOf(e));
    }
  }

  private void submit(Context ctx) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "case");
    ReportingCase current = cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    try {
      var body = CaseForms.submission(ctx, current.facts().zone(), cases.now());
      cases.submit(p.actor(), id, CaseJson.submission(body));
      ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | ConflictException e) {
      casePage(ctx, e.getMessage(), Problems.statusOf(e));
    }
  }

  private void request(Context ctx) {
    Principal p = signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "case");
    ReportingCase current = cases.store().get(p.actor(), id);
    p.require(Permission.VULNERABILITY_WRITE);
    ZoneId zone = current.facts().zone();
    try {
      String due = ctx.formParam("dueAt");
      if (due == null || due.isBlank()) {
        throw new InvalidInputException("dueAt: enter the due date the coordinator set");
      }
      cases.request(
          p.actor(),
          id,
          cases.now(),
          CaseForms.time("dueAt", due, zone),
          value(ctx.formParam("requestedBy")),
          value(ctx.formParam("note")));
      ctx.redirect("/cases/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | ConflictException e) {
      casePage(ctx, e.getMessage(), Problems.statusOf(e));
    }
  }

  private void copyPage(Context ctx) {
    Principal p = signedIn(ctx);
    CaseDetails d = cases.details(p.actor(), Params.id(ctx, "id", "case"));
    pages.render(
        ctx,
        "case-copy.jte",
        Map.of("page", PageInfo.of("SRP form for case " + d.id(), p), "d", d));
  }

  private void noticePage(Context ctx) {
    Principal p = signedIn(ctx);
    ReportingCase c = cases.store().get(p.actor(), Params.id(ctx, "id", "case"));
    pages.render(ctx, "notice.jte", Map.of("notice", UserNotice.of(c, cases.now())));
  }

  private void calendar(Context ctx) {
    Principal p = signedIn(ctx);
    ZoneId zone = CaseJson.zone(ctx.queryParam("zone"));
    var entries = DeadlineCalendar.of(cases.list(p.actor(), false), false);
    pages.render(
        ctx,
        "deadlines.jte",
        Map.of(
            "page", PageInfo.of("Art. 14 deadlines", p),
            "days", DeadlineCalendar.byDay(entries, zone),
            "zone", zone,
            "now", cases.now()));
  }

  private static String value(String s) {
    return s == null ? "" : s;
  }
}
