package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvReaderTest {
  private static final String RECORD =
      """
      {"id":"GHSA-xxxx-yyyy-zzzz","modified":"2026-01-01T00:00:00Z",
       "aliases":["CVE-2099-1234"],
       "database_specific":{"severity":"HIGH"},
       "affected":[{"package":{"ecosystem":"npm","name":"left-pad","purl":"pkg:npm/left-pad"},
         "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.0"}]}],
         "versions":["1.0.0"]}]}
      """;

  private final OsvReader reader = new OsvReader(AdvisoryLimits.DEFAULT);

  @TempDir Path tmp;

  @Test
  void aJsonRecordIsReadWithItsRawTextKeptVerbatim() {
    OsvRecord r = reader.parse(RECORD.getBytes(StandardCharsets.UTF_8), "x.json");
    assertThat(r.id()).isEqualTo("GHSA-xxxx-yyyy-zzzz");
    assertThat(r.aliases()).containsExactly("CVE-2099-1234");
    assertThat(r.databaseSeverity()).isEqualTo("HIGH");
    assertThat(r.raw()).isEqualTo(RECORD);
    OsvAffected a = r.affected().get(0);
    assertThat(a.ecosystem()).isEqualTo("npm");
    assertThat(a.versions()).containsExactly("1.0.0");
    assertThat(a.ranges().get(0).events())
        .containsExactly(
            new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"),
            new OsvEvent(OsvEvent.Kind.FIXED, "1.3.0"));
    assertThat(a.ranges().get(0).events().get(0).isZero()).isTrue();
  }

  @Test
  void aModifiedThatIsNoTimestampIsRefusedInNewInputAndReadInAStoredRecord() {
    byte[] json = "{\"id\":\"M-1\",\"modified\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.craft.core.InvalidInputException.class, () -> reader.parse(json, "m.json"));
    assertThat(e.getMessage()).contains("/modified");
    assertThat(reader.parseStored(json, "m.json").modified()).isEqualTo("yesterday");
  }

  @Test
  void aRecordWithMoreAliasesThanAnyRealOneIsRefused() {
    String aliases =
        java.util.stream.IntStream.range(0, 1_001)
            .mapToObj(i -> "\"X-" + i + "\"")
            .collect(java.util.stream.Collectors.joining(","));
    String json =
        "{\"id\":\"MANY-1\",\"modified\":\"2025-01-01T00:00:00Z\",\"aliases\":[" + aliases + "]}";
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.craft.core.InvalidInputException.class,
            () -> reader.parse(json.getBytes(StandardCharsets.UTF_8), "many.json"));
    assertThat(e.getMessage()).contains("/aliases").contains("1001");
  }

  @Test
  void yamlScalarsStayTextSoVersionsAreNotTurnedIntoNumbers() {
    String yaml =
        """
        id: PYSEC-0000-1
        affected:
        - package: {ecosystem: PyPI, name: p}
          ranges:
          - type: ECOSYSTEM
            events:
            - introduced: 0
            - fixed: 1.10
          versions: [1.0, 010, 2e3, true]
        """;
    OsvRecord r = reader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p.yaml");
    assertThat(r.affected().get(0).versions()).containsExactly("1.0", "010", "2e3", "true");
    assertThat(r.affected().get(0).ranges().get(0).events().get(1).value()).isEqualTo("1.10");
    assertThat(r.affected().get(0).ranges().get(0).events().get(0).isZero()).isTrue();
  }

  @Test
  void badRecordsAreRefusedWithTheFileAndPlaceNamed() {
    assertThatThrownBy(() -> reader.parse("{\"id\":".getBytes(StandardCharsets.UTF_8), "a.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("a.json: not valid JSON");
    assertThatThrownBy(() -> reader.parse("{\"modified\":\"x\"}".getBytes(), "b.json"))
        .hasMessage("b.json: /id: required text is missing");
    String twoFields =
        "{\"id\":\"X\",\"affected\":[{\"ranges\":[{\"type\":\"SEMVER\","
            + "\"events\":[{\"introduced\":\"0\",\"fixed\":\"1\"}]}]}]}";
    assertThatThrownBy(() -> reader.parse(twoFields.getBytes(), "c.json"))
        .hasMessage(
            "c.json: /affected/0/ranges/0/events/0: an event has exactly one field, found 2");
    String unknownEvent =
        "{\"id\":\"X\",\"affected\":[{\"ranges\":[{\"type\":\"SEMVER\","
            + "\"events\":[{\"patched\":\"1\"}]}]}]}";
    assertThatThrownBy(() -> reader.parse(unknownEvent.getBytes(), "d.json"))
        .hasMessageContaining(
            "d.json: /affected/0/ranges/0/events/0: unknown range event 'patched'");
    assertThatThrownBy(() -> reader.parse("id: [unclosed".getBytes(), "e.yaml"))
        .hasMessageStartingWith("e.yaml: not valid YAML");
  }

  @Test
  void limitsStopOversizedDeepAndTooManyRecords() throws IOException {
    var small = new OsvReader(AdvisoryLimits.DEFAULT.withMaxRecordBytes(100));
    assertThatThrownBy(() -> small.parse(RECORD.getBytes(), "big.json"))
        .hasMessageContaining("big.json: ")
        .hasMessageContaining("the limit is 100");
    String deep = "{\"id\":\"X\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
    assertThatThrownBy(() -> reader.parse(deep.getBytes(), "deep.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("deep.json");
    String bomb =
        "id: X\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
    assertThatThrownBy(() -> reader.parse(bomb.getBytes(), "bomb.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bomb.yaml: YAML aliases are not accepted (alias *a)");
    Path dir = Files.createDirectory(tmp.resolve("many"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve(i + ".json"), RECORD.replace("GHSA-xxxx-yyyy-zzzz", "R" + i));
    }
    var two = new OsvReader(AdvisoryLimits.DEFAULT.withMaxRecords(2));
    assertThatThrownBy(() -> two.read(dir, r -> {}))
        .hasMessageContaining("more than 2 advisory records");
  }

  @Test
  void anAllZipDumpIsReadEntryByEntryAndNamedInErrors() throws IOException {
    Path zip = tmp.resolve("all.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 3; i++) {
        out.putNextEntry(new ZipEntry("GHSA-" + i + ".json"));
        out.write(RECORD.replace("GHSA-xxxx-yyyy-zzzz", "GHSA-" + i).getBytes());
        out.closeEntry();
      }
    }
    List<OsvRecord> records = reader.readAll(zip);
    assertThat(records).extracting(OsvRecord::id).containsExactly("GHSA-0", "GHSA-1", "GHSA-2");
    assertThat(records.get(1).source()).isEqualTo(zip + "!/GHSA-1.json");

    Path bad = tmp.resolve("bad.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(bad))) {
      out.putNextEntry(new ZipEntry("GHSA-9.json"));
      out.write("{not json".getBytes());
      out.closeEntry();
    }
    assertThatThrownBy(() -> reader.readAll(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(bad + "!/GHSA-9.json: not valid JSON");
  }

  @Test
  void anIndexFileGivesBackTheSameRecordsAndRawText() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("src"));
    Files.writeString(dir.resolve("a.json"), RECORD);
    Files.writeString(
        dir.resolve("b.yaml"),
        "id: PYSEC-1\naliases: [CVE-2099-1234]\naffected:\n- package: {ecosystem: PyPI, name: p}\n"
            + "  versions: [1.10]\n");
    List<OsvRecord> original = reader.readAll(dir);
    Path index = tmp.resolve("adv.idx");
    try (var w = AdvisoryIndexFile.create(index, AdvisoryLimits.DEFAULT)) {
      original.forEach(w::add);
    }
    List<OsvRecord> loaded = reader.readAll(index);
    assertThat(loaded).isEqualTo(original);
    assertThat(loaded.get(1).affected().get(0).versions()).containsExactly("1.10");
  }

  @Test
  void aGzipFileThatIsNotAnIndexIsRefused() throws IOException {
    Path gz = tmp.resolve("x.gz");
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"format\":\"other\"}\n".getBytes());
    }
    assertThatThrownBy(() -> reader.readAll(gz)).hasMessageContaining("not a CRAFT advisory index");
  }

  @Test
  void aliasGroupsAreTransitiveAndKeepTheirProvenance() {
    var groups = new AliasGroups();
    groups.add(record("PYSEC-1", "a.yaml", "CVE-1"));
    groups.add(record("GHSA-1", "b.json", "CVE-1"));
    groups.add(record("GO-1", "c.json", "GHSA-1"));
    groups.add(record("RUSTSEC-9", "d.json", "CVE-9"));
    groups.add(record("ALONE-1", "e.json"));
    assertThat(groups.aliasesOf("GO-1")).containsExactly("CVE-1", "GHSA-1", "PYSEC-1");
    assertThat(groups.aliasesOf("CVE-1")).containsExactly("GHSA-1", "GO-1", "PYSEC-1");
    assertThat(groups.aliasesOf("RUSTSEC-9")).containsExactly("CVE-9");
    assertThat(groups.aliasesOf("UNKNOWN")).isEmpty();
    assertThat(groups.groupOf("UNKNOWN")).isEqualTo("UNKNOWN");
    assertThat(groups.groupOf("ALONE-1")).isEqualTo("ALONE-1");
    assertThat(groups.membersOf("ALONE-1")).isEmpty();
    assertThat(groups.linksOf("ALONE-1")).isEmpty();
    assertThat(groups.groupOf("CVE-9")).isEqualTo(groups.groupOf("RUSTSEC-9"));
    assertThat(groups.groupOf("CVE-9")).isNotEqualTo(groups.groupOf("CVE-1"));
    assertThat(groups.linksOf("PYSEC-1"))
        .containsExactlyInAnyOrder(
            new AliasLink("PYSEC-1", "CVE-1", "a.yaml"),
            new AliasLink("GHSA-1", "CVE-1", "b.json"),
            new AliasLink("GO-1", "GHSA-1", "c.json"));
  }

  @Test
  void aLargeGroupJoinedOneRecordAtATimeKeepsEveryMemberAndLink() {
    var groups = new AliasGroups();
    for (int i = 0; i < 30; i++) {
      groups.add(record("COPY-" + i, i + ".json", i % 2 == 0 ? "CVE-7" : "COPY-" + (i - 1)));
    }
    groups.add(record("OTHER-1", "x.json", "CVE-8"));
    groups.add(record("COPY-29", "y.json", "CVE-8")); // two groups merged
    assertThat(groups.aliasesOf("CVE-8")).hasSize(32).contains("COPY-0", "OTHER-1", "CVE-7");
    assertThat(groups.aliasesOf("COPY-5")).hasSize(32).doesNotContain("COPY-5");
    assertThat(groups.membersOf("OTHER-1")).isEqualTo(groups.membersOf("COPY-12")).hasSize(33);
    assertThat(groups.groupOf("CVE-7")).isEqualTo(groups.groupOf("OTHER-1"));
    assertThat(groups.linksOf("COPY-3")).hasSize(32);
  }

  @Test
  void theSharedAdvisorySetsImportCompletely() {
    Path osv = SharedData.require("osv");
    record Expect(String dir, int records, int withdrawn) {}
    // README: 2,661 PyPI (10 withdrawn), 4,291 Go, 1,206 RustSec (13 withdrawn). The README does
    // not count Go's withdrawn records; there are 17.
    for (Expect e :
        List.of(
            new Expect("pypa", 2661, 10),
            new Expect("go", 4291, 17),
            new Expect("rustsec", 1206, 13))) {
      var records = new ArrayList<OsvRecord>();
      var stats = reader.read(osv.resolve(e.dir()), records::add);
      assertThat(stats.records()).as(e.dir()).isEqualTo(e.records());
      assertThat(stats.files()).as(e.dir()).isEqualTo(e.records());
      assertThat(records.stream().filter(OsvRecord::isWithdrawn).count())
          .as(e.dir())
          .isEqualTo(e.withdrawn());
      assertThat(records).allSatisfy(r -> assertThat(r.raw()).contains(r.id()));
    }
  }

  private static OsvRecord record(String id, String source, String... aliases) {
    return new OsvRecord(id, "", "", "", List.of(aliases), List.of(), "", List.of(), source, "{}");
  }
}
