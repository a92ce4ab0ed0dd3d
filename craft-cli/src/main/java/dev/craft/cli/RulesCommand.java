package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft rules}: the rules of Regulation (EU) 2024/2847, each citing its article. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "CRA rules: Art. 14 deadlines, conformity routes, retention, penalties.",
    subcommands = {
      // Keep one subcommand per line, sorted.
      AnnexCommand.class,
      ApplicabilityCommand.class,
      Art14Command.class,
      ConformityCommand.class,
      PenaltyCommand.class,
      RetentionCommand.class,
    })
public final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
