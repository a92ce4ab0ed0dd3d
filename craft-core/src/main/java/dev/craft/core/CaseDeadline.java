package dev.craft.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One deadline of a case at a given moment.
 *
 * @param key earlyWarning, notification, finalReport or intermediate-{requestId}; stable, used to
 *     record escalations
 * @param stage the submission stage that satisfies it
 * @param due empty until known (final report)
 * @param submittedAt the first submission of that stage, if any
 * @param late submitted after the due time
 * @param note e.g. the Art. 64(10)(a) carve-out on the early warning
 */
public record CaseDeadline(
    String key,
    SubmissionStage stage,
    @Nullable Instant due,
    String basis,
    String rule,
    DeadlineState state,
    @Nullable Instant submittedAt,
    boolean late,
    String note) {
  public CaseDeadline {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(state, "state");
  }

  public String label() {
    return stage.label();
  }
}
