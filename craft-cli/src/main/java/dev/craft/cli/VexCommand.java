package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft vex}: VEX documents offline, and VEX import/export with a CRAFT server. */
@Command(
    name = "vex",
    mixinStandardHelpOptions = true,
    description =
        "Convert VEX documents (OpenVEX, CycloneDX VEX, CSAF VEX); import them into and export"
            + " them from a CRAFT server.",
    subcommands = {
      VexConvertCommand.class,
      VexPushCommand.class,
      VexExportCommand.class,
    })
public final class VexCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
