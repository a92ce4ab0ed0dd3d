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

  @Test
  void partsRunningAtOnceHandOverEveryFindingOnce() throws Exception {
    var records =
        List.of(
            record(
                "PART-1",
                """
                {"id":"PART-1","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-7"],
                 "affected":[{"package":{"ecosystem":"npm","name":"lib"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
                """));
    var components = new ArrayList<Candidate>();
    // Several chunks of 256; findings only in some of them, so that static halves would differ.
    for (int i = 0; i < 1_000; i++) {
      String version = i < 300 ? "1." + i + ".0" : "3.0.0";
      components.add(new Candidate(1, 2, i, "pkg:npm/lib@" + version, "lib", version));
    }
    var prepared =
        CandidateMatch.prepare(
            records, CpeIndex.EMPTY, new ExploitationStore(db.jdbi()), FeedEnrichment.NONE);
    var whole = new ArrayList<NewFinding>();
    prepared.emit(components, whole::add);

    var parts = prepared.shared(components, 2);
    var byPart = List.of(new ArrayList<NewFinding>(), new ArrayList<NewFinding>());
    var threads = new ArrayList<Thread>();
    for (int p = 0; p < 2; p++) {
      int part = p;
      threads.add(Thread.ofPlatform().start(() -> parts.get(part).accept(byPart.get(part)::add)));
    }
    for (Thread t : threads) {
      t.join();
    }
    var together = new ArrayList<NewFinding>(byPart.get(0));
    together.addAll(byPart.get(1));

    assertThat(whole).hasSize(300);
    assertThat(together).containsExactlyInAnyOrderElementsOf(whole);
    assertThat(whole).allSatisfy(f -> assertThat(f.aliases()).isEqualTo("CVE-2099-7"));
  }

  @Test
  void aPartHandsOverARangesFindingsAComponentAtATimeInTheComponentsOrder() {
    var records = new ArrayList<CompiledAdvisory>();
    for (String id : List.of("ORD-3", "ORD-1", "ORD-2")) {
      records.add(
          record(
              id,
              """
              {"id":"%s","modified":"2025-01-01T00:00:00Z","affected":[
               {"package":{"ecosystem":"npm","name":"lib"},
                "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
              """
                  .formatted(id)));
    }
    var components = new ArrayList<Candidate>();
    for (int i = 0; i < 600; i++) {
      components.add(new Candidate(1, 2, i, "pkg:npm/lib@1." + i + ".0", "lib", "1." + i + ".0"));
    }
    var prepared =
        CandidateMatch.prepare(
            records, CpeIndex.EMPTY, new ExploitationStore(db.jdbi()), FeedEnrichment.NONE);
    var inComponentOrder = new ArrayList<NewFinding>();
    prepared.emit(components, inComponentOrder::add);
    var handedOver = new ArrayList<NewFinding>();
    var parts = prepared.shared(components, 2);
    parts.get(0).accept(handedOver::add);
    parts.get(1).accept(handedOver::add);

    // Packs (ADR 104) take a component's findings together: each component's three findings are
    // adjacent, and the components come in their order (the two parts run one after the other).
    assertThat(handedOver).containsExactlyElementsOf(inComponentOrder).hasSize(1800);
    assertThat(handedOver).extracting(f -> f.component().ordinal()).isSorted();
  }

  @Test
  void storedEvidenceIsJsonThatReadsBackToTheSameValuesWhateverTheyHoldAndLeavesOutWhatTheRowHolds()
      throws Exception {
    String awkward = "a \"quoted\" \\ back\\slash\nnew line\ttab\u0001ctl é 日本 \uD83D\uDE00";
    var e =
        new dev.craft.engine.MatchEvidence(
            "nvd",
            "CVE-2099-1",
            2,
            "npm",
            awkward,
            "cpe",
            -1,
            awkward,
            "semver",
            "1.0.0",
            awkward,
            awkward);
    var read = dev.craft.store.CraftJson.mapper().readTree(CandidateMatch.storedEvidence(e, true));
    assertThat(read.get("source").asText()).isEqualTo("nvd");
    assertThat(read.get("affectedIndex").asInt()).isEqualTo(2);
    assertThat(read.get("ecosystem").asText()).isEqualTo("npm");
    assertThat(read.get("packageName").asText()).isEqualTo(awkward);
    assertThat(read.get("match").asText()).isEqualTo("cpe");
    assertThat(read.get("rangeIndex").asInt()).isEqualTo(-1);
    assertThat(read.get("range").asText()).isEqualTo(awkward);
    assertThat(read.get("comparator").asText()).isEqualTo("semver");
    assertThat(read.get("version").asText()).isEqualTo("1.0.0");
    assertThat(read.get("compared").asText()).isEqualTo(awkward);
    assertThat(read.get("reason").asText()).isEqualTo(awkward);
    assertThat(read.has("record")).isFalse();
    assertThat(read.size()).isEqualTo(11);
    // An OSV match leaves out the source (the stored advisory's), an indeterminate one the reason
    // (the finding's own column).
    var osv =
        dev.craft.store.CraftJson.mapper()
            .readTree(
                CandidateMatch.storedEvidence(
                    new dev.craft.engine.MatchEvidence(
                        "osv", "X-1", 0, "npm", "p", "range", 0, "r", "semver", "1", "c", "why"),
                    false));
    assertThat(osv.has("source")).isFalse();
    assertThat(osv.has("reason")).isFalse();
    assertThat(osv.size()).isEqualTo(9);
  }
}
