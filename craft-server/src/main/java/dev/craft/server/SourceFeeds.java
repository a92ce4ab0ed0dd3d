package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.engine.NvdSeverity;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EuvdPage;
import dev.craft.formats.EuvdReader;
import dev.craft.formats.GithubAdvisoryReader;
import dev.craft.formats.NvdPage;
import dev.craft.formats.NvdReader;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.Timestamps;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.EuvdStore;
import dev.craft.store.NvdStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The NVD, ENISA EUVD and GitHub feeds (ADR 081), each incremental through a watermark in {@code
 * feed_state} that moves only when the whole run of that feed succeeded. Every page is read in full
 * before anything of it is stored, so a response that does not read changes nothing of its page;
 * pages stored before it stay (imports are idempotent, and the next run fetches them again).
 */
final class SourceFeeds {
  /** NVD refuses a lastModified range longer than 120 days. */
  static final Duration NVD_MAX_RANGE = Duration.ofDays(120);

  /** Each NVD run re-reads this much before its watermark, against clock skew with NVD. */
  static final Duration OVERLAP = Duration.ofMinutes(15);

  private static final DateTimeFormatter NVD_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private final SourceFeedSettings settings;
  private final AdvisoryService service;
  private final AdvisoryStore advisories;
  private final NvdStore nvd;
  private final EuvdStore euvd;
  private final FeedHttp http;
  private final AdvisoryLimits limits = AdvisoryLimits.DEFAULT;

  SourceFeeds(
      SourceFeedSettings settings,
      AdvisoryService service,
      AdvisoryStore advisories,
      NvdStore nvd,
      EuvdStore euvd,
      long maxBytes) {
    this.settings = settings;
    this.service = service;
    this.advisories = advisories;
    this.nvd = nvd;
    this.euvd = euvd;
    this.http = new FeedHttp(maxBytes);
  }

  /**
   * Consecutive windows of at most 120 days covering {@code from} to {@code to}; one window when
   * they are equal.
   */
  static List<Instant[]> windows(Instant from, Instant to) {
    var out = new ArrayList<Instant[]>();
    if (!from.isBefore(to)) {
      out.add(new Instant[] {from, to});
      return out;
    }
    Instant start = from;
    while (start.isBefore(to)) {
      Instant end = start.plus(NVD_MAX_RANGE);
      if (end.isAfter(to)) {
        end = to;
      }
      out.add(new Instant[] {start, end});
      start = end;
    }
    return out;
  }

  Map<String, Object> syncNvd(URI base, FeedProgress progress) {
    String key = base.toString();
    String watermark = advisories.watermark(key);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Instant[]> windows =
        watermark.isEmpty()
            ? List.<Instant[]>of(new Instant[0])
            : windows(Instant.parse(watermark).minus(OVERLAP), now);
    Map<String, String> headers =
        settings.nvdApiKey().isEmpty() ? Map.of() : Map.of("apiKey", settings.nvdApiKey());
    var reader = new NvdReader(limits);
    int pages = 0;
    int fetched = 0;
    int added = 0;
    int updated = 0;
    var changed = new LinkedHashSet<String>();
    for (Instant[] w : windows) {
      int start = 0;
      while (true) {
        if (pages >= settings.maxPages()) {
          throw new dev.craft.core.InvalidInputException(
              key + ": more than advisories.feed-max-pages (" + settings.maxPages() + ") pages");
        }
        if (pages > 0) {
          FeedHttp.pause(settings.pageDelay());
        }
        var query = new StringBuilder();
        if (w.length == 2) {
          query
              .append("lastModStartDate=")
              .append(enc(NVD_DATE.format(w[0])))
              .append("&lastModEndDate=")
              .append(enc(NVD_DATE.format(w[1])))
              .append('&');
        }
        query.append("startIndex=").append(start);
        query.append("&resultsPerPage=").append(settings.nvdPageSize());
        URI uri = URI.create(key + (key.contains("?") ? "&" : "?") + query);
        NvdPage page = reader.read(http.get(uri, headers).body(), uri.toString());
        pages++;
        var done = nvd.importCves(Actor.SYSTEM, page.cves(), Instant.now());
        fetched += page.cves().size();
        added += done.added();
        updated += done.updated();
        changed.addAll(done.changed());
        start += page.cves().size();
        // NVD gives the total of one date window; over several only the count so far is known.
        progress.report(fetched, windows.size() == 1 ? page.totalResults() : -1, "CVEs");
        if (page.cves().isEmpty() || start >= page.totalResults()) {
          break;
        }
      }
    }
    int findings = rematchWithoutCvss(List.copyOf(changed));
    advisories.setWatermark(key, now.toString());
    return counts(
        "pages",
        pages,
        "fetched",
        fetched,
        "added",
        added,
        "updated",
        updated,
        "findings",
        findings);
  }

