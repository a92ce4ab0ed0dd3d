package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft csaf}: offline work on CSAF 2.0 documents. */
@Command(
    name = "csaf",
    mixinStandardHelpOptions = true,
    description = "Validate CSAF 2.0 documents.",
    subcommands = {
      CsafValidateCommand.class,
    })
public final class CsafCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
