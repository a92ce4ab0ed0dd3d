package dev.craft.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Online advisory feeds (all optional): OSV bucket ecosystem folders read incrementally through
 * their {@code modified_id.csv}, and the KEV and EPSS download URLs.
 *
 * @param sources the NVD, EUVD and GitHub feeds (ADR 081)
 * @param osv ecosystem folder URLs, e.g. {@code
 *     https://osv-vulnerabilities.storage.googleapis.com/PyPI}
 */
public record FeedSettings(
    List<URI> osv,
    Optional<URI> kev,
    Optional<URI> epss,
    Duration interval,
    SourceFeedSettings sources) {
  public FeedSettings {
    osv = List.copyOf(osv);
  }

  public FeedSettings(List<URI> osv, Optional<URI> kev, Optional<URI> epss, Duration interval) {
    this(osv, kev, epss, interval, SourceFeedSettings.NONE);
  }

  public boolean active() {
    return !osv.isEmpty() || kev.isPresent() || epss.isPresent() || sources.active();
  }
}