  /**
   * Advisories without a CVSS vector that name a changed CVE are matched again, so their findings
   * take the NVD CVSS (AdvisoryService uses it for records that have none); and the components
   * whose CPE names the changed CVEs' criteria name are matched again (CPE look-up).
   */
  int rematchWithoutCvss(List<String> cves) {
    int findings = 0;
    for (int i = 0; i < cves.size(); i += 1000) {
      List<OsvRecord> records = new ArrayList<>();
      for (String id : nvd.advisoriesNaming(cves.subList(i, Math.min(cves.size(), i + 1000)))) {
        advisories
            .find(id)
            .map(a -> service.parseStored(a.raw(), a.source()))
            .filter(NvdSeverity::withoutCvss)
            .ifPresent(records::add);
      }
      for (int j = 0; j < records.size(); j += 500) {
        findings += service.impact(records.subList(j, Math.min(records.size(), j + 500)));
      }
      findings += service.cpeImpact(cves.subList(i, Math.min(cves.size(), i + 1000)));
    }
    return findings;
  }

  Map<String, Object> syncEuvd(URI base, FeedProgress progress) {
    String key = base.toString();
    String watermark = advisories.watermark(key);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var reader = new EuvdReader(limits);
    int[] totals = new int[4]; // pages, fetched, added+updated, exploited
    var latest = http.get(base.resolve("exploitedvulnerabilities"), Map.of());
    totals[0]++;
    importEuvd(reader.read(latest.body(), key + "exploitedvulnerabilities", true), totals);
    String since = watermark.isEmpty() ? "" : "&fromDate=" + watermark;
    enumerate(base, reader, "exploited=true" + since, true, totals, progress);
    String from = watermark.isEmpty() ? today.minusDays(settings.euvdDays()).toString() : watermark;
    enumerate(base, reader, "fromDate=" + from + "&toDate=" + today, false, totals, progress);
    advisories.setWatermark(key, today.toString());
    return counts(
        "pages", totals[0], "fetched", totals[1], "changed", totals[2], "exploited", totals[3]);
  }

  private void enumerate(
      URI base,
      EuvdReader reader,
      String filter,
      boolean exploited,
      int[] totals,
      FeedProgress progress) {
    int seen = 0;
    for (int page = 0; ; page++) {
      if (totals[0] >= settings.maxPages()) {
        throw new dev.craft.core.InvalidInputException(
            base + ": more than advisories.feed-max-pages (" + settings.maxPages() + ") pages");
      }
      FeedHttp.pause(settings.pageDelay());
      URI uri =
          base.resolve(
              "vulnerabilities?" + filter + "&page=" + page + "&size=" + settings.euvdPageSize());
      EuvdPage p = reader.read(http.get(uri, Map.of()).body(), uri.toString(), exploited);
      totals[0]++;
      importEuvd(p, totals);
      progress.report(totals[1], -1, "records");
      seen += p.records().size();
      if (p.records().isEmpty() || seen >= p.total()) {
        return;
      }
    }
  }

  private void importEuvd(EuvdPage page, int[] totals) {
    var done = euvd.importRecords(Actor.SYSTEM, page.records());
    totals[1] += page.records().size();
    totals[2] += done.added() + done.updated();
    totals[3] += done.exploited();
  }

  Map<String, Object> syncGithub(URI base, FeedProgress progress) {
    String key = base.toString();
    String watermark = advisories.watermark(key);
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/vnd.github+json");
    headers.put("X-GitHub-Api-Version", "2022-11-28");
    if (!settings.githubToken().isEmpty()) {
      headers.put("Authorization", "Bearer " + settings.githubToken());
    }
    String query = "type=reviewed&per_page=100";
    if (!watermark.isEmpty()) {
      query += "&modified=" + enc(">=" + watermark);
    }
    URI next = URI.create(key + (key.contains("?") ? "&" : "?") + query);
    var reader = new GithubAdvisoryReader(limits);
    int pages = 0;
    int fetched = 0;
    int added = 0;
    int updated = 0;
    int findings = 0;
    String newest = watermark;
    while (next != null) {
      if (pages >= settings.maxPages()) {
        throw new dev.craft.core.InvalidInputException(
            key + ": more than advisories.feed-max-pages (" + settings.maxPages() + ") pages");
      }
      if (pages > 0) {
        FeedHttp.pause(settings.pageDelay());
      }
      var page = http.get(next, headers);
      List<OsvRecord> records = reader.read(page.body(), next.toString());
      pages++;
      var report = service.importParsed(Actor.SYSTEM, records);
      fetched += records.size();
      progress.report(fetched, -1, "advisories");
      added += report.added();
      updated += report.updated();
      findings += report.findings();
      for (OsvRecord r : records) {
        if (newest.isEmpty() || Timestamps.isLater(r.modified(), newest)) {
          newest = r.modified();
        }
      }
      next = page.next().orElse(null);
    }
    if (!newest.isEmpty()) {
      advisories.setWatermark(key, newest);
    }
    return counts(
        "pages",
        pages,
        "fetched",
        fetched,
        "added",
        added,
        "updated",
        updated,
        "findings",
        findings);
  }

  private static Map<String, Object> counts(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
