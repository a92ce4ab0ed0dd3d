package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft version ...}: work with the version strings of package ecosystems. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Order version strings by the rules of a package ecosystem.",
    subcommands = {
      // Keep one subcommand per line, sorted.
      VersionCompareCommand.class,
    })
public final class VersionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
