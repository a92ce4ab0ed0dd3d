package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.engine.CompiledAdvisory;
import dev.craft.engine.CpeIndex;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.OsvReader;
import dev.craft.store.Database;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import dev.craft.store.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CandidateMatchTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static CompiledAdvisory record(String id, String json) {
    return CompiledAdvisory.of(
        new OsvReader(AdvisoryLimits.DEFAULT)
            .parse(json.getBytes(StandardCharsets.UTF_8), id + ".json"));
  }

  @Test
  void componentsSharedByManyReleasesGetTheSameFindingsAsWhenMatchedOneByOne() {
    var records =
        List.of(
            record(
                "SHARED-1",
                """
                {"id":"SHARED-1","modified":"2025-01-01T00:00:00Z","affected":[
                 {"package":{"ecosystem":"npm","name":"lib"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
                """),
            record(
                "SHARED-2",
                """
                {"id":"SHARED-2","modified":"2025-01-01T00:00:00Z","affected":[
                 {"package":{"ecosystem":"npm","name":"lib"},"versions":["1.0.0","not.a.version"]}]}
                """));
    var components = new ArrayList<Candidate>();
    // More candidates than one chunk of distinct components, sharing versions across chunks.
    for (int release = 1; release <= 600; release++) {
      String version = release % 3 == 0 ? "3.0.0" : release % 3 == 1 ? "1.0.0" : "bad!";
      components.add(
          new Candidate(release, 100 + release, 7, "pkg:npm/lib@" + version, "lib", version));
    }
    var exploitation = new ExploitationStore(db.jdbi());

    List<NewFinding> together =
        CandidateMatch.match(
            records, CpeIndex.EMPTY, components, exploitation, FeedEnrichment.NONE);
    var oneByOne = new ArrayList<NewFinding>();
    for (Candidate c : components) {
      oneByOne.addAll(
          CandidateMatch.match(
              records, CpeIndex.EMPTY, List.of(c), exploitation, FeedEnrichment.NONE));
    }

    assertThat(together).isEqualTo(oneByOne);
    assertThat(together)
        .extracting(f -> f.component().releaseId() + ":" + f.vulnerabilityId() + ":" + f.status())
        .contains("1:SHARED-1:affected", "1:SHARED-2:affected", "4:SHARED-1:affected")
        .noneMatch(s -> s.startsWith("3:") || s.startsWith("6:") || s.startsWith("600:"))
        .contains("598:SHARED-1:affected");
    assertThat(together).anyMatch(f -> f.status().equals("indeterminate"));
  }
}
