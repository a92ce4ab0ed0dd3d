package dev.craft.cli;

import dev.craft.formats.ReadLimits;
import dev.craft.formats.VexFormat;
import dev.craft.formats.VexReadResult;
import dev.craft.formats.VexReader;
import dev.craft.formats.VexWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft vex convert}: reads OpenVEX (0.0.1, 0.2.0), CycloneDX VEX (1.4–1.7 JSON) or CSAF 2.0
 * and writes OpenVEX 0.2.0, CycloneDX 1.6 or CSAF 2.0 (profile VEX). What the target cannot say is
 * kept in its free slot, so converting back gives every statement again (docs/vex.md).
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Convert a VEX document to OpenVEX, CycloneDX or CSAF.")
public final class VexConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The VEX document to convert.")
  Path file;

  @Option(names = "--to", required = true, description = "Target: openvex, cyclonedx, csaf.")
  String to;

  @Option(
      names = {"-o", "--output"},
      description = "Output file (default: standard output).")
  Path output;

  @Option(
      names = "--max-size-mb",
      defaultValue = "64",
      description = "Largest document accepted, MiB.")
  long maxMegabytes;

  @Option(
      names = "--max-statements",
      defaultValue = "500000",
      description = "Most statements accepted in one document.")
  int maxStatements;

  @Override
  public Integer call() {
    VexFormat target = VexFormat.of(to);
    ReadLimits limits = InputFiles.limits(maxMegabytes, maxStatements);
    VexReadResult read = VexReader.read(InputFiles.read(file, limits), limits);
    byte[] bytes = VexWriter.write(read.document(), target);
    if (output != null) {
      try {
        Files.write(output, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      var writer = spec.commandLine().getOut();
      writer.print(new String(bytes, StandardCharsets.UTF_8));
      writer.flush();
    }
    spec.commandLine()
        .getErr()
        .printf(
            "craft: %d statement(s) from %s %s written as %s%n",
            read.document().statements().size(),
            read.format().id(),
            read.specVersion(),
            target.id());
    return ExitCodes.OK;
  }
}
