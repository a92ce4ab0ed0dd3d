package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.CaseClock;
import dev.craft.core.CaseDeadline;
import dev.craft.core.CoordinatorRouting;
import dev.craft.core.DeadlineState;
import dev.craft.core.IntermediateRequest;
import dev.craft.core.ReportingCase;
import dev.craft.core.SrpValues;
import dev.craft.core.StageCheck;
import dev.craft.core.StageReadiness;
import dev.craft.core.Submission;
import dev.craft.core.SubmissionDraft;
import dev.craft.core.SubmissionStage;
import dev.craft.store.CaseStore;
import dev.craft.store.EscalationStore;
import dev.craft.store.SubmissionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads cases together with their clocks: joins the stores with core's rules. The clock is
 * injectable so that tests can ask "what does this look like at instant X".
 */
final class Art14Cases {
  private final CaseStore cases;
  private final SubmissionStore submissions;
  private final EscalationStore escalations;
  private final Duration dueSoon;
  private final Clock clock;

  Art14Cases(
      CaseStore cases,
      SubmissionStore submissions,
      EscalationStore escalations,
      Duration dueSoon,
      Clock clock) {
    this.cases = cases;
    this.submissions = submissions;
    this.escalations = escalations;
    this.dueSoon = dueSoon;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  CaseStore store() {
    return cases;
  }

  CaseDetails details(Actor actor, long id) {
    ReportingCase c = cases.get(actor, id);
    return details(
        c,
        submissions.submissions(List.of(id)),
        submissions.requests(List.of(id)),
        escalations.sent(id),
        now());
  }

  /** The cases the actor sees, most urgent first: overdue, then by next due time, then newest. */
  List<CaseDetails> list(Actor actor, boolean includeClosed) {
    return withClocks(cases.list(actor, includeClosed), now()).stream().sorted(URGENCY).toList();
  }

  /** Every open case with its clocks, for the escalation scheduler. */
  List<CaseDetails> openCases(Instant at) {
    return withClocks(cases.openCases(), at);
  }

  Submission submit(Actor actor, long caseId, SubmissionDraft draft) {
    ReportingCase c = cases.get(actor, caseId);
    // The snapshot of what was sent is the case's SRP values at the moment of recording.
    Map<String, String> sent = SrpValues.of(c);
    return submissions.record(actor, caseId, draft, sent, now());
  }

  IntermediateRequest request(
      Actor actor, long caseId, Instant requestedAt, Instant dueAt, String by, String note) {
    return submissions.request(actor, caseId, requestedAt, dueAt, by, note);
  }

  private List<CaseDetails> withClocks(List<ReportingCase> list, Instant at) {
    if (list.isEmpty()) {
      return List.of();
    }
    List<Long> ids = list.stream().map(ReportingCase::id).toList();
    List<Submission> subs = submissions.submissions(ids);
    List<IntermediateRequest> reqs = submissions.requests(ids);
    List<CaseDetails> out = new ArrayList<>();
    for (ReportingCase c : list) {
      out.add(
          details(
              c,
              subs.stream().filter(s -> s.caseId() == c.id()).toList(),
              reqs.stream().filter(r -> r.caseId() == c.id()).toList(),
              List.of(),
              at));
    }
    return out;
  }

  private CaseDetails details(
      ReportingCase c,
      List<Submission> subs,
      List<IntermediateRequest> reqs,
      List<EscalationStore.Sent> sent,
      Instant at) {
    List<CaseDeadline> deadlines = CaseClock.deadlines(c, subs, reqs, at, dueSoon);
    Map<String, String> values = SrpValues.of(c);
    List<StageReadiness> readiness = new ArrayList<>();
    for (SubmissionStage stage :
        List.of(
            SubmissionStage.EARLY_WARNING,
            SubmissionStage.NOTIFICATION,
            SubmissionStage.FINAL_REPORT)) {
      readiness.add(StageCheck.check(c.kind(), stage, values));
    }
    return new CaseDetails(
        c,
        at,
        deadlines,
        readiness,
        values,
        CoordinatorRouting.route(c.facts().routing()),
        subs,
        reqs,
        sent);
  }

  static final Comparator<CaseDetails> URGENCY =
      Comparator.<CaseDetails>comparingInt(
              d -> d.next().map(n -> n.state() == DeadlineState.OVERDUE ? 0 : 1).orElse(2))
          .thenComparing(d -> d.next().map(CaseDeadline::due).orElse(Instant.MAX))
          .thenComparing(d -> d.reportingCase().facts().awareAt(), Comparator.reverseOrder());
}
