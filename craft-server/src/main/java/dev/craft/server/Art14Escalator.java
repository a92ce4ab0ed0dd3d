package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.DeadlineState;
import dev.craft.store.EscalationStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deadline escalations: for every pending deadline of every open case, once the most urgent
 * configured offset before it has been reached, and once more when the deadline has passed. Each
 * (case, deadline, offset, channel) is sent once, recorded in the database in the same transaction,
 * so several server instances can run this side by side.
 */
final class Art14Escalator {
  private static final Logger LOG = LoggerFactory.getLogger(Art14Escalator.class);

  private final Art14Cases cases;
  private final EscalationStore store;
  private final List<Duration> offsets;
  private final List<EscalationChannel> channels;
  private final URI publicUrl;

  Art14Escalator(
      Art14Cases cases,
      EscalationStore store,
      List<Duration> offsets,
      List<EscalationChannel> channels,
      URI publicUrl) {
    this.cases = cases;
    this.store = store;
    this.offsets = offsets.stream().sorted().toList();
    this.channels = List.copyOf(channels);
    this.publicUrl = publicUrl;
  }

  boolean active() {
    return !channels.isEmpty();
  }

  /** Sends what is due at {@code now}; returns the escalations sent by this call. */
  List<Escalation> runOnce(Instant now) {
    List<Escalation> sent = new ArrayList<>();
    if (channels.isEmpty()) {
      return sent;
    }
    for (CaseDetails d : cases.openCases(now)) {
      for (CaseDeadline deadline : d.deadlines()) {
        if (deadline.due() == null || !deadline.state().pending()) {
          continue;
        }
        reached(deadline, now)
            .ifPresent(
                offset -> {
                  var e =
                      new Escalation(
                          d.id(),
                          d.reportingCase().title(),
                          deadline,
                          offset,
                          now,
                          publicUrl.resolve("/cases/" + d.id()));
                  for (EscalationChannel channel : channels) {
                    if (deliver(e, channel)) {
                      sent.add(e);
                    }
                  }
                });
      }
    }
    return sent;
  }

  /**
   * The escalation that applies now: "overdue" past the deadline, otherwise the smallest offset
   * already reached (a case opened late gets one reminder, not one per offset).
   */
  private Optional<Duration> reached(CaseDeadline deadline, Instant now) {
    if (deadline.state() == DeadlineState.OVERDUE) {
      return Optional.of(Escalation.OVERDUE);
    }
    return offsets.stream()
        .filter(o -> !now.isBefore(deadline.due().minus(o)))
        .min(Comparator.naturalOrder());
  }

  private boolean deliver(Escalation e, EscalationChannel channel) {
    var key =
        new EscalationStore.Key(
            e.caseId(), e.deadline().key(), e.offset(), channel.name(), e.deadline().due());
    try {
      return store.sendOnce(key, () -> channel.send(e));
    } catch (DeliveryException x) {
      LOG.warn("{}; will retry", x.getMessage());
      return false;
    }
  }
}
