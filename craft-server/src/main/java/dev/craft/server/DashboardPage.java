package dev.craft.server;

import dev.craft.core.DeadlineState;
import dev.craft.core.Permission;
import dev.craft.store.CvdReportRow;
import dev.craft.store.CvdStore;
import dev.craft.store.DashboardStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The start page: portfolio posture, Art. 14 deadlines that are running, reports waiting for
 * acknowledgement.
 */
final class DashboardPage {
  private final Pages pages;
  private final WebUi web;
  private final DashboardStore dashboard;
  private final Art14Cases cases;
  private final CvdStore cvd;

  DashboardPage(Pages pages, WebUi web, DashboardStore dashboard, Art14Cases cases, CvdStore cvd) {
    this.pages = pages;
    this.web = web;
    this.dashboard = dashboard;
    this.cases = cases;
    this.cvd = cvd;
  }

  void routes(RoutesConfig r) {
    r.get("/", this::page);
  }

  private void page(Context ctx) {
    Principal p = web.signedIn(ctx);
    List<CaseDetails> open = cases.list(p.actor(), false);
    long overdue = open.stream().filter(c -> state(c) == DeadlineState.OVERDUE).count();
    long dueSoon = open.stream().filter(c -> state(c) == DeadlineState.DUE_SOON).count();
    boolean seesReports = p.can(Permission.VULNERABILITY_WRITE) || p.can(Permission.AUDIT_READ);
    Instant now = Instant.now();
    List<CvdReportRow> waiting =
        seesReports
            ? cvd.list(200, 0).stream().filter(r -> r.acknowledgedAt() == null).toList()
            : List.of();
    pages.render(
        ctx,
        "dashboard.jte",
        Map.of(
            "page",
            PageInfo.of("Dashboard", p),
            "portfolio",
            dashboard.summary(p.actor()),
            "cases",
            open.stream().limit(8).toList(),
            "overdue",
            overdue,
            "dueSoon",
            dueSoon,
            "seesReports",
            seesReports,
            "waiting",
            waiting,
            "waitingOverdue",
            waiting.stream().filter(r -> r.ackDueAt().isBefore(now)).count()));
  }

  private static DeadlineState state(CaseDetails c) {
    return c.next().map(dev.craft.core.CaseDeadline::state).orElse(DeadlineState.NO_DEADLINE_YET);
  }
}
