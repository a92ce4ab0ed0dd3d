package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.formats.AdvisoryIndexFile;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.GithubAdvisoryReader;
import dev.craft.formats.OsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft advisories import PATH... --index FILE}: reads OSV folders, {@code all.zip} dumps,
 * single records or other index files and writes one local index file. The index is written to a
 * temporary file and moved into place only when every input was read, so a bad input never leaves a
 * half index behind.
 *
 * <p>{@code craft advisories import PATH... --server URL --token T [--kev FILE] [--epss FILE]
 * [--nvd FILE] [--euvd FILE] [--euvd-exploited FILE] [--github FILE]} uploads instead: files as
 * they are, folders as an index file built first. {@code --github} files also go into an index.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Build a local advisory index from OSV folders, all.zip files or OSV files,",
      "or upload them (and KEV/EPSS files) to a CRAFT server with --server and --token."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:index written or files uploaded",
      "2:usage error",
      "3:a file is unreadable or invalid, or the server refused it"
    })
public final class AdvisoriesImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "OSV folder, all.zip or file")
  List<Path> paths = List.of();

  @Option(names = "--index", paramLabel = "FILE", description = "index to write (offline mode)")
  @Nullable Path index;

  @Option(names = "--kev", paramLabel = "FILE", description = "KEV catalog to upload (JSON/CSV)")
  @Nullable Path kev;

  @Option(names = "--epss", paramLabel = "FILE", description = "EPSS CSV to upload (plain/gzip)")
  @Nullable Path epss;

  @Option(
      names = "--nvd",
      paramLabel = "FILE",
      description = "NVD CVE API 2.0 response(s) to upload (repeatable)")
  List<Path> nvd = List.of();

  @Option(
      names = "--euvd",
      paramLabel = "FILE",
      description = "ENISA EUVD records to upload (array, search response; repeatable)")
  List<Path> euvd = List.of();

  @Option(
      names = "--euvd-exploited",
      paramLabel = "FILE",
      description = "ENISA EUVD exploited-vulnerabilities list to upload (repeatable)")
  List<Path> euvdExploited = List.of();

  @Option(
      names = "--github",
      paramLabel = "FILE",
      description =
          "GitHub REST global advisories (JSON array) to upload, or to add to --index (repeatable)")
  List<Path> github = List.of();

  @Option(
      names = "--no-progress",
      description = "Never draw a progress line (drawn on stderr only when it is a terminal).")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    if (index != null) {
      if (kev != null
          || epss != null
          || !nvd.isEmpty()
          || !euvd.isEmpty()
          || !euvdExploited.isEmpty()) {
        throw new InvalidInputException(
            "--kev, --epss, --nvd and --euvd are uploaded with --server, not --index");
      }
      if (paths.isEmpty() && github.isEmpty()) {
        throw new InvalidInputException("name at least one OSV folder, all.zip or file");
      }
      return writeIndex(index);
    }
    if (server.server == null || server.server.isBlank()) {
      throw new InvalidInputException(
          "give --index FILE to build an index, or --server URL to upload");
    }
    if (paths.isEmpty()
        && kev == null
        && epss == null
        && nvd.isEmpty()
        && euvd.isEmpty()
        && euvdExploited.isEmpty()
        && github.isEmpty()) {
      throw new InvalidInputException(
          "nothing to upload: name OSV files or folders, --kev, --epss, --nvd, --euvd or --github");
    }
    return upload();
  }

  private int upload() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ServerClient client = server.client();
    for (Path path : paths) {
      Path file = path;
      Path built = null;
      JsonNode r;
      try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), noProgress)) {
        if (Files.isDirectory(path)) {
          built = Files.createTempFile("craft-advisories-", ".idx");
          file = built;
          try (var writer = AdvisoryIndexFile.create(built, AdvisoryLimits.DEFAULT)) {
            progress.phase(path.getFileName() + ": reading", "records");
            new OsvReader(AdvisoryLimits.DEFAULT)
                .read(
                    path,
                    rec -> {
                      writer.add(rec);
                      progress.update(writer.records(), 0);
                    });
          }
        } else if (!Files.isRegularFile(path)) {
          throw new InvalidInputException("no such file or folder: " + path);
        }
        byte[] body = Files.readAllBytes(file);
        progress.phase(path.getFileName() + ": uploading and matching", "");
        progress.update(0, 0, ProgressBar.bytes(body.length));
        r =
            client.postBytes(
                "/api/v1/advisories/import?name=" + ServerClient.enc(file.getFileName().toString()),
                body,
                "application/octet-stream");
      } finally {
        if (built != null) {
          Files.deleteIfExists(built);
        }
      }
      out.printf(
          "%s: %d records, %d added, %d updated, %d unchanged, %d findings recorded%n",
          path,
          r.path("records").asInt(),
          r.path("added").asInt(),
          r.path("updated").asInt(),
          r.path("unchanged").asInt(),
          r.path("findings").asInt());
    }
    if (kev != null) {
      JsonNode r =
          client.postBytes(
              "/api/v1/advisories/kev", Files.readAllBytes(kev), "application/octet-stream");
      out.printf("%s: %d KEV entries%n", kev, r.path("entries").asInt());
    }
    if (epss != null) {
      JsonNode r =
          client.postBytes(
              "/api/v1/advisories/epss", Files.readAllBytes(epss), "application/octet-stream");
      out.printf("%s: %d EPSS scores%n", epss, r.path("scores").asInt());
    }
    for (Path f : nvd) {
      JsonNode r = client.postBytes(named("/api/v1/advisories/nvd", f), read(f), JSON);
      out.printf(
          "%s: %d NVD CVEs, %d added, %d updated, %d unchanged, %d findings recorded%n",
          f,
          r.path("records").asInt(),
          r.path("added").asInt(),
          r.path("updated").asInt(),
          r.path("unchanged").asInt(),
          r.path("findings").asInt());
    }
    for (Path f : euvd) {
      printEuvd(out, f, client.postBytes(named("/api/v1/advisories/euvd", f), read(f), JSON));
    }
    for (Path f : euvdExploited) {
      String path = named("/api/v1/advisories/euvd", f) + "&exploited=true";
      printEuvd(out, f, client.postBytes(path, read(f), JSON));
    }
    for (Path f : github) {
      JsonNode r = client.postBytes(named("/api/v1/advisories/github", f), read(f), JSON);
      out.printf(
          "%s: %d GitHub advisories, %d added, %d updated, %d unchanged, %d findings recorded%n",
          f,
          r.path("records").asInt(),
          r.path("added").asInt(),
          r.path("updated").asInt(),
          r.path("unchanged").asInt(),
          r.path("findings").asInt());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static final String JSON = "application/json";

  private static String named(String path, Path file) {
    return path + "?name=" + ServerClient.enc(file.getFileName().toString());
  }

  private static byte[] read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("no such file: " + file);
    }
    return Files.readAllBytes(file);
  }

  private static void printEuvd(PrintWriter out, Path f, JsonNode r) {
    out.printf(
        "%s: %d EUVD records, %d added, %d updated, %d unchanged, %d exploited%n",
        f,
        r.path("records").asInt(),
        r.path("added").asInt(),
        r.path("updated").asInt(),
        r.path("unchanged").asInt(),
        r.path("exploited").asInt());
  }

  private int writeIndex(Path index) throws IOException {
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
      try (var writer = AdvisoryIndexFile.create(tmp, AdvisoryLimits.DEFAULT);
          Progress progress = Progress.onTerminal(spec.commandLine().getErr(), noProgress)) {
        for (Path path : paths) {
          counts[0] = 0;
          long before = writer.records();
          progress.phase(String.valueOf(path.getFileName()), "records");
          var stats =
              reader.read(
                  path,
                  r -> {
                    writer.add(r);
                    if (r.isWithdrawn()) {
                      counts[0]++;
                    }
                    progress.update(writer.records() - before, 0);
                  });
          progress.clear();
          withdrawn += counts[0];
          out.printf(
              "%s: %d records from %d files (%d withdrawn)%n",
              path, stats.records(), stats.files(), counts[0]);
        }
        for (Path f : github) {
          // GitHub advisories are converted to OSV records (ADR 081) and indexed like them.
          var records =
              new GithubAdvisoryReader(AdvisoryLimits.DEFAULT).read(read(f), f.toString());
          int w = 0;
          for (var r : records) {
            writer.add(r);
            w += r.isWithdrawn() ? 1 : 0;
          }
          withdrawn += w;
          out.printf(
              "%s: %d GitHub advisories as OSV records (%d withdrawn)%n", f, records.size(), w);
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
