package dev.craft.cli;

import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReadResult;
import dev.craft.formats.SbomReader;
import dev.craft.formats.SbomTarget;
import dev.craft.formats.SbomWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft sbom convert}: reads any supported SBOM and writes it in another format. An invalid
 * source is refused (exit 4) unless {@code --allow-invalid}, so that a conversion never launders a
 * broken document into a valid-looking one.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Convert an SBOM to CycloneDX 1.6/1.7 (JSON or XML), SPDX 2.3 or SPDX 3.0.1.")
public final class SbomConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The SBOM to convert.")
  Path file;

  @Option(
      names = "--to",
      required = true,
      description = "Target: cyclonedx-1.6, cyclonedx-1.7, spdx-2.3, spdx-3.0.1.")
  String to;

  @Option(names = "--xml", description = "Write CycloneDX XML instead of JSON.")
  boolean xml;

  @Option(
      names = {"-o", "--output"},
      description = "Output file (default: standard output).")
  Path output;

  @Option(names = "--allow-invalid", description = "Convert even if the source is invalid.")
  boolean allowInvalid;

  @Option(
      names = "--max-size-mb",
      defaultValue = "64",
      description = "Largest document accepted, MiB.")
  long maxMegabytes;

  @Override
  public Integer call() {
    SbomTarget target = SbomTarget.fromId(to);
    ReadLimits limits = InputFiles.limits(maxMegabytes, ReadLimits.DEFAULT.maxComponents());
    SbomReadResult result = SbomReader.read(InputFiles.read(file, limits), limits);
    if (!result.valid() && !allowInvalid) {
      var first = result.problems().get(0);
      throw new CheckFailedException(
          file
              + " is not valid ("
              + result.problems().size()
              + " problems, first at "
              + first.path()
              + ": "
              + first.message()
              + "); use --allow-invalid to convert anyway");
    }
    byte[] bytes =
        xml ? SbomWriter.writeXml(result.sbom(), target) : SbomWriter.write(result.sbom(), target);
    Optional<Path> out = Optional.ofNullable(output);
    if (out.isPresent()) {
      try {
        Files.write(out.get(), bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      var writer = spec.commandLine().getOut();
      writer.print(new String(bytes, StandardCharsets.UTF_8));
      writer.println();
      writer.flush();
    }
    return ExitCodes.OK;
  }
}
