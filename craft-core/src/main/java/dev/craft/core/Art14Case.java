package dev.craft.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The facts that the Art. 14 clocks depend on: the kind of case, when the manufacturer became aware
 * (T0), and, once known, when a corrective or mitigating measure became available (vulnerabilities)
 * or when the notification was submitted (incidents). Immutable; the {@code with...} methods return
 * a new case.
 *
 * <p>The zone is the case's time zone, in which calendar days and months are counted (Art. 14(2)(c)
 * "14 days", Art. 14(4)(c) "one month"). The Regulation does not name a zone; UTC is the default.
 */
public final class Art14Case {
  private final Art14Kind kind;
  private final Instant awareAt;
  private final ZoneId zone;
  private final @Nullable Instant measureAvailableAt;
  private final @Nullable Instant notificationSubmittedAt;

  private Art14Case(
      Art14Kind kind,
      Instant awareAt,
      ZoneId zone,
      @Nullable Instant measureAvailableAt,
      @Nullable Instant notificationSubmittedAt) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.awareAt = Objects.requireNonNull(awareAt, "awareAt");
    this.zone = Objects.requireNonNull(zone, "zone");
    if (notificationSubmittedAt != null && notificationSubmittedAt.isBefore(awareAt)) {
      // The notification describes what the manufacturer became aware of: it cannot come first.
      throw new InvalidInputException(
          "notification submitted at "
              + notificationSubmittedAt
              + " is before the manufacturer became aware at "
              + awareAt);
    }
    this.measureAvailableAt = measureAvailableAt;
    this.notificationSubmittedAt = notificationSubmittedAt;
  }

  /** A case counted in UTC. */
  public static Art14Case of(Art14Kind kind, Instant awareAt) {
    return new Art14Case(kind, awareAt, ZoneOffset.UTC, null, null);
  }

  public Art14Case withZone(ZoneId newZone) {
    return new Art14Case(kind, awareAt, newZone, measureAvailableAt, notificationSubmittedAt);
  }

  /** Records when a corrective or mitigating measure became available (Art. 14(2)(c)). */
  public Art14Case withMeasureAvailableAt(Instant at) {
    return new Art14Case(kind, awareAt, zone, Objects.requireNonNull(at), notificationSubmittedAt);
  }

  /** Records when the notification of Art. 14(2)(b) or 14(4)(b) was submitted. */
  public Art14Case withNotificationSubmittedAt(Instant at) {
    return new Art14Case(kind, awareAt, zone, measureAvailableAt, Objects.requireNonNull(at));
  }

  public Art14Kind kind() {
    return kind;
  }

  /** T0: the moment the manufacturer became aware. */
  public Instant awareAt() {
    return awareAt;
  }

  public ZoneId zone() {
    return zone;
  }

  public Optional<Instant> measureAvailableAt() {
    return Optional.ofNullable(measureAvailableAt);
  }

  public Optional<Instant> notificationSubmittedAt() {
    return Optional.ofNullable(notificationSubmittedAt);
  }
}
