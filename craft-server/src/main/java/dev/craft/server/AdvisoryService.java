package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.engine.CompiledAdvisory;
import dev.craft.engine.Cpe;
import dev.craft.engine.CpeIndex;
import dev.craft.engine.Matcher;
import dev.craft.engine.PackageNames;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssReader;
import dev.craft.formats.KevReader;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advisory imports and matching against stored SBOMs (ADR 080, 097). SQL narrows both sides to
 * candidates by package key (components of a new SBOM → the advisories for their packages; a new or
 * changed advisory → the current components of its packages), and the engine's {@link Matcher}
 * decides on those candidates only. Advisories are kept compiled between matches, each valid for
 * the stored {@code modified}; no index of all advisories is built.
 */
final class AdvisoryService {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryService.class);
  private static final int BATCH = 500;

  /**
   * Compiled advisories kept for matching (CompiledAdvisoryCache, ADR 097): at most 1,000,000 and
   * at most a quarter of the heap, at 2,000 bytes a record (a compiled record took ~1,500 bytes in
   * the benchmark's index footprint; docs/benchmarks.md).
   */
  private static final int COMPILED_CACHE =
      (int) Math.min(1_000_000, Runtime.getRuntime().maxMemory() / 4 / 2_000);

  private final AdvisoryStore advisories;
  private final ExploitationStore exploitation;
  private final FindingStore findings;
  private final AdvisoryLimits limits;
  private final FeedEnrichment enrichment;
  private final CompiledAdvisoryCache compiled = new CompiledAdvisoryCache(COMPILED_CACHE);

  /**
   * Stamps of the stored advisories by package key, kept while no advisory changes (ADR 101): at
   * most 500,000 and a sixteenth of the heap, at ~200 bytes a stamp (the benchmark's 9,300 keys
   * have 75,000).
   */
  private static final int STAMP_CACHE =
      (int) Math.min(500_000, Runtime.getRuntime().maxMemory() / 16 / 200);

  private final StampCache stampCache;

  AdvisoryService(
      AdvisoryStore advisories,
      ExploitationStore exploitation,
      FindingStore findings,
      AdvisoryLimits limits) {
    this(advisories, exploitation, findings, limits, FeedEnrichment.NONE);
  }

  /** With NVD CVSS and EU-exploited data used in matching (ADR 081). */
  AdvisoryService(
      AdvisoryStore advisories,
      ExploitationStore exploitation,
      FindingStore findings,
      AdvisoryLimits limits,
      FeedEnrichment enrichment) {
    this.advisories = advisories;
    this.exploitation = exploitation;
    this.findings = findings;
    this.limits = limits;
    this.enrichment = enrichment;
    this.stampCache = new StampCache(advisories, STAMP_CACHE);
  }

  /** What an OSV import did. */
  record ImportReport(
      int files, int records, int added, int updated, int unchanged, int findings) {}

  /**
   * Imports an uploaded OSV JSON/YAML record, ecosystem {@code all.zip} or CRAFT index file, and
   * matches every added or changed advisory against the current SBOMs.
   */
  ImportReport importOsv(Actor actor, byte[] body, String name) {
    Path dir = tempDir();
    try {
      Path file = dir.resolve(leafFor(body, name));
      Files.write(file, body);
      String prefix = dir.toString() + "/";
      String label = "upload:" + (name.isBlank() ? file.getFileName() : name.strip());
      Instant fetched = Instant.now();
      var batch = new ArrayList<OsvRecord>(BATCH);
      int[] totals = new int[4];
      Runnable flush =
          () -> {
            var done = advisories.importRecords(actor, batch, fetched);
            totals[0] += done.added();
            totals[1] += done.updated();
            totals[2] += done.unchanged();
            totals[3] += impact(done.changed());
            batch.clear();
          };
      // Read once without storing: a record that does not parse fails the upload before any
      // batch is stored (the records are stored 500 at a time, each batch in its transaction).
      readWithoutTemporaryPaths(file, prefix, label, r -> {});
      var stats =
          readWithoutTemporaryPaths(
              file,
              prefix,
              label,
              r -> {
                batch.add(withSource(r, relabel(r.source(), prefix, file, label)));
                if (batch.size() >= BATCH) {
                  flush.run();
                }
              });
      if (!batch.isEmpty()) {
        flush.run();
      }
      return new ImportReport(
          stats.files(), stats.records(), totals[0], totals[1], totals[2], totals[3]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Reads an uploaded file; an error names it as the records' sources do ({@link #relabel}), not by
   * its temporary path.
   */
  private OsvReader.Stats readWithoutTemporaryPaths(
      Path file, String prefix, String label, java.util.function.Consumer<OsvRecord> sink) {
    try {
      return new OsvReader(limits).read(file, sink);
    } catch (InvalidInputException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw new InvalidInputException(
          message.replace(file.toString(), label).replace(prefix, "upload:"), e);
    }
  }

  /** Imports records already parsed (online feeds), in batches, with their portfolio impact. */
  ImportReport importParsed(Actor actor, List<OsvRecord> records) {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int matched = 0;
    Instant fetched = Instant.now();
    for (int i = 0; i < records.size(); i += BATCH) {
      var done =
          advisories.importRecords(
              actor, records.subList(i, Math.min(records.size(), i + BATCH)), fetched);
      added += done.added();
      updated += done.updated();
      unchanged += done.unchanged();
      matched += impact(done.changed());
    }
    return new ImportReport(records.size(), records.size(), added, updated, unchanged, matched);
  }

  int importKev(Actor actor, byte[] body) {
    return exploitation.importKev(actor, KevReader.read(body, "upload", limits));
  }

  int importEpss(Actor actor, byte[] body) {
    Path dir = tempDir();
    try {
      Path file = dir.resolve("epss.csv");
      Files.write(file, body);
      return exploitation.importEpss(actor, EpssReader.read(file, limits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * Matches one newly stored SBOM against the advisories of its packages; its findings are stored
   * while the matcher produces them, in parts on more than one connection when the store allows
   * (ADR 098).
   */
  int matchSbom(long sbomId) {
    return matchSbom(sbomId, null);
  }

  /**
   * As {@link #matchSbom(long)}, with the matcher {@code early} prepared from the parsed SBOM while
   * it was stored, when the stored components are the ones it was prepared for (ADR 101). Findings
   * commit only if no advisory changed since the advisories were read; otherwise they are matched
   * again (at most {@value #MATCH_ATTEMPTS} times checked).
   */
  int matchSbom(long sbomId, @Nullable Early early) {
    long t0 = System.nanoTime();
    List<Candidate> components = findings.componentsOf(sbomId);
    LOG.debug("SBOM {}: components read in {} ms", sbomId, (System.nanoTime() - t0) / 1_000_000);
    Ready ready = early == null ? null : early.readyFor(components);
    if (ready == null) {
      ready = prepareFully(components);
    }
    long t1 = System.nanoTime();
    int recorded;
    for (int attempt = 1; ; attempt++) {
      var matcher = ready.matcher();
      try {
        recorded =
            findings.recordNewSbom(
                sbomId,
                components.size(),
                parts -> matcher.shared(components, parts),
                attempt < MATCH_ATTEMPTS ? ready.generation() : FindingStore.ANY_GENERATION);
        break;
      } catch (FindingStore.AdvisoriesChanged e) {
        LOG.info("SBOM {}: {}; matching again", sbomId, e.getMessage());
        ready = prepareFully(components);
      }
    }
    LOG.info(
        "SBOM {}: {} components matched against {} advisories (read and indexed in {} ms{});"
            + " {} findings matched and recorded in {} ms",
        sbomId,
        components.size(),
        ready.matcher().advisories(),
        (t1 - t0) / 1_000_000,
        early != null && ready == early.ready ? ", while the SBOM was stored" : "",
        recorded,
        (System.nanoTime() - t1) / 1_000_000);
    return recorded;
  }

  /** Attempts of an SBOM's match whose advisories changed meanwhile; the last one is kept. */
  static final int MATCH_ATTEMPTS = 3;

  /** A matcher and the advisory generation (V20) its advisories were read at. */
  record Ready(CandidateMatch.Prepared matcher, long generation) {}

  /**
   * Starts preparing the matcher for an SBOM's parsed components, to run while the SBOM is stored
   * (ADR 101): the candidates' look-up keys are known before its rows are.
   */
  Early prepareEarly(List<dev.craft.core.Component> parsed) {
    var keys = new LookupKeys();
    for (var c : parsed) {
      keys.add(c.purl(), c.version(), c.cpes());
    }
    return new Early(parsed, Async.start("craft-sbom-candidates", () -> prepare(keys)));
  }

  /** A matcher being prepared from a parsed SBOM before its components were stored. */
  static final class Early {
    private final List<dev.craft.core.Component> parsed;
    final CompletableFuture<Ready> future;
    private @Nullable Ready ready;

    private Early(List<dev.craft.core.Component> parsed, CompletableFuture<Ready> future) {
      this.parsed = parsed;
      this.future = future;
    }

    /**
     * The prepared matcher if every stored candidate is the parsed component of its ordinal (purl,
     * version and CPE names as parsed: the keys it was prepared for), else null.
     */
    @Nullable Ready readyFor(List<Candidate> stored) {
      for (Candidate c : stored) {
        if (c.ordinal() < 0 || c.ordinal() >= parsed.size()) {
          return null;
        }
        var p = parsed.get(c.ordinal());
        if (!p.purl().equals(c.purl())
            || !p.version().equals(c.version())
            || !p.cpes().equals(c.cpes())) {
          return null;
        }
      }
      ready = Async.await(future);
      return ready;
    }
  }

  /**
   * The findings of {@code components} as on upload: purl first (the stored advisories of every key
   * the components are looked up under), then the NVD CPE criteria of their CPE names.
   */
  private List<NewFinding> matchFully(List<Candidate> components) {
    var out = new ArrayList<NewFinding>();
    prepareFully(components).matcher().emit(components, out::add);
    return out;
  }

  private Ready prepareFully(List<Candidate> components) {
    var keys = new LookupKeys();
    for (Candidate c : components) {
      keys.add(c.purl(), c.version(), c.cpes());
    }
    return prepare(keys);
  }

  /** The keys that components are looked up under: package keys and CPE vendor:product keys. */
  private static final class LookupKeys {
    final Set<String> keys = new HashSet<>();
    final Set<String> cpeKeys = new HashSet<>();

    void add(String purl, String version, List<String> cpes) {
      for (var lookup : PackageNames.lookups(purl, version)) {
        keys.add(lookup.key().toString());
      }
      cpeKeys.addAll(Cpe.productKeys(cpes));
    }
  }

  private Ready prepare(LookupKeys lookup) {
    Set<String> keys = lookup.keys;
    Set<String> cpeKeys = lookup.cpeKeys;
    // NVD's criteria for the components' CPE names are read while the advisories are.
    var cpes =
        cpeKeys.isEmpty()
            ? CompletableFuture.completedFuture(CpeIndex.EMPTY)
            : Async.start("craft-cpe-index", () -> enrichment.cpeIndexFor(cpeKeys));
    long t0 = System.nanoTime();
    var stored = storedRecords(keys);
    long t1 = System.nanoTime();
    var prepared =
        CandidateMatch.prepare(stored.records(), Async.await(cpes), exploitation, enrichment);
    LOG.debug(
        "{} package keys: {} advisories read in {} ms, matcher prepared in {} ms",
        keys.size(),
        stored.records().size(),
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    return new Ready(prepared, stored.generation());
  }

  /**
   * Portfolio impact of added or changed NVD CVEs through CPE names: the current components whose
   * CPE names share a vendor:product with the CVEs' vulnerable criteria (one indexed query),
   * matched as on upload — purl first (their packages' OSV advisories), then the CPE criteria of
   * their CPE names.
   */
  int cpeImpact(List<String> cves) {
    Set<String> changedKeys = enrichment.cpeKeysOf(cves);
    if (changedKeys.isEmpty()) {
      return 0;
    }
    Set<String> lookup = new HashSet<>();
    changedKeys.forEach(k -> lookup.add(Cpe.KEY_PREFIX + k));
    List<Candidate> components = findings.currentComponentsWithKeys(lookup);
    if (components.isEmpty()) {
      return 0;
    }
    return findings.record(matchFully(components), Set.copyOf(cves), components);
  }

  /**
   * The stored, non-withdrawn advisories of {@code keys}, compiled: kept ones where the stored
   * {@code modified} is the one compiled, the rest fetched, parsed and compiled (in parallel) now.
   */
  private StoredRecords storedRecords(Set<String> keys) {
    var stamped = stampCache.stamps(keys);
    var stamps = stamped.stamps();
    var have = new HashMap<String, CompiledAdvisory>(stamps.size() * 2);
    var missing = new ArrayList<AdvisoryStore.AdvisoryStamp>();
    for (var s : stamps) {
      compiled
          .find(s.id(), s.modified())
          .ifPresentOrElse(r -> have.put(s.id(), r), () -> missing.add(s));
    }
    if (!missing.isEmpty()) {
      Map<String, AdvisoryStore.StoredText> raw =
          advisories.rawOf(missing.stream().map(AdvisoryStore.AdvisoryStamp::id).toList());
      Map<String, CompiledAdvisory> fresh =
          missing.parallelStream()
              .filter(s -> raw.containsKey(s.id()))
              .collect(
                  Collectors.toConcurrentMap(
                      AdvisoryStore.AdvisoryStamp::id,
                      s -> {
                        var text = raw.get(s.id());
                        return CompiledAdvisory.of(parseStored(text.raw(), text.source()));
                      }));
      fresh.values().forEach(compiled::put);
      have.putAll(fresh);
    }
    var out = new ArrayList<CompiledAdvisory>(stamps.size());
    for (var s : stamps) {
      // Absent only when deleted between the two queries. A record stored anew meanwhile is
      // matched in the version read, as one query would have read it; its source is the one
      // compiled, since a record's source changes only with its modified.
      CompiledAdvisory r = have.get(s.id());
      if (r != null) {
        out.add(r);
      }
    }
    return new StoredRecords(stamped.generation(), out);
  }

  /** Compiled advisories and the advisory generation their stamps were read at. */
  private record StoredRecords(long generation, List<CompiledAdvisory> records) {}

  /**
   * Portfolio impact of added or changed advisories: the current components of their packages, in
   * one indexed query, matched against these advisories only.
   */
  int impact(List<OsvRecord> changed) {
    if (changed.isEmpty()) {
      return 0;
    }
    Set<String> keys = new LinkedHashSet<>();
    Set<String> ids = new LinkedHashSet<>();
    for (OsvRecord r : changed) {
      keys.addAll(AdvisoryStore.packageKeys(r));
      ids.add(r.id());
    }
    // The records just stored are the versions the next uploads will read.
    List<CompiledAdvisory> current = changed.stream().map(CompiledAdvisory::of).toList();
    current.forEach(compiled::put);
    long t0 = System.nanoTime();
    List<Candidate> components = findings.currentComponentsWithKeys(keys);
    long t1 = System.nanoTime();
    var found = CandidateMatch.match(current, CpeIndex.EMPTY, components, exploitation, enrichment);
    long t2 = System.nanoTime();
    int recorded = findings.record(found, ids, components);
    LOG.debug(
        "{} changed advisories: {} candidate components looked up in {} ms, {} findings matched in"
            + " {} ms and recorded in {} ms",
        changed.size(),
        components.size(),
        (t1 - t0) / 1_000_000,
        found.size(),
        (t2 - t1) / 1_000_000,
        (System.nanoTime() - t2) / 1_000_000);
    return recorded;
  }

  /** A stored record parsed again: JSON when its text starts with a brace, YAML otherwise. */
  OsvRecord parseStored(String raw, String source) {
    String name = raw.stripLeading().startsWith("{") ? "stored.json" : "stored.yaml";
    OsvRecord r = new OsvReader(limits).parseStored(raw.getBytes(StandardCharsets.UTF_8), name);
    return withSource(r, source);
  }

  private static OsvRecord withSource(OsvRecord r, String source) {
    return new OsvRecord(
        r.id(),
        r.modified(),
        r.published(),
        r.withdrawn(),
        r.aliases(),
        r.severity(),
        r.databaseSeverity(),
        r.affected(),
        source,
        r.raw());
  }

  private static String relabel(String source, String prefix, Path file, String label) {
    if (source.equals(file.toString())) {
      return label;
    }
    return source.startsWith(prefix) ? "upload:" + source.substring(prefix.length()) : source;
  }

  /**
   * The temporary file's name: what the reader sniffs (zip, index) is in the content; YAML versus
   * JSON is told by the name, or by the first character when the name does not say.
   */
  static String leafFor(byte[] body, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (body.length >= 2 && body[0] == 'P' && body[1] == 'K') {
      return "upload.zip";
    }
    byte[] head = java.util.Arrays.copyOf(body, Math.min(64, body.length));
    // A CRAFT index file is gzip (AdvisoryIndexFile); the reader checks its header line.
    if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
      return "upload.idx";
    }
    if (lower.endsWith(".idx")) {
      // Not gzip, so no index file; read as YAML it could even be stored as a record.
      throw new InvalidInputException(
          "request body: "
              + name.strip()
              + " is not a CRAFT index file (`craft advisories import`"
              + " writes them gzip-compressed)");
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return "upload.yaml";
    }
    if (lower.endsWith(".json")) {
      return "upload.json";
    }
    String text = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (text.isEmpty()) {
      throw new InvalidInputException("request body: empty; send an OSV file as the body");
    }
    return text.startsWith("{") ? "upload.json" : "upload.yaml";
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("craft-advisories-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary file is harmless; the import's outcome does not depend on it.
    }
  }

  static Map<String, Object> view(ImportReport r) {
    return Map.of(
        "files", r.files(),
        "records", r.records(),
        "added", r.added(),
        "updated", r.updated(),
        "unchanged", r.unchanged(),
        "findings", r.findings());
  }
}
