package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {
  @ParameterizedTest(name = "{1} of {2} {3} in {5} columns")
  @CsvSource(
      delimiter = '|',
      value = {
        "scan | 0 | 10000 | components | '' | 60 | 'scan [-----------------------]   0%      0/10,000 components'",
        "scan | 5000 | 10000 | components | '' | 60 | 'scan [###########------------]  50%  5,000/10,000 components'",
        "scan | 10000 | 10000 | components | '' | 60 | 'scan [#######################] 100% 10,000/10,000 components'",
        "scan | 12000 | 10000 | components | '' | 60 | 'scan [#######################] 100% 10,000/10,000 components'",
        "scan | 5000 | 10000 | components | '' | 40 | 'scan  50%  5,000/10,000 components'",
        "advisories | 8158 | 0 | records | '' | 60 | 'advisories 8,158 records'",
        "all.zip | 120 | 0 | records | 3.5 MiB | 60 | 'all.zip 120 records, 3.5 MiB'",
        "upload | 0 | 0 | '' | 12.0 MiB | 60 | 'upload 12.0 MiB'",
        "advisories | 8158 | 0 | records | '' | 12 | 'advisories 8'",
      })
  void aLineShowsTheBarPercentageAndCountsWithinTheWidth(
      String label, long done, long total, String unit, String extra, int width, String expected) {
    String line = ProgressBar.render(label, done, total, unit, extra, width);
    assertThat(line).isEqualTo(expected);
    assertThat(line.length()).isLessThanOrEqualTo(width);
  }

  @ParameterizedTest(name = "{0} bytes are {1}")
  @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1572864, 1.5 MiB", "3221225472, 3.0 GiB"})
  void byteCountsAreShownInBinaryUnits(long bytes, String expected) {
    assertThat(ProgressBar.bytes(bytes)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aWidthBelowOneIsRefused() {
    assertThatThrownBy(() -> ProgressBar.render("x", 1, 2, "records", "", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
