package dev.craft.cli;

import picocli.CommandLine.Command;

/** The root {@code craft} command. Subcommands are listed here; each lives in its own class. */
@Command(
    name = "craft",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "CRAFT — Cyber Resilience Act Fulfilment Toolkit.",
    subcommands = {
      // Keep one subcommand per line, sorted, so that parallel work merges cleanly.
      AdvisoriesCommand.class,
      AuditCommand.class,
      CsafCommand.class,
      CvssCommand.class,
      GateCommand.class,
      picocli.CommandLine.HelpCommand.class,
      ProductsCommand.class,
      RulesCommand.class,
      ScanCommand.class,
      SbomCommand.class,
      ServeCommand.class,
      VersionCommand.class,
      VexCommand.class,
    })
public final class CraftCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
