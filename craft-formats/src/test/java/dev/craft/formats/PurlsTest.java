package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical purls as stored from an SBOM. */
class PurlsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pkg:NPM/lodash@4.17.21                      | pkg:npm/lodash@4.17.21
          pkg:maven/org.acme/lib@1.0?type=jar&a=b     | pkg:maven/org.acme/lib@1.0?a=b&type=jar
          pkg:npm/caf%C3%A9@1.0.0                     | pkg:npm/caf%C3%A9@1.0.0
          pkg:npm/w@%E2%98%83                         | pkg:npm/w@%E2%98%83
          pkg:npm/café@1.0.0                          | pkg:npm/café@1.0.0
          """)
  void aPurlIsStoredCanonicalAndTextBeyondAsciiAsWritten(String given, String stored) {
    assertThat(Purls.canonical(given)).contains(stored);
  }
}
