package dev.craft.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Art. 14 reporting deadlines of one case, computed with java.time only.
 *
 * <ul>
 *   <li>Early warning: T0 + 24 hours (Art. 14(2)(a), 14(4)(a) "within 24 hours of the manufacturer
 *       becoming aware").
 *   <li>Notification: T0 + 72 hours (Art. 14(2)(b), 14(4)(b) "within 72 hours of the manufacturer
 *       becoming aware"): counted from T0, not from the early warning.
 *   <li>Final report, vulnerability: 14 calendar days after a corrective or mitigating measure is
 *       available (Art. 14(2)(c)); no deadline until that moment is known.
 *   <li>Final report, severe incident: one calendar month after the submission of the notification
 *       (Art. 14(4)(c)); no deadline until the submission is known. A day missing in the target
 *       month becomes that month's last day (31 January → 28/29 February).
 * </ul>
 *
 * Hours are exact durations. Days and months are calendar units in the case's zone and keep the
 * local time of day, so "14 days" across a summer-time change is 14 × 24 h ± 1 h. Results are
 * instants (UTC).
 */
public final class Art14Deadlines {
  static final Duration EARLY_WARNING = Duration.ofHours(24);
  static final Duration NOTIFICATION = Duration.ofHours(72);
  static final int FINAL_REPORT_DAYS_AFTER_MEASURE = 14;
  static final int FINAL_REPORT_MONTHS_AFTER_NOTIFICATION = 1;

  private final Art14Deadline earlyWarning;
  private final Art14Deadline notification;
  private final @Nullable Art14Deadline finalReport;
  private final String finalReportRule;
  private final String finalReportBasis;

  private Art14Deadlines(
      Art14Deadline earlyWarning,
      Art14Deadline notification,
      @Nullable Art14Deadline finalReport,
      String finalReportRule,
      String finalReportBasis) {
    this.earlyWarning = earlyWarning;
    this.notification = notification;
    this.finalReport = finalReport;
    this.finalReportRule = finalReportRule;
    this.finalReportBasis = finalReportBasis;
  }

  public static Art14Deadlines of(Art14Case c) {
    Objects.requireNonNull(c, "case");
    boolean vulnerability = c.kind() == Art14Kind.VULNERABILITY;
    String point = vulnerability ? "Art. 14(2)" : "Art. 14(4)";
    var early =
        new Art14Deadline(
            Art14Stage.EARLY_WARNING,
            c.awareAt().plus(EARLY_WARNING),
            point + "(a)",
            "24 hours after the manufacturer became aware");
    var notification =
        new Art14Deadline(
            Art14Stage.NOTIFICATION,
            c.awareAt().plus(NOTIFICATION),
            point + "(b)",
            "72 hours after the manufacturer became aware");
    String finalRule;
    Art14Deadline finalReport = null;
    if (vulnerability) {
      finalRule = "14 days after a corrective or mitigating measure is available";
      Optional<Instant> measure = c.measureAvailableAt();
      if (measure.isPresent()) {
        // A measure that existed before T0 cannot make the report due before the duty arose:
        // the 14 days then run from awareness.
        // The Regulation is silent on this case (a patched vulnerability exploited later); this
        // is CRAFT's reading, and the rule text says so.
        boolean predates = measure.get().isBefore(c.awareAt());
        Instant anchor = predates ? c.awareAt() : measure.get();
        Instant due = anchor.atZone(c.zone()).plusDays(FINAL_REPORT_DAYS_AFTER_MEASURE).toInstant();
        String rule =
            predates
                ? finalRule
                    + " (the measure predates awareness, so counted from awareness: CRAFT's"
                    + " reading, the Regulation does not address this case)"
                : finalRule;
        finalReport = new Art14Deadline(Art14Stage.FINAL_REPORT, due, point + "(c)", rule);
      }
    } else {
      finalRule = "one month after the notification was submitted";
      Optional<Instant> submitted = c.notificationSubmittedAt();
      if (submitted.isPresent()) {
        // plusMonths clamps to the last day of a shorter month, as the rule requires.
        Instant due =
            submitted
                .get()
                .atZone(c.zone())
                .plusMonths(FINAL_REPORT_MONTHS_AFTER_NOTIFICATION)
                .toInstant();
        finalReport = new Art14Deadline(Art14Stage.FINAL_REPORT, due, point + "(c)", finalRule);
      }
    }
    return new Art14Deadlines(early, notification, finalReport, finalRule, point + "(c)");
  }

  public Art14Deadline earlyWarning() {
    return earlyWarning;
  }

  public Art14Deadline notification() {
    return notification;
  }

  /** Empty until the anchor of the final report (measure available / notification) is known. */
  public Optional<Art14Deadline> finalReport() {
    return Optional.ofNullable(finalReport);
  }

  /** The final-report rule in words, also when there is no due time yet. */
  public String finalReportRule() {
    return finalReportRule;
  }

  /** The article and point of the final report, also when there is no due time yet. */
  public String finalReportBasis() {
    return finalReportBasis;
  }

  /** The deadlines known so far, in order. */
  public List<Art14Deadline> all() {
    var list = new ArrayList<Art14Deadline>(List.of(earlyWarning, notification));
    if (finalReport != null) {
      list.add(finalReport);
    }
    return List.copyOf(list);
  }
}
