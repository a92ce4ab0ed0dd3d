package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import dev.craft.core.PenaltyCategory;
import dev.craft.core.PenaltyCeiling;
import dev.craft.core.PenaltyRules;
import java.io.PrintWriter;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules penalty}: the ceiling of an administrative fine under Art. 64. */
@Command(
    name = "penalty",
    mixinStandardHelpOptions = true,
    description =
        "Maximum administrative fine of Art. 64(2)-(4): a fixed amount or a share of the total"
            + " worldwide annual turnover of the preceding financial year, whichever is higher.")
public final class PenaltyCommand implements Runnable {
  /** Larger than any company's turnover; beyond it the input is a typo. */
  private static final BigDecimal MAX_TURNOVER = new BigDecimal("1E15");

  @Spec CommandSpec spec;

  @Option(
      names = "--turnover",
      required = true,
      paramLabel = "EUR",
      description = "total worldwide annual turnover for the preceding financial year, in euro")
  String turnover = "";

  @Option(
      names = "--category",
      required = true,
      paramLabel = "essential|other|misleading",
      description =
          "essential: Annex I, Art. 13, 14 (Art. 64(2)); other: Art. 64(3); misleading:"
              + " information to authorities (Art. 64(4))")
  String category = "";

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    PenaltyCeiling ceiling = PenaltyRules.ceiling(PenaltyCategory.parse(category), amount());
    PrintWriter out = spec.commandLine().getOut();
    PenaltyCategory c = ceiling.category();
    if (format == OutputFormat.json) {
      var root = CliJson.object();
      root.put("category", c.id());
      root.put("turnoverEur", ceiling.turnoverEur());
      root.put("fixedCapEur", c.fixedCapEur());
      root.put("turnoverPercent", c.turnoverPercent());
      root.put("turnoverCapEur", ceiling.turnoverCapEur());
      root.put("maximumFineEur", ceiling.maximumEur());
      root.put("basis", ceiling.basis());
      var notes = root.putArray("notes");
      ceiling.notes().forEach(notes::add);
      out.println(CliJson.write(root));
    } else {
      out.printf(
          "up to EUR %s (%s: EUR %s or %s %% of turnover = EUR %s, whichever is higher)%n",
          ceiling.maximumEur().toPlainString(),
          ceiling.basis(),
          c.fixedCapEur().toPlainString(),
          c.turnoverPercent().toPlainString(),
          ceiling.turnoverCapEur().toPlainString());
      out.println("for " + c.infringement());
      ceiling.notes().forEach(n -> out.println("note: " + n));
    }
    out.flush();
  }

  private BigDecimal amount() {
    BigDecimal value;
    try {
      value = new BigDecimal(turnover.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--turnover: '" + turnover + "' is not an amount in euro");
    }
    if (value.compareTo(MAX_TURNOVER) > 0) {
      throw new InvalidInputException("--turnover: " + turnover + " is implausibly large");
    }
    return value;
  }
}
