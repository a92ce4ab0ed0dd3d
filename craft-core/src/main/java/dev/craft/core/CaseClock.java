package dev.craft.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case's deadlines at a moment: the Art. 14 clocks of {@link Art14Deadlines} fed with the case's
 * facts and submissions, plus the intermediate reports the coordinator asked for.
 */
public final class CaseClock {
  private CaseClock() {}

  public static List<CaseDeadline> deadlines(
      ReportingCase c,
      List<Submission> submissions,
      List<IntermediateRequest> requests,
      Instant now,
      Duration dueSoon) {
    Art14Case clock = c.facts().clockCase();
    Optional<Submission> notification = first(submissions, SubmissionStage.NOTIFICATION);
    if (c.kind() == Art14Kind.INCIDENT && notification.isPresent()) {
      clock = clock.withNotificationSubmittedAt(notification.get().submittedAt());
    }
    Art14Deadlines d = Art14Deadlines.of(clock);
    List<CaseDeadline> out = new ArrayList<>();
    String carveOut =
        c.facts().enterpriseSize().earlyWarningFineExempt() ? EnterpriseSize.CARVE_OUT : "";
    out.add(of(d.earlyWarning(), "earlyWarning", submissions, now, dueSoon, carveOut));
    out.add(of(d.notification(), "notification", submissions, now, dueSoon, ""));
    Optional<Art14Deadline> fin = d.finalReport();
    if (fin.isPresent()) {
      out.add(of(fin.get(), "finalReport", submissions, now, dueSoon, ""));
    } else {
      Optional<Submission> sent = first(submissions, SubmissionStage.FINAL_REPORT);
      String waiting =
          c.kind() == Art14Kind.VULNERABILITY
              ? "no deadline until a corrective or mitigating measure is available"
              : "no deadline until the notification is submitted";
      out.add(
          new CaseDeadline(
              "finalReport",
              SubmissionStage.FINAL_REPORT,
              null,
              d.finalReportBasis(),
              d.finalReportRule(),
              sent.isPresent() ? DeadlineState.SUBMITTED : DeadlineState.NO_DEADLINE_YET,
              sent.map(Submission::submittedAt).orElse(null),
              false,
              waiting));
    }
    for (IntermediateRequest r : requests) {
      Optional<Submission> answer =
          submissions.stream()
              .filter(s -> s.requestId() != null && s.requestId() == r.id())
              .min(Comparator.comparing(Submission::submittedAt));
      out.add(
          deadline(
              "intermediate-" + r.id(),
              SubmissionStage.INTERMEDIATE,
              r.dueAt(),
              "Art. 14(6)",
              "intermediate report requested by "
                  + (r.requestedBy().isEmpty() ? "the coordinator" : r.requestedBy()),
              answer,
              now,
              dueSoon,
              ""));
    }
    return List.copyOf(out);
  }

  /** The most pressing pending deadline: overdue first, then the earliest due. */
  public static Optional<CaseDeadline> next(List<CaseDeadline> deadlines) {
    return deadlines.stream()
        .filter(d -> d.state().pending() && d.due() != null)
        .min(Comparator.comparing(CaseDeadline::due));
  }

  private static CaseDeadline of(
      Art14Deadline d,
      String key,
      List<Submission> submissions,
      Instant now,
      Duration dueSoon,
      String note) {
    SubmissionStage stage = SubmissionStage.of(d.stage());
    return deadline(
        key, stage, d.due(), d.basis(), d.rule(), first(submissions, stage), now, dueSoon, note);
  }

  private static CaseDeadline deadline(
      String key,
      SubmissionStage stage,
      Instant due,
      String basis,
      String rule,
      Optional<Submission> sent,
      Instant now,
      Duration dueSoon,
      String note) {
    DueState state = DueState.of(due, now, dueSoon, sent.isPresent());
    Instant at = sent.map(Submission::submittedAt).orElse(null);
    return new CaseDeadline(
        key,
        stage,
        due,
        basis,
        rule,
        DeadlineState.of(state),
        at,
        at != null && at.isAfter(due),
        note);
  }

  private static Optional<Submission> first(List<Submission> all, SubmissionStage stage) {
    return all.stream()
        .filter(s -> s.stage() == stage)
        .min(Comparator.comparing(Submission::submittedAt));
  }
}
