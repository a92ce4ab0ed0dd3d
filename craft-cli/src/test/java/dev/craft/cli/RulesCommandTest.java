package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCommandTest {
  @Test
  void art14JsonHasExactlyTheDeadlinesOfTheVulnerabilityExample() {
    var r =
        Cli.run(
            "rules",
            "art14",
            "--kind",
            "vulnerability",
            "--aware-at",
            "2026-10-01T09:00:00Z",
            "--measure-at",
            "2026-10-20T12:00:00Z",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"earlyWarning\" : \"2026-10-02T09:00:00Z\"")
        .contains("\"notification\" : \"2026-10-04T09:00:00Z\"")
        .contains("\"finalReport\" : \"2026-11-03T12:00:00Z\"")
        .contains("\"finalReport\" : \"Art. 14(2)(c)\"");
  }

  @Test
  void art14JsonGivesNullForTheFinalReportWithoutAMeasure() {
    var r =
        Cli.run(
            "rules",
            "art14",
            "--kind",
            "vulnerability",
            "--aware-at",
            "2026-10-01T11:00+02:00",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"earlyWarning\" : \"2026-10-02T09:00:00Z\"")
        .contains("\"finalReport\" : null");
  }

  @Test
  void art14CountsTheIncidentMonthInTheGivenZone() {
    var r =
        Cli.run(
            "rules",
            "art14",
            "--kind",
            "incident",
            "--aware-at",
            "2027-02-27T10:00:00Z",
            "--notified-at",
            "2027-02-28T23:30:00Z",
            "--zone",
            "Europe/Berlin",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"finalReport\" : \"2027-03-31T22:30:00Z\"");
  }

  @Test
  void art14TextNamesTheArticleOfEachDeadline() {
    var r = Cli.run("rules", "art14", "--kind", "incident", "--aware-at", "2026-10-01T09:00:00Z");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Art. 14(4)(a)")
        .contains("Art. 14(4)(b)")
        .contains("Art. 14(4)(c)")
        .contains("--notified-at");
  }

  @Test
  void anInvalidInstantIsInvalidInputWithOneLineOnStderr() {
    var r = Cli.run("rules", "art14", "--kind", "incident", "--aware-at", "2026-10-01 09:00");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("--aware-at").doesNotContain("Exception");
  }

  @Test
  void anInstantWithoutOffsetIsInvalidInput() {
    var r = Cli.run("rules", "art14", "--kind", "incident", "--aware-at", "2026-10-01T09:00:00");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void anUnknownZoneIsInvalidInputWithOneLineOnStderr() {
    var r =
        Cli.run(
            "rules",
            "art14",
            "--kind",
            "incident",
            "--aware-at",
            "2026-10-01T09:00:00Z",
            "--zone",
            "Mars/Olympus");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("--zone");
  }

  @Test
  void aMeasureTimeForAnIncidentIsRefused() {
    var r =
        Cli.run(
            "rules",
            "art14",
            "--kind",
            "incident",
            "--aware-at",
            "2026-10-01T09:00:00Z",
            "--measure-at",
            "2026-10-02T09:00:00Z");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("Art. 14(2)(c)");
  }

  @Test
  void aMissingKindIsAUsageError() {
    var r = Cli.run("rules", "art14", "--aware-at", "2026-10-01T09:00:00Z");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void conformityJsonListsTheModulesAndTheArticle() {
    var r = Cli.run("rules", "conformity", "--class", "important-1", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().replaceAll("\\s", ""))
        .contains("\"modules\":[\"B+C\",\"H\"]")
        .contains("\"basis\":\"Art.32(2)\"");
  }

  @Test
  void conformityForACriticalProductUnderADelegatedActIsCertificationOnly() {
    var r =
        Cli.run(
            "rules", "conformity", "--class", "critical", "--eucc-required", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out().replaceAll("\\s", ""))
        .contains("\"modules\":[\"EUCC\"]")
        .contains("Art.32(4)(a),Art.8(1)");
  }

  @Test
  void conformityTextForFossInAnnexThreeCitesArticle32Point5() {
    var r = Cli.run("rules", "conformity", "--class", "important-2", "--foss-public-docs");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Art. 32(5)").contains("module A");
  }

  @Test
  void anUnknownClassIsInvalidInput() {
    var r = Cli.run("rules", "conformity", "--class", "important-3");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("important-1");
  }

  @Test
  void retentionJsonGivesBothDates() {
    var r =
        Cli.run(
            "rules",
            "retention",
            "--placed-on-market",
            "2028-01-15",
            "--support-end",
            "2033-01",
            "--update-issued",
            "2032-05-01",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"documentationUntil\" : \"2038-01-15\"")
        .contains("\"updatesAvailableUntil\" : \"2042-05-01\"")
        .contains("\"supportEnd\" : \"01/2033\"")
        .contains("\"supportPeriodAtLeastFiveYears\" : true");
  }

  @Test
  void retentionJsonGivesNullWithoutAnUpdate() {
    var r =
        Cli.run(
            "rules",
            "retention",
            "--placed-on-market",
            "2028-01-15",
            "--support-end",
            "2040-06-30",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"documentationUntil\" : \"2040-06-30\"")
        .contains("\"updatesAvailableUntil\" : null");
  }

  @Test
  void retentionWarnsAboutASupportPeriodShorterThanFiveYears() {
    var r =
        Cli.run(
            "rules",
            "retention",
            "--placed-on-market",
            "2028-01-15",
            "--support-end",
            "2030-01-15");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("warning:").contains("Art. 13(8)");
  }

  @Test
  void anInvalidDateIsInvalidInput() {
    var r =
        Cli.run(
            "rules",
            "retention",
            "--placed-on-market",
            "2028-02-30",
            "--support-end",
            "2033-01-31");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--placed-on-market");
  }

  @Test
  void penaltyJsonGivesTheHigherCeiling() {
    var r =
        Cli.run(
            "rules",
            "penalty",
            "--turnover",
            "1000000000",
            "--category",
            "essential",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"maximumFineEur\" : 25000000.00")
        .contains("\"basis\" : \"Art. 64(2)\"")
        .contains("Art. 64(10)(a)");
  }

  @Test
  void penaltyTextForASmallTurnoverShowsTheFixedAmount() {
    var r = Cli.run("rules", "penalty", "--turnover", "2e6", "--category", "misleading");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("up to EUR 5000000 (Art. 64(4)");
  }

  @Test
  void aTurnoverThatIsNotANumberIsInvalidInput() {
    var r = Cli.run("rules", "penalty", "--turnover", "lots", "--category", "other");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void applicabilityForALegacyProductIsReportingOnly() {
    var r =
        Cli.run(
            "rules",
            "applicability",
            "--placed-on-market",
            "2027-06-01",
            "--on",
            "2028-01-01",
            "--format",
            "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"reportingApplies\" : true")
        .contains("\"requirementsApply\" : false")
        .contains("Art. 69(2)");
  }

  @Test
  void annexListsTheTwentySixCategories() {
    var r = Cli.run("rules", "annex");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(26);
    assertThat(r.out()).contains("III-I-3   Password managers  [Annex III, class I, point 3]");
  }

  @Test
  void rulesWithoutASubcommandPrintsItsUsage() {
    var r = Cli.run("rules");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("art14").contains("conformity").contains("retention");
  }
}
