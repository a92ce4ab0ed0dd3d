package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.Timestamps;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.CraftJson;
import dev.craft.store.FeedStateStore;
import dev.craft.store.JobQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Online feeds, run as a durable job through {@link JobQueue} so that one instance runs each round:
 * OSV bucket ecosystem folders read incrementally (their {@code modified_id.csv}, newest first,
 * down to the last run's watermark; only records that are new or later than the stored ones are
 * fetched), then the KEV catalog and the EPSS file from their URLs.
 */
final class AdvisoryFeeds {
  static final String JOB = "advisory-feeds";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final int FETCH_BATCH = 200;

  private final FeedSettings settings;
  private final AdvisoryService service;
  private final AdvisoryStore store;
  private final JobQueue queue;
  private final long maxBytes;
  private final HttpClient http;
  private final String worker;
  private final FeedStateStore state;
  private final SourceFeeds more;

  AdvisoryFeeds(
      FeedSettings settings,
      AdvisoryService service,
      AdvisoryStore store,
      JobQueue queue,
      long maxBytes,
      FeedStateStore state,
      SourceFeeds more) {
    this.state = state;
    this.more = more;
    this.settings = settings;
    this.service = service;
    this.store = store;
    this.queue = queue;
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.worker = "feeds-" + ProcessHandle.current().pid();
  }

  boolean active() {
    return settings.active();
  }

  /**
   * Enqueues a round unless one is pending, then runs a ready round if this instance can claim it;
   * empty when another instance holds it.
   */
  Optional<Map<String, Object>> tick() {
    if (!queue.hasPending(JOB)) {
      queue.enqueue(JOB, "{}", Instant.now());
    }
    var job = queue.claim(worker, JOB);
    if (job.isEmpty()) {
      return Optional.empty();
    }
    try {
      var result = runOnce();
      queue.complete(job.get().id());
      return Optional.of(result);
    } catch (RuntimeException e) {
      queue.fail(job.get().id(), String.valueOf(e.getMessage()), 3, Duration.ofMinutes(15));
      throw e;
    }
  }

  /**
   * Runs every configured feed once, recording each one's status; a failing feed does not stop the
   * others, and the round then fails naming every failed feed.
   */
  Map<String, Object> runOnce() {
    var sources = settings.sources();
    List<String[]> planned = new ArrayList<>();
    settings.osv().forEach(u -> planned.add(new String[] {u.toString(), "osv"}));
    settings.kev().ifPresent(u -> planned.add(new String[] {u.toString(), "kev"}));
    settings.epss().ifPresent(u -> planned.add(new String[] {u.toString(), "epss"}));
    sources.nvd().ifPresent(u -> planned.add(new String[] {u.toString(), "nvd"}));
    sources.euvd().ifPresent(u -> planned.add(new String[] {u.toString(), "euvd"}));
    sources.github().ifPresent(u -> planned.add(new String[] {u.toString(), "github"}));
    planned.forEach(f -> state.queued(f[0], f[1]));
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    List<Object> osv = new ArrayList<>();
    for (URI base : settings.osv()) {
      run(base, failures, progress -> syncOsv(base, progress)).ifPresent(osv::add);
    }
    out.put("osv", osv);
    settings
        .kev()
        .flatMap(u -> run(u, failures, progress -> service.importKev(Actor.SYSTEM, fetch(u))))
        .ifPresent(n -> out.put("kev", n));
    settings
        .epss()
        .flatMap(u -> run(u, failures, progress -> service.importEpss(Actor.SYSTEM, fetch(u))))
        .ifPresent(n -> out.put("epss", n));
    sources
        .nvd()
        .flatMap(u -> run(u, failures, progress -> more.syncNvd(u, progress)))
        .ifPresent(r -> out.put("nvd", r));
    sources
        .euvd()
        .flatMap(u -> run(u, failures, progress -> more.syncEuvd(u, progress)))
        .ifPresent(r -> out.put("euvd", r));
    sources
        .github()
        .flatMap(u -> run(u, failures, progress -> more.syncGithub(u, progress)))
        .ifPresent(r -> out.put("github", r));
    if (!failures.isEmpty()) {
      throw new FeedFailedException(String.join("; ", failures));
    }
    return out;
  }

  /** Runs one feed with its status kept in feed_state; empty when it failed. */
  private <T> Optional<T> run(
      URI feed, List<String> failures, java.util.function.Function<FeedProgress, T> body) {
    String url = feed.toString();
    state.running(url);
    try {
      T result = body.apply(new FeedProgress(state, url));
      state.succeeded(
          url, CraftJson.write(result instanceof Map<?, ?> ? result : Map.of("count", result)));
      return Optional.of(result);
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      state.failed(url, message);
      failures.add(message.startsWith(url) ? message : url + ": " + message);
      return Optional.empty();
    }
  }

  private Map<String, Object> syncOsv(URI base, FeedProgress progress) {
    String url = base.toString();
    String watermark = store.watermark(url);
    String csv = new String(fetch(base.resolve("modified_id.csv")), StandardCharsets.UTF_8);
    Map<String, String> listed = new LinkedHashMap<>();
    String newest = "";
    for (String line : csv.split("\n")) {
      line = line.strip();
      int comma = line.indexOf(',');
      if (comma <= 0) {
        continue;
      }
      String modified = line.substring(0, comma).strip();
      String id = line.substring(comma + 1).strip();
      id = id.substring(id.lastIndexOf('/') + 1);
      if (!watermark.isEmpty() && !Timestamps.isLater(modified, watermark)) {
        break; // newest first: everything below was seen by an earlier run
      }
      if (newest.isEmpty()) {
        newest = modified;
      }
      if (SAFE_ID.matcher(id).matches()) {
        listed.putIfAbsent(id, modified);
      }
    }
    List<String> wanted = new ArrayList<>();
    List<String> ids = List.copyOf(listed.keySet());
    for (int i = 0; i < ids.size(); i += 1000) {
      var chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
      Map<String, String> stored = store.modifiedOf(chunk);
      for (String id : chunk) {
        String have = stored.get(id);
        if (have == null || Timestamps.isLater(listed.get(id), have)) {
          wanted.add(id);
        }
      }
    }
    var reader = new OsvReader(AdvisoryLimits.DEFAULT);
    int added = 0;
    int updated = 0;
    int findings = 0;
    for (int i = 0; i < wanted.size(); i += FETCH_BATCH) {
      List<OsvRecord> batch = new ArrayList<>();
      for (String id : wanted.subList(i, Math.min(wanted.size(), i + FETCH_BATCH))) {
        URI record = base.resolve(id + ".json");
        batch.add(reader.parse(fetch(record), record.toString()));
        progress.report(i + batch.size(), wanted.size(), "records");
      }
      var report = service.importParsed(Actor.SYSTEM, batch);
      added += report.added();
      updated += report.updated();
      findings += report.findings();
    }
    if (!newest.isEmpty()) {
      store.setWatermark(url, newest);
    }
    return Map.of(
        "url", url,
        "listed", listed.size(),
        "fetched", wanted.size(),
        "added", added,
        "updated", updated,
        "findings", findings);
  }

  /** GET with the body bounded by max-body-size. */
  private byte[] fetch(URI uri) {
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          throw new InvalidInputException(uri + ": HTTP " + r.statusCode());
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
          throw new InvalidInputException(uri + ": larger than max-body-size (" + maxBytes + ")");
        }
        return body;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while fetching " + uri, e));
    }
  }
}
