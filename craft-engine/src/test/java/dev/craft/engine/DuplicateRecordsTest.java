package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvReader;
import dev.craft.formats.OsvRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several records with one id (two sources, two downloads of one feed): the one modified last is
 * authoritative, in whatever order the records come (OSV schema, "id, modified fields").
 */
class DuplicateRecordsTest {
  /** T-2 for npm dd, modified at {@code modified}, affected below {@code fixed}. */
  private static OsvRecord t2(String modified, String fixed, String withdrawn) {
    String json =
        """
        {"id":"T-2","modified":"%s"%s,
         "affected":[{"package":{"ecosystem":"npm","name":"dd"},
           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"%s"}]}]}]}
        """
            .formatted(
                modified, withdrawn.isEmpty() ? "" : ",\"withdrawn\":\"" + withdrawn + "\"", fixed);
    return new OsvReader(AdvisoryLimits.DEFAULT)
        .parse(json.getBytes(StandardCharsets.UTF_8), modified + ".json");
  }

  private static final OsvRecord OLD = t2("2024-01-01T00:00:00Z", "1.0.0", "");

  /** Modified an hour after OLD's day ends, written with another offset. */
  private static final OsvRecord NEW = t2("2024-06-01T00:00:00+01:00", "2.0.0", "");

  private static final OsvRecord WITHDRAWN =
      t2("2024-07-01T00:00:00Z", "2.0.0", "2024-07-01T00:00:00Z");

  /** Adds records as parsed, or compiled first as the server's cache hands them over. */
  private static BiConsumer<AdvisoryIndex.Builder, OsvRecord> adder(String how) {
    return how.equals("parsed")
        ? AdvisoryIndex.Builder::add
        : (b, r) -> b.add(CompiledAdvisory.of(r));
  }

  private static AdvisoryIndex index(String how, OsvRecord... records) {
    var builder = AdvisoryIndex.builder();
    for (OsvRecord r : records) {
      adder(how).accept(builder, r);
    }
    return builder.build();
  }

  private static List<String> verdicts(AdvisoryIndex index, String version) {
    var out = new ArrayList<String>();
    new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
        .scan(List.of(new ScanComponent("pkg:npm/dd@" + version, "", "")))
        .findings()
        .forEach(f -> out.add(f.vulnerability() + " " + f.status() + " " + f.evidence().range()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsed", "compiled"})
  void theRecordModifiedLastDecidesInEitherOrder(String how) {
    for (var index : List.of(index(how, OLD, NEW), index(how, NEW, OLD))) {
      assertThat(verdicts(index, "1.5.0"))
          .containsExactly("T-2 AFFECTED SEMVER: introduced 0, fixed 2.0.0");
      assertThat(index.stats().duplicates()).isEqualTo(1);
      assertThat(index.stats().records()).isEqualTo(2);
      assertThat(index.stats().withdrawn()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsed", "compiled"})
  void aWithdrawnLatestRecordWithdrawsTheOlderOnes(String how) {
    for (var index : List.of(index(how, WITHDRAWN, OLD, NEW), index(how, OLD, NEW, WITHDRAWN))) {
      assertThat(verdicts(index, "0.5.0")).isEmpty();
      assertThat(index.stats().withdrawn()).isEqualTo(1);
      assertThat(index.stats().duplicates()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parsed", "compiled"})
  void ofTwoModifiedAtTheSameTimeTheFirstIsKept(String how) {
    var sameTime = t2("2024-01-01T00:00:00Z", "3.0.0", "");
    assertThat(verdicts(index(how, OLD, sameTime), "1.5.0")).isEmpty();
    assertThat(verdicts(index(how, sameTime, OLD), "1.5.0")).hasSize(1);
  }
}
