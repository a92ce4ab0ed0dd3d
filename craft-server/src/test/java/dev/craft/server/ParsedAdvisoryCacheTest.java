package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsedAdvisoryCacheTest {
  private static OsvRecord record(String id, String modified) {
    String json =
        """
        {"id":"%s","modified":"%s","affected":[{"package":{"ecosystem":"npm","name":"a"},
         "versions":["1.0"]}]}
        """
            .formatted(id, modified);
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json");
  }

  @Test
  void aRecordIsFoundOnlyForTheModifiedItWasParsedFrom() {
    var cache = new ParsedAdvisoryCache(10);
    cache.put(record("A-1", "2025-01-01T00:00:00Z"));
    assertThat(cache.find("A-1", "2025-01-01T00:00:00Z"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.id()).isEqualTo("A-1");
              assertThat(r.affected()).hasSize(1);
              assertThat(r.raw()).as("kept without its text").isEmpty();
            });
    assertThat(cache.find("A-1", "2025-01-02T00:00:00Z")).isEmpty();
    assertThat(cache.find("B-1", "2025-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedRecordLeavesFirstBeyondCapacity() {
    var cache = new ParsedAdvisoryCache(2);
    cache.put(record("A-1", "m"));
    cache.put(record("A-2", "m"));
    assertThat(cache.find("A-1", "m")).isPresent(); // A-2 is now the least recently used
    cache.put(record("A-3", "m"));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.find("A-2", "m")).isEmpty();
    assertThat(cache.find("A-1", "m")).isPresent();
    assertThat(cache.find("A-3", "m")).isPresent();
  }

  @Test
  void aCacheOfCapacityZeroKeepsNothing() {
    var cache = new ParsedAdvisoryCache(0);
    cache.put(record("A-1", "m"));
    assertThat(cache.find("A-1", "m")).isEmpty();
  }
}
