package dev.craft.cli;

import dev.craft.core.CraApplicability;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules applicability}: which obligations apply on a day (Art. 69, 71). */
@Command(
    name = "applicability",
    mixinStandardHelpOptions = true,
    description =
        "Which obligations apply to a product: Art. 14 from 11 Sep 2026 also for products placed"
            + " before 11 Dec 2027 (Art. 69(3), 71(2)); the rest from 11 Dec 2027, for older"
            + " products only after a substantial modification (Art. 69(2)).")
public final class ApplicabilityCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--placed-on-market",
      required = true,
      paramLabel = "DATE",
      description = "when the product was placed on the market (YYYY-MM-DD)")
  String placedOnMarket = "";

  @Option(
      names = "--substantially-modified",
      description = "the product was substantially modified on or after 11 Dec 2027 (Art. 3(30))")
  boolean substantiallyModified;

  @Option(
      names = "--on",
      paramLabel = "DATE",
      description = "the day asked about (default: today, UTC)")
  @Nullable String on;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    LocalDate day = on == null ? LocalDate.now(ZoneOffset.UTC) : RulesArgs.date("--on", on);
    var a =
        CraApplicability.of(
            day, RulesArgs.date("--placed-on-market", placedOnMarket), substantiallyModified);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      var root = CliJson.object();
      root.put("on", day.toString());
      root.put("reportingApplies", a.reportingApplies());
      root.put("requirementsApply", a.requirementsApply());
      root.put("basis", a.basis());
      out.println(CliJson.write(root));
    } else {
      out.printf("on %s: %s%n", day, a.basis());
    }
    out.flush();
  }
}
