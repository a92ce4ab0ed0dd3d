package dev.craft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.formats.CsafProblem;
import dev.craft.formats.CsafValidator;
import dev.craft.formats.ReadLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft csaf validate}: the CSAF 2.0 JSON schema plus the mandatory tests of section 6.1
 * (docs/csaf.md). Exit 0 all valid, 4 a file is invalid, 3 a file could not be read at all.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate CSAF 2.0 documents (schema and mandatory tests 6.1).")
public final class CsafValidateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (one object per file per line).")
  OutputFormat format;

  @Option(
      names = "--max-size-mb",
      defaultValue = "64",
      description = "Largest document accepted, MiB.")
  long maxMegabytes;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSAF documents.")
  List<Path> files;

  @Override
  public Integer call() {
    ReadLimits limits = InputFiles.limits(maxMegabytes, ReadLimits.DEFAULT.maxComponents());
    PrintWriter out = spec.commandLine().getOut();
    int unreadable = 0;
    int invalid = 0;
    for (Path file : files) {
      List<CsafProblem> problems;
      try {
        problems = CsafValidator.validate(InputFiles.read(file, limits), limits);
      } catch (InvalidInputException e) {
        unreadable++;
        print(out, file, false, List.of(new CsafProblem("read", "", e.getMessage())));
        continue;
      }
      if (!problems.isEmpty()) {
        invalid++;
      }
      print(out, file, problems.isEmpty(), problems);
    }
    out.flush();
    if (unreadable > 0) {
      throw new InvalidInputException(
          unreadable + " of " + files.size() + " file(s) could not be read");
    }
    if (invalid > 0) {
      throw new CheckFailedException(invalid + " of " + files.size() + " file(s) invalid");
    }
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, Path file, boolean valid, List<CsafProblem> problems) {
    if (format == OutputFormat.json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("file", file.toString());
      o.put("valid", valid);
      var errors = o.putArray("errors");
      for (CsafProblem p : problems) {
        errors
            .addObject()
            .put("testId", p.testId())
            .put("path", p.path())
            .put("message", p.message());
      }
      try {
        out.println(JSON.writeValueAsString(o));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    out.println(file + ": " + (valid ? "valid" : "INVALID (" + problems.size() + " problems)"));
    for (CsafProblem p : problems) {
      out.println(
          "  [" + p.testId() + "] " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
    }
  }
}
