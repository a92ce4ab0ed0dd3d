package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.engine.CompiledAdvisory;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompiledAdvisoryCacheTest {
  private static CompiledAdvisory record(String id, String modified) {
    String json =
        """
        {"id":"%s","modified":"%s","affected":[{"package":{"ecosystem":"npm","name":"a"},
         "versions":["1.0"]}]}
        """
            .formatted(id, modified);
    return CompiledAdvisory.of(
        new OsvReader(AdvisoryLimits.DEFAULT)
            .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json"));
  }

  private static final String M = "2025-01-01T00:00:00Z";
  private static final String M1 = "2025-02-01T00:00:00Z";
  private static final String M2 = "2025-03-01T00:00:00Z";

  @Test
  void aRecordIsFoundOnlyForTheModifiedItWasParsedFrom() {
    var cache = new CompiledAdvisoryCache(10);
    cache.put(record("A-1", "2025-01-01T00:00:00Z"));
    assertThat(cache.find("A-1", "2025-01-01T00:00:00Z"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.id()).isEqualTo("A-1");
              assertThat(r.modified()).isEqualTo("2025-01-01T00:00:00Z");
            });
    assertThat(cache.find("A-1", "2025-01-02T00:00:00Z")).isEmpty();
    assertThat(cache.find("B-1", "2025-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void whenFullOnlyNewerVersionsOfKeptRecordsAreAdmitted() {
    var cache = new CompiledAdvisoryCache(2);
    cache.put(record("A-1", M1));
    cache.put(record("A-2", M1));
    cache.put(record("A-3", M1));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.find("A-3", M1)).as("no room: not admitted").isEmpty();
    cache.put(record("A-1", M2));
    assertThat(cache.find("A-1", M2)).isPresent();
    assertThat(cache.find("A-1", M1)).isEmpty();
    assertThat(cache.find("A-2", M1)).isPresent();
  }

  @Test
  void aScanLargerThanTheCacheStillHitsWhatTheCacheHolds() {
    var cache = new CompiledAdvisoryCache(3);
    for (int round = 0; round < 2; round++) {
      int hits = 0;
      for (int i = 0; i < 5; i++) {
        if (cache.find("A-" + i, M).isPresent()) {
          hits++;
        } else {
          cache.put(record("A-" + i, M));
        }
      }
      assertThat(hits).isEqualTo(round == 0 ? 0 : 3);
    }
  }

  @Test
  void aCacheOfCapacityZeroKeepsNothing() {
    var cache = new CompiledAdvisoryCache(0);
    cache.put(record("A-1", M));
    assertThat(cache.find("A-1", M)).isEmpty();
  }
}
