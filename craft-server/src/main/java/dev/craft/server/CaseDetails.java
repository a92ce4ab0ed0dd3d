package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.CoordinatorRoute;
import dev.craft.core.IntermediateRequest;
import dev.craft.core.ReportingCase;
import dev.craft.core.StageReadiness;
import dev.craft.core.Submission;
import dev.craft.store.EscalationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about one case at a moment: its facts, clocks, what each stage still needs, where it
 * is reported to, and what happened so far. The API, the pages and the exports all read this.
 */
public record CaseDetails(
    ReportingCase reportingCase,
    Instant now,
    List<CaseDeadline> deadlines,
    List<StageReadiness> readiness,
    Map<String, String> srpValues,
    Optional<CoordinatorRoute> route,
    List<Submission> submissions,
    List<IntermediateRequest> requests,
    List<EscalationStore.Sent> escalations) {

  public long id() {
    return reportingCase.id();
  }

  /** The most pressing pending deadline, if any. */
  public Optional<CaseDeadline> next() {
    return dev.craft.core.CaseClock.next(deadlines);
  }
}
