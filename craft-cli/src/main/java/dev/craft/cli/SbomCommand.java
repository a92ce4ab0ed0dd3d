package dev.craft.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craft sbom}: offline work on SBOM documents. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description = "Check and convert SBOM documents (CycloneDX, SPDX).",
    subcommands = {
      SbomCheckCommand.class,
      SbomConvertCommand.class,
      SbomPushCommand.class,
    })
public final class SbomCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
