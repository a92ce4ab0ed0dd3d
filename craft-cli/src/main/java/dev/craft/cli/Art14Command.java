package dev.craft.cli;

import dev.craft.core.Art14Case;
import dev.craft.core.Art14Deadline;
import dev.craft.core.Art14Deadlines;
import dev.craft.core.Art14Kind;
import dev.craft.core.InvalidInputException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules art14}: the reporting deadlines of Art. 14 for one case. */
@Command(
    name = "art14",
    mixinStandardHelpOptions = true,
    description = {
      "Art. 14 reporting deadlines: early warning T0+24h, notification T0+72h (Art. 14(2)(a)-(b),"
          + " 14(4)(a)-(b)); final report 14 days after a measure is available (vulnerability,"
          + " Art. 14(2)(c)) or one month after the notification (incident, Art. 14(4)(c)).",
      "Days and months are calendar units in --zone, keeping the local time of day; output is"
          + " UTC."
    })
public final class Art14Command implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "vulnerability|incident",
      description =
          "vulnerability: actively exploited vulnerability (Art. 14(1)); incident: severe"
              + " incident (Art. 14(3))")
  String kind = "";

  @Option(
      names = "--aware-at",
      required = true,
      paramLabel = "T",
      description = "when the manufacturer became aware (T0), ISO-8601 with offset")
  String awareAt = "";

  @Option(
      names = "--measure-at",
      paramLabel = "T",
      description = "vulnerability: when a corrective or mitigating measure became available")
  @Nullable String measureAt;

  @Option(
      names = "--notified-at",
      paramLabel = "T",
      description = "incident: when the incident notification (72 h stage) was submitted")
  @Nullable String notifiedAt;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "time zone for calendar days and months (default: UTC)")
  @Nullable String zone;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    Art14Kind caseKind = Art14Kind.parse(kind);
    ZoneId caseZone = zone == null ? ZoneOffset.UTC : RulesArgs.zone(zone);
    Art14Case c =
        Art14Case.of(caseKind, RulesArgs.instant("--aware-at", awareAt)).withZone(caseZone);
    if (measureAt != null) {
      if (caseKind != Art14Kind.VULNERABILITY) {
        throw new InvalidInputException(
            "--measure-at applies to vulnerabilities (Art. 14(2)(c)); an incident's final report"
                + " runs from --notified-at (Art. 14(4)(c))");
      }
      c = c.withMeasureAvailableAt(RulesArgs.instant("--measure-at", measureAt));
    }
    if (notifiedAt != null) {
      if (caseKind != Art14Kind.INCIDENT) {
        throw new InvalidInputException(
            "--notified-at applies to incidents (Art. 14(4)(c)); a vulnerability's final report"
                + " runs from --measure-at (Art. 14(2)(c))");
      }
      c = c.withNotificationSubmittedAt(RulesArgs.instant("--notified-at", notifiedAt));
    }
    Art14Deadlines deadlines = Art14Deadlines.of(c);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(CliJson.write(json(deadlines)));
    } else {
      printText(out, c, deadlines);
    }
    out.flush();
  }

  private static Object json(Art14Deadlines d) {
    var root = CliJson.object();
    root.put("earlyWarning", d.earlyWarning().due().toString());
    root.put("notification", d.notification().due().toString());
    Optional<Art14Deadline> finalReport = d.finalReport();
    if (finalReport.isPresent()) {
      root.put("finalReport", finalReport.get().due().toString());
    } else {
      root.putNull("finalReport");
    }
    var basis = root.putObject("basis");
    basis.put("earlyWarning", d.earlyWarning().basis());
    basis.put("notification", d.notification().basis());
    basis.put("finalReport", d.finalReportBasis());
    return root;
  }

  private static void printText(PrintWriter out, Art14Case c, Art14Deadlines d) {
    String what =
        c.kind() == Art14Kind.VULNERABILITY
            ? "actively exploited vulnerability"
            : "severe incident";
    out.printf(
        "Art. 14 deadlines for an %s (%s), aware at %s, zone %s%n",
        what, c.kind().duty(), c.awareAt(), c.zone().getId());
    line(out, c.zone(), d.earlyWarning());
    line(out, c.zone(), d.notification());
    Optional<Art14Deadline> finalReport = d.finalReport();
    if (finalReport.isPresent()) {
      line(out, c.zone(), finalReport.get());
    } else {
      String missing =
          c.kind() == Art14Kind.VULNERABILITY
              ? "no due time until a measure is available (--measure-at)"
              : "no due time until the notification is submitted (--notified-at)";
      out.printf("%-14s %-24s %s: %s%n", "final report", "-", d.finalReportBasis(), missing);
    }
  }

  private static void line(PrintWriter out, ZoneId zone, Art14Deadline deadline) {
    Instant due = deadline.due();
    String local =
        zone.equals(ZoneOffset.UTC) ? "" : " (" + due.atZone(zone).toOffsetDateTime() + ")";
    out.printf(
        "%-14s %-24s %s: %s%s%n",
        deadline.stage().label(), due, deadline.basis(), deadline.rule(), local);
  }
}
