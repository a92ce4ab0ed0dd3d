package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Art14DeadlinesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void theVulnerabilityExampleOfTheRequirementsMapGivesItsThreeDeadlines() {
    // Art. 14(2)(a), (b) and (c); requirements map section 2a "Clock tests".
    var c =
        Art14Case.of(Art14Kind.VULNERABILITY, Instant.parse("2026-10-01T09:00:00Z"))
            .withMeasureAvailableAt(Instant.parse("2026-10-20T12:00:00Z"));
    var d = Art14Deadlines.of(c);
    assertThat(d.earlyWarning().due()).isEqualTo("2026-10-02T09:00:00Z");
    assertThat(d.earlyWarning().basis()).isEqualTo("Art. 14(2)(a)");
    assertThat(d.notification().due()).isEqualTo("2026-10-04T09:00:00Z");
    assertThat(d.notification().basis()).isEqualTo("Art. 14(2)(b)");
    assertThat(d.finalReport())
        .get()
        .extracting(Art14Deadline::due)
        .isEqualTo(Instant.parse("2026-11-03T12:00:00Z"));
    assertThat(d.finalReport().get().basis()).isEqualTo("Art. 14(2)(c)");
  }

  @Test
  void aVulnerabilityWithoutAMeasureHasNoFinalReportDeadlineYet() {
    var d =
        Art14Deadlines.of(
            Art14Case.of(Art14Kind.VULNERABILITY, Instant.parse("2026-10-01T09:00:00Z")));
    assertThat(d.finalReport()).isEmpty();
    assertThat(d.finalReportBasis()).isEqualTo("Art. 14(2)(c)");
    assertThat(d.all()).hasSize(2);
  }

  @Test
  void anIncidentWithoutASubmittedNotificationHasNoFinalReportDeadlineYet() {
    var d =
        Art14Deadlines.of(Art14Case.of(Art14Kind.INCIDENT, Instant.parse("2026-10-01T09:00:00Z")));
    assertThat(d.finalReport()).isEmpty();
    assertThat(d.earlyWarning().basis()).isEqualTo("Art. 14(4)(a)");
    assertThat(d.finalReportBasis()).isEqualTo("Art. 14(4)(c)");
  }

  @Test
  void theSeventyTwoHoursRunFromAwarenessNotFromTheEarlyWarning() {
    Instant t0 = Instant.parse("2026-10-01T09:00:00Z");
    var d = Art14Deadlines.of(Art14Case.of(Art14Kind.INCIDENT, t0));
    assertThat(Duration.between(t0, d.notification().due())).isEqualTo(Duration.ofHours(72));
    assertThat(Duration.between(d.earlyWarning().due(), d.notification().due()))
        .isEqualTo(Duration.ofHours(48));
  }

  @ParameterizedTest(name = "aware {0} in {1}: early warning {2}, notification {3}")
  @CsvSource({
    // Hours are exact durations whatever the zone, also across Berlin's spring-forward
    // (2027-03-28 02:00 -> 03:00) and fall-back (2026-10-25 03:00 -> 02:00).
    "2027-03-27T12:00:00+01:00, Europe/Berlin, 2027-03-28T11:00:00Z, 2027-03-30T11:00:00Z",
    "2026-10-24T12:00:00+02:00, Europe/Berlin, 2026-10-25T10:00:00Z, 2026-10-27T10:00:00Z",
    "2026-12-31T23:30:00Z, UTC, 2027-01-01T23:30:00Z, 2027-01-03T23:30:00Z",
  })
  void hourDeadlinesAreExactDurationsFromAwareness(
      String aware, String zone, String earlyWarning, String notification) {
    var d =
        Art14Deadlines.of(
            Art14Case.of(Art14Kind.VULNERABILITY, java.time.OffsetDateTime.parse(aware).toInstant())
                .withZone(ZoneId.of(zone)));
    assertThat(d.earlyWarning().due()).isEqualTo(earlyWarning);
    assertThat(d.notification().due()).isEqualTo(notification);
  }

  @ParameterizedTest(name = "measure {0} in {1}: final report {2}")
  @CsvSource({
    // Art. 14(2)(c): 14 calendar days keeping the local time of day.
    "2026-10-20T12:00:00Z, UTC, 2026-11-03T12:00:00Z",
    // Across Berlin's spring-forward on 2027-03-28: 10:00 CET -> 10:00 CEST, 14 days less 1 hour.
    "2027-03-20T10:00:00+01:00, Europe/Berlin, 2027-04-03T08:00:00Z",
    // Across Berlin's fall-back on 2026-10-25: 10:00 CEST -> 10:00 CET, 14 days plus 1 hour.
    "2026-10-20T10:00:00+02:00, Europe/Berlin, 2026-11-03T09:00:00Z",
    // The same instant counted in UTC keeps UTC's time of day instead.
    "2026-10-20T10:00:00+02:00, UTC, 2026-11-03T08:00:00Z",
    // 02:30 on 2027-03-28 does not exist in Berlin: java.time moves it later by the gap, 03:30
    // CEST.
    "2027-03-14T02:30:00+01:00, Europe/Berlin, 2027-03-28T01:30:00Z",
    // Leap year: 14 days from 2028-02-20 is 2028-03-05 (29 February counts).
    "2028-02-20T08:00:00Z, UTC, 2028-03-05T08:00:00Z",
    "2027-02-20T08:00:00Z, UTC, 2027-03-06T08:00:00Z",
  })
  void theVulnerabilityFinalReportIsDueFourteenCalendarDaysAfterTheMeasure(
      String measure, String zone, String due) {
    Instant at = java.time.OffsetDateTime.parse(measure).toInstant();
    var c =
        Art14Case.of(Art14Kind.VULNERABILITY, at.minus(Duration.ofDays(2)))
            .withZone(ZoneId.of(zone))
            .withMeasureAvailableAt(at);
    assertThat(Art14Deadlines.of(c).finalReport())
        .get()
        .extracting(Art14Deadline::due)
        .isEqualTo(Instant.parse(due));
  }

  @ParameterizedTest(name = "notification {0} in {1}: final report {2}")
  @CsvSource({
    // Art. 14(4)(c): one calendar month after the submission; requirements map section 2a.
    "2026-10-03T10:00:00Z, UTC, 2026-11-03T10:00:00Z",
    // 31 January + 1 month: no 31 February, so the last day of February.
    "2027-01-31T10:00:00Z, UTC, 2027-02-28T10:00:00Z",
    "2028-01-31T10:00:00Z, UTC, 2028-02-29T10:00:00Z",
    "2028-02-29T10:00:00Z, UTC, 2028-03-29T10:00:00Z",
    "2027-03-31T10:00:00Z, UTC, 2027-04-30T10:00:00Z",
    "2026-12-15T10:00:00Z, UTC, 2027-01-15T10:00:00Z",
    // Across Berlin's spring-forward: 10:00 CET on 15 March -> 10:00 CEST on 15 April.
    "2027-03-15T10:00:00+01:00, Europe/Berlin, 2027-04-15T08:00:00Z",
    // The zone decides the calendar day: 23:30 UTC on 28 February is 1 March in Berlin.
    "2027-02-28T23:30:00Z, Europe/Berlin, 2027-03-31T22:30:00Z",
    "2027-02-28T23:30:00Z, UTC, 2027-03-28T23:30:00Z",
  })
  void theIncidentFinalReportIsDueOneCalendarMonthAfterTheNotification(
      String submitted, String zone, String due) {
    Instant at = java.time.OffsetDateTime.parse(submitted).toInstant();
    var c =
        Art14Case.of(Art14Kind.INCIDENT, at.minus(Duration.ofHours(30)))
            .withZone(ZoneId.of(zone))
            .withNotificationSubmittedAt(at);
    var finalReport = Art14Deadlines.of(c).finalReport().orElseThrow();
    assertThat(finalReport.due()).isEqualTo(Instant.parse(due));
    assertThat(finalReport.basis()).isEqualTo("Art. 14(4)(c)");
  }

  @Test
  void aMeasureAvailableBeforeAwarenessCountsTheFourteenDaysFromAwareness() {
    var c =
        Art14Case.of(Art14Kind.VULNERABILITY, Instant.parse("2026-10-10T09:00:00Z"))
            .withMeasureAvailableAt(Instant.parse("2026-09-01T00:00:00Z"));
    var finalReport = Art14Deadlines.of(c).finalReport().orElseThrow();
    assertThat(finalReport.due()).isEqualTo("2026-10-24T09:00:00Z");
    assertThat(finalReport.rule()).contains("counted from awareness");
  }

  @Test
  void aNotificationSubmittedBeforeAwarenessIsRefused() {
    var c = Art14Case.of(Art14Kind.INCIDENT, Instant.parse("2026-10-10T09:00:00Z"));
    assertThatThrownBy(() -> c.withNotificationSubmittedAt(Instant.parse("2026-10-09T09:00:00Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("before the manufacturer became aware");
  }

  @Test
  void caseKindsParseFromTheirCommandLineNames() {
    assertThat(Art14Kind.parse("Vulnerability")).isEqualTo(Art14Kind.VULNERABILITY);
    assertThat(Art14Kind.parse("incident").duty()).isEqualTo("Art. 14(3)");
    assertThatThrownBy(() -> Art14Kind.parse("breach")).isInstanceOf(InvalidInputException.class);
  }
}
