package dev.craft.cli;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.AdvisorySeverity.Level;
import dev.craft.engine.Matcher;
import dev.craft.engine.NvdSeverity;
import dev.craft.engine.ScanComponent;
import dev.craft.engine.ScanComponents;
import dev.craft.engine.VulnerabilityFinding;
import dev.craft.engine.VulnerabilityFinding.Status;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssReader;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.KevReader;
import dev.craft.formats.OsvReader;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft scan SBOM --advisories PATH...}: matches an SBOM's components against OSV advisories
 * offline, attaches KEV and EPSS through aliases, and reports findings as text, JSON or SARIF. With
 * {@code --fail-on} it exits 4 when an affected finding meets the threshold; indeterminate findings
 * are reported but never trigger it.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Match an SBOM against OSV advisories (folders, all.zip, files, index files).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:scanned (and --fail-on not triggered)",
      "2:usage error",
      "3:the SBOM or an advisory, KEV or EPSS file is unreadable or invalid",
      "4:--fail-on triggered"
    })
public final class ScanCommand implements Callable<Integer> {
  /** Output formats of {@code craft scan}. */
  public enum Format {
    text,
    json,
    sarif
  }

  /** Thresholds of {@code --fail-on}. */
  public enum FailOn {
    kev,
    critical,
    high,
    medium,
    any
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SBOM", description = "CycloneDX or SPDX document")
  Path sbom = Path.of("");

  @Option(
      names = "--advisories",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description = "OSV folder, all.zip, OSV file or craft advisory index (repeatable)")
  List<Path> advisories = List.of();

  @Option(names = "--kev", paramLabel = "FILE", description = "CISA KEV catalog (JSON or CSV)")
  @Nullable Path kev;

  @Option(names = "--epss", paramLabel = "FILE", description = "FIRST EPSS scores (CSV, .csv.gz)")
  @Nullable Path epss;

  @Option(
      names = "--nvd",
      paramLabel = "FILE",
      description =
          "NVD CVE API 2.0 response(s): CPE criteria for components their purl does not find,"
              + " and CVSS for advisories without one (repeatable)")
  List<Path> nvd = List.of();

  @Option(
      names = "--euvd-exploited",
      paramLabel = "FILE",
      description =
          "ENISA EUVD exploited-vulnerabilities list(s): EU-exploited ids count like KEV (repeatable)")
  List<Path> euvdExploited = List.of();

  @Option(names = "--format", description = "text, json or sarif (default: text)")
  Format format = Format.text;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "exit 4 on an affected finding that is: kev, critical, high, medium or any")
  @Nullable FailOn failOn;

  @Option(names = "--max-size-mb", defaultValue = "64", description = "Largest SBOM, MiB.")
  long maxMegabytes = 64;

  @Option(
      names = "--no-progress",
      description = "Never draw a progress line (drawn on stderr only when it is a terminal).")
  boolean noProgress;

  /** Components matched between two progress updates. */
  private static final int CHUNK = 500;

  @Override
  public Integer call() {
    ReadLimits limits = InputFiles.limits(maxMegabytes, ReadLimits.DEFAULT.maxComponents());
    List<ScanComponent> components =
        ScanComponents.of(SbomReader.read(InputFiles.read(sbom, limits), limits).sbom());
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    var builder = AdvisoryIndex.builder();
    AdvisoryIndex index;
    Matcher.Result result;
    try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), noProgress)) {
      NvdData nvdData = NvdData.read(nvd);
      progress.phase("advisories", "records");
      long[] records = {0};
      for (Path path : advisories) {
        reader.read(
            path,
            r -> {
              builder.add(NvdSeverity.apply(r, nvdData::cvss));
              progress.update(++records[0], 0);
            });
      }
      progress.phase("indexing", "records");
      progress.update(records[0], 0);
      index = builder.build();
      KevCatalog kevCatalog =
          EuExploited.add(
              kev == null ? KevCatalog.EMPTY : KevReader.read(kev, AdvisoryLimits.DEFAULT),
              euvdExploited);
      EpssScores epssScores =
          epss == null ? EpssScores.EMPTY : EpssReader.read(epss, AdvisoryLimits.DEFAULT);
      result =
          scan(new Matcher(index, nvdData.cpes(), kevCatalog, epssScores), components, progress);
    }

    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(CliJson.write(ScanReports.json(result.findings())));
      case sarif -> out.println(CliJson.write(ScanReports.sarif(result.findings(), sbom)));
      case text -> ScanReports.text(out, components.size(), index, result);
    }
    out.flush();
    if (!result.withoutPurl().isEmpty() && format != Format.text) {
      spec.commandLine()
          .getErr()
          .println(
              "craft: note: "
                  + result.withoutPurl().size()
                  + " components have no valid purl and were not matched");
    }
    if (failOn != null) {
      long hits = result.findings().stream().filter(this::triggers).count();
      if (hits > 0) {
        throw new CheckFailedException(hits + " affected findings meet --fail-on " + failOn.name());
      }
    }
    return ExitCodes.OK;
  }

  /**
   * The matcher's scan, in chunks when progress is drawn: the matcher looks at one component at a
   * time, so the concatenated chunk results equal one scan of the whole list.
   */
  static Matcher.Result scan(Matcher matcher, List<ScanComponent> components, Progress progress) {
    if (!progress.enabled()) {
      return matcher.scan(components);
    }
    progress.phase("scan", "components");
    var findings = new ArrayList<VulnerabilityFinding>();
    var withoutPurl = new ArrayList<ScanComponent>();
    for (int from = 0; from < components.size(); from += CHUNK) {
      int to = Math.min(components.size(), from + CHUNK);
      Matcher.Result part = matcher.scan(components.subList(from, to));
      findings.addAll(part.findings());
      withoutPurl.addAll(part.withoutPurl());
      progress.update(to, components.size());
    }
    return new Matcher.Result(findings, withoutPurl);
  }

  private boolean triggers(VulnerabilityFinding f) {
    if (f.status() != Status.AFFECTED || failOn == null) {
      return false;
    }
    Level level = f.severity().level();
    return switch (failOn) {
      case kev -> f.kev();
      case critical -> level == Level.CRITICAL;
      case high -> level.compareTo(Level.HIGH) >= 0;
      case medium -> level.compareTo(Level.MEDIUM) >= 0;
      case any -> true;
    };
  }
}
