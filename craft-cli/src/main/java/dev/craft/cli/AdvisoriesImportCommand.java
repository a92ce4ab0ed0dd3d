package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import dev.craft.formats.AdvisoryIndexFile;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft advisories import PATH... --index FILE}: reads OSV folders, {@code all.zip} dumps,
 * single records or other index files and writes one local index file. The index is written to a
 * temporary file and moved into place only when every input was read, so a bad input never leaves a
 * half index behind.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Build a local advisory index from OSV folders, all.zip files or OSV files.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:index written", "2:usage error", "3:a file is unreadable or invalid"})
public final class AdvisoriesImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "OSV folder, all.zip or file")
  List<Path> paths = List.of();

  @Option(names = "--index", required = true, paramLabel = "FILE", description = "index to write")
  Path index = Path.of("advisories.idx");

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    Path dir = index.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException("no such folder for the index: " + dir);
    }
    Path tmp = Files.createTempFile(dir, ".craft-index-", ".tmp");
    int withdrawn = 0;
    try {
      int[] counts = new int[1];
      try (var writer = AdvisoryIndexFile.create(tmp, AdvisoryLimits.DEFAULT)) {
        for (Path path : paths) {
          counts[0] = 0;
          var stats =
              reader.read(
                  path,
                  r -> {
                    writer.add(r);
                    if (r.isWithdrawn()) {
                      counts[0]++;
                    }
                  });
          withdrawn += counts[0];
          out.printf(
              "%s: %d records from %d files (%d withdrawn)%n",
              path, stats.records(), stats.files(), counts[0]);
        }
        out.printf("index %s: %d records (%d withdrawn)%n", index, writer.records(), withdrawn);
      }
      Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
