package dev.craft.server;

import dev.craft.core.ForbiddenException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.store.CvdReportRow;
import dev.craft.store.CvdStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The public CVD pages (policy, report form, tracking page) and the PSIRT's report inbox. */
final class CvdPages {
  private static final String FORM_COOKIE = "craft_report_csrf";

  private final Pages pages;
  private final WebUi web;
  private final Auth auth;
  private final CvdService service;
  private final CvdStore store;
  private final Art14Cases cases;
  private final CvdFindings findings;

  CvdPages(
      Pages pages,
      WebUi web,
      Auth auth,
      CvdService service,
      CvdStore store,
      Art14Cases cases,
      CvdFindings findings) {
    this.pages = pages;
    this.web = web;
    this.auth = auth;
    this.service = service;
    this.store = store;
    this.cases = cases;
    this.findings = findings;
  }

  void routes(RoutesConfig r) {
    r.get("/security-policy", this::policy);
    r.get("/report", ctx -> form(ctx, "", Map.of(), 200));
    r.post("/report", this::submit);
    r.get("/report/{token}", this::tracking);
    r.post("/report/{token}/messages", this::reporterMessage);
    r.get("/cvd", this::inbox);
    r.get("/cvd/{id}", this::detail);
    r.post("/cvd/{id}", this::update);
    r.post("/cvd/{id}/messages", this::vendorMessage);
    r.post("/cvd/{id}/case", this::openCase);
  }

  private PageInfo page(Context ctx, String title) {
    return auth.authenticate(ctx).map(p -> PageInfo.of(title, p)).orElse(PageInfo.anonymous(title));
  }

  private void policy(Context ctx) {
    pages.render(
        ctx,
        "cvd-policy.jte",
        Map.of(
            "page", page(ctx, "Vulnerability disclosure policy"),
            "contact", service.contact(),
            "acknowledgeDays", service.settings().acknowledgeWithin().toDays()));
  }

  private void form(Context ctx, String error, Map<String, String> values, int status) {
    String token = Secrets.newToken("");
    ctx.cookie(FORM_COOKIE, token, 3600);
    ctx.status(status);
    pages.render(
        ctx,
        "report-form.jte",
        Map.of(
            "page",
            page(ctx, "Report a vulnerability"),
            "csrf",
            token,
            "error",
            error,
            "form",
            values,
            "maxChars",
            service.settings().maxReportChars(),
            "encryptionKey",
            service.encryption().orElse("")));
  }

  private void submit(Context ctx) {
    Map<String, String> values = new HashMap<>();
    for (String f :
        new String[] {
          "product",
          "affectedVersion",
          "title",
          "description",
          "reporterName",
          "reporterEmail",
          "creditAs"
        }) {
      String v = ctx.formParam(f);
      values.put(f, v == null ? "" : v);
    }
    String expected = ctx.cookie(FORM_COOKIE);
    String given = ctx.formParam("_csrf");
    if (expected == null || given == null || !Secrets.same(expected, given)) {
      form(ctx, "The form expired; please send it again.", values, 403);
      return;
    }
    try {
      var received =
          service.receive(
              ctx.ip(),
              values.get("product"),
              values.get("affectedVersion"),
              values.get("title"),
              values.get("description"),
              values.get("reporterName"),
              values.get("reporterEmail"),
              values.get("creditAs"));
      ctx.removeCookie(FORM_COOKIE, "/");
      pages.render(
          ctx,
          "report-received.jte",
          Map.of(
              "page", page(ctx, "Report received"),
              "trackingPath", received.trackingPath(),
              "acknowledgeBy", received.report().ackDueAt().toString()));
    } catch (InvalidInputException | TooManyRequestsException e) {
      form(ctx, e.getMessage() == null ? "" : e.getMessage(), values, Problems.statusOf(e));
    }
  }

  private void tracking(Context ctx) {
    CvdReportRow report = service.byToken(ctx.pathParam("token"));
    pages.render(
        ctx,
        "report-tracking.jte",
        Map.of(
            "page", page(ctx, "Your report"),
            "report", report,
            "messages", store.messages(report.id()),
            "token", ctx.pathParam("token")));
  }

