package dev.craft.server;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The NVD, ENISA EUVD and GitHub advisory feeds (ADR 081), each off unless its URL is set.
 *
 * @param nvd the NVD CVE API 2.0 URL, e.g. {@code https://services.nvd.nist.gov/rest/json/cves/2.0}
 * @param nvdApiKey sent as the {@code apiKey} header when not empty
 * @param nvdPageSize {@code resultsPerPage} (NVD allows up to 2000)
 * @param pageDelay pause between two requests of one feed (NVD asks for 6 s without an API key)
 * @param euvd the EUVD API base, e.g. {@code https://euvdservices.enisa.europa.eu/api/}
 * @param euvdPageSize {@code size} of an EUVD search page (EUVD allows up to 100)
 * @param euvdDays how many days back the first run enumerates EUVD records for their aliases
 * @param github the GitHub global advisories URL, e.g. {@code https://api.github.com/advisories}
 * @param githubToken sent as a bearer token when not empty
 * @param maxPages most pages one feed fetches in one run
 */
public record SourceFeedSettings(
    Optional<URI> nvd,
    String nvdApiKey,
    int nvdPageSize,
    Duration pageDelay,
    Optional<URI> euvd,
    int euvdPageSize,
    int euvdDays,
    Optional<URI> github,
    String githubToken,
    int maxPages) {
  public static final SourceFeedSettings NONE =
      new SourceFeedSettings(
          Optional.empty(),
          "",
          2000,
          Duration.ZERO,
          Optional.empty(),
          100,
          30,
          Optional.empty(),
          "",
          1000);

  public boolean active() {
    return nvd.isPresent() || euvd.isPresent() || github.isPresent();
  }

  @Override
  public String toString() {
    // The key and token stay out of logs.
    return "SourceFeedSettings[nvd=" + nvd + ", euvd=" + euvd + ", github=" + github + "]";
  }
}
