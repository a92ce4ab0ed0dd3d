package dev.craft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.CvssCalculator;
import dev.craft.core.CvssScore;
import dev.craft.core.CvssVersion;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code craft cvss}: scores CVSS v2, v3.0, v3.1 and v4.0 vectors. */
@Command(
    name = "cvss",
    mixinStandardHelpOptions = true,
    description = {
      "Prints score<TAB>severity for a CVSS vector (v2, v3.0, v3.1, v4.0).",
      "With --vectors FILE, one line per input line; an invalid line prints 'error: <reason>'"
          + " and the command exits 3 after the last line."
    })
public final class CvssCommand implements Runnable {
  /** Files larger than this are not vector lists. */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  static final int MAX_LINES = 100_000;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "VECTOR", description = "the vector to score")
  @Nullable String vector;

  @Option(names = "--vectors", paramLabel = "FILE", description = "a file with one vector per line")
  @Nullable Path vectors;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    if ((vector == null) == (vectors == null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give either a VECTOR or --vectors FILE");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (vector != null) {
      CvssScore score = CvssCalculator.score(vector);
      out.println(format == OutputFormat.json ? CliJson.write(json(score)) : text(score));
      out.flush();
      return;
    }
    List<String> lines = readLines(vectors);
    int invalid = 0;
    var array = CliJson.array();
    for (String line : lines) {
      try {
        CvssScore score = CvssCalculator.score(line);
        if (format == OutputFormat.json) {
          array.add(json(score));
        } else {
          out.println(text(score));
        }
      } catch (InvalidInputException e) {
        invalid++;
        if (format == OutputFormat.json) {
          array.addObject().put("vector", line.strip()).put("error", e.getMessage());
        } else {
          out.println("error: " + e.getMessage());
        }
      }
    }
    if (format == OutputFormat.json) {
      out.println(CliJson.write(array));
    }
    out.flush();
    if (invalid > 0) {
      throw new InvalidInputException(invalid + " of " + lines.size() + " vectors are invalid");
    }
  }

  private static String text(CvssScore score) {
    return String.format(Locale.ROOT, "%.1f\t%s", score.score(), score.severity());
  }

  private static ObjectNode json(CvssScore score) {
    var node = CliJson.object();
    node.put("vector", score.vector());
    node.put("version", score.version().label());
    node.put("score", score.score());
    node.put("severity", score.severity().name());
    node.put("baseScore", score.baseScore());
    if (score.version() == CvssVersion.V4_0) {
      node.put("nomenclature", score.nomenclature());
    } else {
      CvssCalculator.temporalScore(score.vector()).ifPresent(t -> node.put("temporalScore", t));
    }
    return node;
  }

  private static List<String> readLines(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidInputException(
            file + " is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() > MAX_LINES) {
        throw new InvalidInputException(file + " has more than " + MAX_LINES + " lines");
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