  /**
   * The tracking token in the path is the reporter's credential; SameSite cookies are not involved.
   */
  private void reporterMessage(Context ctx) {
    CvdReportRow report = service.byToken(ctx.pathParam("token"));
    store.addMessage(
        null, report.id(), report.reporterName(), service.message(ctx.formParam("message")));
    ctx.redirect("/report/" + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
  }

  private Principal psirt(Context ctx) {
    Principal p = web.signedIn(ctx);
    if (!p.can(Permission.VULNERABILITY_WRITE) && !p.can(Permission.AUDIT_READ)) {
      throw new ForbiddenException("the CVD inbox is for the PSIRT, admins and auditors");
    }
    return p;
  }

  private void inbox(Context ctx) {
    Principal p = psirt(ctx);
    pages.render(
        ctx,
        "cvd-inbox.jte",
        Map.of(
            "page",
            PageInfo.of("Vulnerability reports", p),
            "reports",
            store.list(500, 0),
            "now",
            Instant.now()));
  }

  private void detail(Context ctx) {
    Principal p = psirt(ctx);
    long id = Params.id(ctx, "id", "CVD report");
    CvdReportRow report = store.get(id);
    var decrypted = service.decrypted(report).orElse(new CvdService.Decrypted("", ""));
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of("Report " + id, p));
    model.put("report", report);
    model.put("decryptedText", decrypted.text());
    model.put("decryptionError", decrypted.error());
    model.put("messages", store.messages(id));
    model.put("now", Instant.now());
    model.put("findings", findings.store().forReport(id));
    model.put("releases", p.can(Permission.VULNERABILITY_WRITE) ? findings.choices(p) : Map.of());
    model.put("defaultId", CvdFindings.defaultId(id));
    pages.render(ctx, "cvd-report.jte", model);
  }

  private void update(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    String embargo = ctx.formParam("embargoUntil");
    LocalDate date = null;
    if (embargo != null && !embargo.isBlank()) {
      try {
        date = LocalDate.parse(embargo);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("embargoUntil: a date YYYY-MM-DD");
      }
    }
    String status = ctx.formParam("status");
    store.update(
        p.actor(),
        id,
        "true".equals(ctx.formParam("acknowledge")),
        status == null || status.isBlank() ? null : status,
        date,
        false);
    ctx.redirect("/cvd/" + id, HttpStatus.SEE_OTHER);
  }

  private void vendorMessage(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    store.get(id);
    store.addMessage(p.actor(), id, p.displayName(), service.message(ctx.formParam("message")));
    ctx.redirect("/cvd/" + id, HttpStatus.SEE_OTHER);
  }

  /**
   * The report shows that the vulnerability is actively exploited: open an Art. 14 case from it,
   * with T0 = now (the moment this determination is made) and the report as source and first
   * evidence. The PSIRT completes it there.
   */
  private void openCase(Context ctx) {
    Principal p = web.signedIn(ctx);
    WebUi.requireCsrf(ctx, p);
    p.require(Permission.VULNERABILITY_WRITE);
    long id = Params.id(ctx, "id", "CVD report");
    CvdReportRow report = store.get(id);
    var body = dev.craft.store.CraftJson.mapper().createObjectNode();
    body.put("kind", "vulnerability");
    body.put(
        "title", report.title().length() > 255 ? report.title().substring(0, 255) : report.title());
    body.put("awareAt", Instant.now().toString());
    body.put(
        "determination",
        "Actively exploited according to coordinated vulnerability disclosure report #"
            + id
            + "; recorded by "
            + p.actor().username()
            + ".");
    // An encrypted report stays encrypted: the case points to it instead of copying plain text.
    String description =
        report.encrypted()
            ? "Encrypted report (OpenPGP); read it on /cvd/" + id
            : report.description();
    body.putArray("evidence")
        .addObject()
        .put(
            "description",
            description.length() > 4000 ? description.substring(0, 4000) : description);
    body.put("sourceType", "cvd_report");
    body.put("sourceRef", Long.toString(id));
    var created = cases.store().create(p.actor(), CaseJson.create(body));
    ctx.redirect("/cases/" + created.id(), HttpStatus.SEE_OTHER);
  }
}
