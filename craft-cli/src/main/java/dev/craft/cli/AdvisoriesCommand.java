package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft advisories}: offline work on advisory data (OSV). */
@Command(
    name = "advisories",
    mixinStandardHelpOptions = true,
    description = "Import OSV advisories into a local index for craft scan.",
    subcommands = {
      AdvisoriesImportCommand.class,
    })
public final class AdvisoriesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
