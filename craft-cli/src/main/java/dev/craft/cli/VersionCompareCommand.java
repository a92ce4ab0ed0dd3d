package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import dev.craft.core.VersionScheme;
import dev.craft.core.VersionSchemes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft version compare ECOSYSTEM A B} prints -1, 0 or 1; with {@code --pairs FILE} it reads
 * {@code A<TAB>B} lines and prints one answer per line, {@code error: <reason>} for a pair it
 * cannot order, so that one bad line does not hide the rest.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Print -1, 0 or 1 as version A is lower than, equal to or higher than B.",
      "Ecosystems are purl types (maven, npm, pypi, golang, cargo, nuget, gem, composer, pub,"
          + " hex, deb, rpm, apk, semver) or OSV names (Maven, PyPI, Go, crates.io, Debian:12,"
          + " Red Hat, Alpine, ...)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared (with --pairs: every line answered)",
      "2:usage error",
      "3:unknown ecosystem, invalid version, versions that cannot be ordered, unreadable file"
    })
final class VersionCompareCommand implements Callable<Integer> {
  /** A pairs line longer than this cannot hold two valid versions; refuse it unread. */
  private static final int MAX_LINE = 4096;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "purl type or OSV name")
  String ecosystem = "";

  @Parameters(index = "1", arity = "0..1", paramLabel = "A", description = "first version")
  @Nullable String a;

  @Parameters(index = "2", arity = "0..1", paramLabel = "B", description = "second version")
  @Nullable String b;

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description = "read lines A<TAB>B from FILE ('-' for standard input)")
  @Nullable Path pairs;

  @Override
  public Integer call() throws IOException {
    VersionScheme scheme = VersionSchemes.require(ecosystem);
    PrintWriter out = spec.commandLine().getOut();
    if (pairs != null) {
      if (a != null) {
        throw new ParameterException(spec.commandLine(), "give either --pairs or A and B");
      }
      comparePairs(scheme, pairs, out);
    } else {
      if (a == null || b == null) {
        throw new ParameterException(spec.commandLine(), "expected two versions A and B");
      }
      out.println(scheme.compare(a, b));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void comparePairs(VersionScheme scheme, Path file, PrintWriter out)
      throws IOException {
    try (BufferedReader reader = open(file)) {
      String line;
      while ((line = reader.readLine()) != null) {
        out.println(answer(scheme, line));
      }
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    if (file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  static String answer(VersionScheme scheme, String rawLine) {
    String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
    if (line.length() > MAX_LINE) {
      return "error: line longer than " + MAX_LINE + " characters";
    }
    int tab = line.indexOf('\t');
    if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
      return "error: expected two versions separated by one tab";
    }
    try {
      return String.valueOf(scheme.compare(line.substring(0, tab), line.substring(tab + 1)));
    } catch (InvalidInputException e) {
      return "error: " + e.getMessage();
    }
  }
}
