package dev.craft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.engine.QualityProfiles;
import dev.craft.engine.QualityReport;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReadResult;
import dev.craft.formats.SbomReader;
import dev.craft.formats.ValidationProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft sbom check}: validates each file against its own specification and optionally a
 * quality profile. Exit 0 all good, 3 a file could not be read at all, 4 a file is invalid or fails
 * the profile.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Validate SBOM files against their specification and a quality profile.")
public final class SbomCheckCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      description = "Quality profile: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ProfileNames.class)
  String profile;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (one object per line).")
  OutputFormat format;

  @Option(
      names = "--max-size-mb",
      defaultValue = "64",
      description = "Largest document accepted, MiB.")
  long maxMegabytes;

  @Option(
      names = "--max-components",
      defaultValue = "500000",
      description = "Most components accepted in one document.")
  int maxComponents;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "SBOM documents.")
  List<Path> files;

  @Override
  public Integer call() {
    Optional<String> profileName = Optional.ofNullable(profile);
    profileName.ifPresent(QualityProfiles::requireKnown);
    ReadLimits limits = InputFiles.limits(maxMegabytes, maxComponents);
    PrintWriter out = spec.commandLine().getOut();
    int unreadable = 0;
    int failed = 0;
    for (Path file : files) {
      Outcome outcome = check(file, limits, profileName);
      print(out, file, outcome);
      if (outcome.unreadable().isPresent()) {
        unreadable++;
      } else if (!outcome.passed()) {
        failed++;
      }
    }
    out.flush();
    if (unreadable > 0) {
      throw new InvalidInputException(
          unreadable + " of " + files.size() + " file(s) could not be read");
    }
    if (failed > 0) {
      throw new CheckFailedException(
          failed
              + " of "
              + files.size()
              + " file(s) "
              + (profileName.isPresent() ? "invalid or failing the profile" : "invalid"));
    }
    return ExitCodes.OK;
  }

  record Outcome(
      Optional<String> unreadable,
      Optional<SbomReadResult> result,
      Optional<QualityReport> report) {
    boolean passed() {
      return unreadable.isEmpty()
          && result.map(SbomReadResult::valid).orElse(false)
          && report.map(QualityReport::passed).orElse(true);
    }
  }

  private static Outcome check(Path file, ReadLimits limits, Optional<String> profileName) {
    try {
      SbomReadResult result = SbomReader.read(InputFiles.read(file, limits), limits);
      Optional<QualityReport> report =
          profileName.map(p -> QualityProfiles.check(result.sbom(), p));
      return new Outcome(Optional.empty(), Optional.of(result), report);
    } catch (InvalidInputException e) {
      return new Outcome(Optional.of(e.getMessage()), Optional.empty(), Optional.empty());
    }
  }

  private void print(PrintWriter out, Path file, Outcome outcome) {
    if (format == OutputFormat.json) {
      out.println(json(file, outcome));
    } else {
      text(out, file, outcome);
    }
  }

  private static String json(Path file, Outcome outcome) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", file.toString());
    if (outcome.unreadable().isPresent()) {
      o.putNull("format");
      o.putNull("specVersion");
      o.put("readable", false);
      o.put("valid", false);
      o.putArray("errors").addObject().put("path", "").put("message", outcome.unreadable().get());
    } else {
      SbomReadResult r = outcome.result().orElseThrow();
      o.put("format", r.sbom().info().format().id());
      o.put("specVersion", r.sbom().info().specVersion());
      o.put("encoding", r.sbom().info().encoding());
      o.put("readable", true);
      o.put("valid", r.valid());
      o.put("components", r.sbom().components().size());
      var errors = o.putArray("errors");
      for (ValidationProblem p : r.problems()) {
        errors.addObject().put("path", p.path()).put("message", p.message());
      }
    }
    outcome
        .report()
        .ifPresent(
            rep -> {
              o.put("profile", rep.profile());
              o.put("passed", rep.passed());
              o.put("score", rep.score());
              var findings = o.putArray("findings");
              rep.findings()
                  .forEach(
                      f ->
                          findings
                              .addObject()
                              .put(
                                  "severity",
                                  f.severity().name().toLowerCase(java.util.Locale.ROOT))
                              .put("component", f.component())
                              .put("field", f.field())
                              .put("message", f.message()));
            });
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void text(PrintWriter out, Path file, Outcome outcome) {
    if (outcome.unreadable().isPresent()) {
      out.println(file + ": unreadable: " + outcome.unreadable().get());
      return;
    }
    SbomReadResult r = outcome.result().orElseThrow();
    var info = r.sbom().info();
    out.printf(
        "%s: %s %s (%s), %d components: %s%n",
        file,
        info.format().id(),
        info.specVersion(),
        info.encoding(),
        r.sbom().components().size(),
        r.valid() ? "valid" : "INVALID (" + r.problems().size() + " problems)");
    for (ValidationProblem p : r.problems()) {
      out.println("  " + p.path() + ": " + p.message());
    }
    outcome
        .report()
        .ifPresent(
            rep -> {
              out.printf(
                  "  profile %s: %s, score %.1f%n",
                  rep.profile(), rep.passed() ? "passed" : "FAILED", rep.score());
              rep.findings()
                  .forEach(
                      f ->
                          out.printf(
                              "    %s %s [%s]: %s%n",
                              f.severity().name().toLowerCase(java.util.Locale.ROOT),
                              f.component().isEmpty() ? "(document)" : f.component(),
                              f.field(),
                              f.message()));
            });
  }

  /** Profile names for the help text. */
  static final class ProfileNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return QualityProfiles.names().iterator();
    }
  }
}
