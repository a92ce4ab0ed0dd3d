package dev.craft.cli;

import dev.craft.core.RetentionRules;
import dev.craft.core.SupportPeriod;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules retention}: how long documents and updates must stay available. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Keep technical documentation and the EU declaration of conformity for 10 years after"
          + " placing on the market or the support period, whichever is longer (Art. 13(13));"
          + " keep each security update available for 10 years after issue or the rest of the"
          + " support period, whichever is longer (Art. 13(9)).",
      "Also checks the five-year minimum support period of Art. 13(8)."
    })
public final class RetentionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--placed-on-market",
      required = true,
      paramLabel = "DATE",
      description = "when the product was placed on the market (YYYY-MM-DD)")
  String placedOnMarket = "";

  @Option(
      names = "--support-end",
      required = true,
      paramLabel = "DATE",
      description = "end of the support period (YYYY-MM-DD, or YYYY-MM for the month's last day)")
  String supportEnd = "";

  @Option(
      names = "--update-issued",
      paramLabel = "DATE",
      description = "when a security update was issued (YYYY-MM-DD)")
  @Nullable String updateIssued;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    var period =
        new SupportPeriod(
            RulesArgs.date("--placed-on-market", placedOnMarket),
            RulesArgs.dateOrMonthEnd("--support-end", supportEnd));
    LocalDate documentation = RetentionRules.documentationUntil(period);
    Optional<LocalDate> update =
        updateIssued == null
            ? Optional.empty()
            : RetentionRules.updateAvailableUntil(
                period, RulesArgs.date("--update-issued", updateIssued));
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      var root = CliJson.object();
      root.put("documentationUntil", documentation.toString());
      if (update.isPresent()) {
        root.put("updatesAvailableUntil", update.get().toString());
      } else {
        root.putNull("updatesAvailableUntil");
      }
      root.put("supportEnd", period.endMonthYear());
      root.put("supportPeriodAtLeastFiveYears", period.isAtLeastMinimum());
      var basis = root.putObject("basis");
      basis.put("documentationUntil", "Art. 13(13)");
      basis.put("updatesAvailableUntil", "Art. 13(9)");
      basis.put("supportPeriodAtLeastFiveYears", "Art. 13(8)");
      out.println(CliJson.write(root));
    } else {
      out.printf(
          "documentation and EU declaration of conformity until %s (Art. 13(13); user"
              + " information likewise, Art. 13(18))%n",
          documentation);
      if (updateIssued != null) {
        out.println(
            update
                .map(d -> "security update available until " + d + " (Art. 13(9))")
                .orElse(
                    "security update issued after the support period: Art. 13(9) sets no"
                        + " availability period"));
      }
      out.printf(
          "support period ends %s (shown as month/year, Art. 13(19))%n", period.endMonthYear());
      if (!period.isAtLeastMinimum()) {
        out.println(
            "warning: the support period is shorter than five years; Art. 13(8) allows that only"
                + " when the product is expected to be in use for less time, with the reasons in"
                + " the technical documentation");
      }
    }
    out.flush();
  }
}
