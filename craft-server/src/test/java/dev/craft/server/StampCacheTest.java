package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.Database;
import dev.craft.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stamps kept between uploads are the ones the database gives, at every generation. */
class StampCacheTest {
  static Database db;
  static AdvisoryStore store;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    store = new AdvisoryStore(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static OsvRecord advisory(String id, String modified, String withdrawn, String... pkgs) {
    var affected = new StringBuilder();
    for (String p : pkgs) {
      affected
          .append(affected.isEmpty() ? "" : ",")
          .append(
              "{\"package\":{\"ecosystem\":\"npm\",\"name\":\"%s\"},\"versions\":[\"1.0\"]}"
                  .formatted(p));
    }
    String json =
        "{\"id\":\"%s\",\"modified\":\"%s\"%s,\"affected\":[%s]}"
            .formatted(
                id,
                modified,
                withdrawn.isEmpty() ? "" : ",\"withdrawn\":\"" + withdrawn + "\"",
                affected);
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json");
  }

  private static void importing(OsvRecord... records) {
    store.importRecords(Actor.SYSTEM, List.of(records), Instant.now());
  }

  private static void sameAsTheDatabase(StampCache cache, Set<String> keys) {
    var kept = cache.stamps(keys);
    assertThat(kept.generation()).isEqualTo(store.generation());
    assertThat(kept.stamps())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            store.forPackages(keys).stream()
                .map(a -> new AdvisoryStore.AdvisoryStamp(a.id(), a.modified()))
                .toList());
  }

  @Test
  void keptStampsFollowImportsWithdrawalsAndNewKeys() {
    var cache = new StampCache(store, 1_000);
    importing(
        advisory("SC-1", "2025-01-01T00:00:00Z", "", "sc-a", "sc-b"),
        advisory("SC-2", "2025-01-01T00:00:00Z", "", "sc-b"));
    Set<String> ab = Set.of("npm/sc-a", "npm/sc-b");
    sameAsTheDatabase(cache, ab);
    assertThat(cache.stamps(ab).stamps())
        .extracting(AdvisoryStore.AdvisoryStamp::id)
        .containsExactlyInAnyOrder("SC-1", "SC-2");
    // A key kept and one not yet, and a key that no advisory names.
    sameAsTheDatabase(cache, Set.of("npm/sc-a", "npm/sc-c", "npm/none"));
    // A new advisory, a changed one and a withdrawn one: the generation moved.
    importing(
        advisory("SC-3", "2025-01-01T00:00:00Z", "", "sc-a"),
        advisory("SC-1", "2025-03-01T00:00:00Z", "", "sc-a", "sc-b"),
        advisory("SC-2", "2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z", "sc-b"));
    sameAsTheDatabase(cache, ab);
    assertThat(cache.stamps(ab).stamps())
        .extracting(AdvisoryStore.AdvisoryStamp::id, AdvisoryStore.AdvisoryStamp::modified)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SC-1", "2025-03-01T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("SC-3", "2025-01-01T00:00:00Z"));
    // A cache too small to keep them still answers from the database.
    sameAsTheDatabase(new StampCache(store, 1), ab);
  }
}
