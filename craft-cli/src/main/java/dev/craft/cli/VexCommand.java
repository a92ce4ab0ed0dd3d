package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft vex}: offline work on VEX documents. */
@Command(
    name = "vex",
    mixinStandardHelpOptions = true,
    description = "Convert VEX documents (OpenVEX, CycloneDX VEX, CSAF VEX).",
    subcommands = {
      VexConvertCommand.class,
    })
public final class VexCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
