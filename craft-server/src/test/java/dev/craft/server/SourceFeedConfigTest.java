package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The advisories.* keys of the NVD, EUVD and GitHub feeds (ADR 081). */
class SourceFeedConfigTest {
  @Test
  void theSourceFeedsAreOffByDefaultAndTakeTheirUrlsKeysAndPauses() {
    var off = ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).feeds();
    assertThat(off.sources().active()).isFalse();
    assertThat(off.sources().pageDelay()).isEqualTo(Duration.ofSeconds(6));

    var on =
        ConfigLoader.load(
                Optional.empty(),
                Map.of("CRAFT_ADVISORIES_NVD_API_KEY", "k-123"),
                Map.of(
                    "advisories.nvd-url", "https://nvd.example/rest/json/cves/2.0",
                    "advisories.euvd-url", "https://euvd.example/api",
                    "advisories.github-url", "https://gh.example/advisories",
                    "advisories.feed-page-delay", "PT0S"))
            .feeds();
    assertThat(on.active()).isTrue();
    assertThat(on.sources().nvdApiKey()).isEqualTo("k-123");
    assertThat(on.sources().euvd()).contains(URI.create("https://euvd.example/api/"));
    assertThat(on.sources().pageDelay()).isZero();
    assertThat(on.sources().toString()).doesNotContain("k-123");
  }

  @Test
  void outOfRangeValuesAreRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of(), Map.of("advisories.nvd-page-size", "5000")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("advisories.nvd-page-size");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of(), Map.of("advisories.feed-page-delay", "-PT1S")))
        .hasMessageContaining("advisories.feed-page-delay");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of(), Map.of("advisories.github-url", "not a url")))
        .hasMessageContaining("advisories.github-url");
  }
}
