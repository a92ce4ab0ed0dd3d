package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasesTest {
  @Test
  void aliasesAreAnImmutableListThatKeepsItsText() {
    var source = new ArrayList<>(List.of("CVE-2099-1", "GHSA-a"));
    var aliases = new Aliases(source);
    source.add("changed later");
    assertThat(aliases)
        .isEqualTo(List.of("CVE-2099-1", "GHSA-a"))
        .hasSameHashCodeAs(source.subList(0, 2));
    assertThat(aliases.text()).isEqualTo("CVE-2099-1 GHSA-a").isSameAs(aliases.text());
    assertThat(Aliases.textOf(aliases)).isSameAs(aliases.text());
    assertThat(Aliases.textOf(List.of("A", "B"))).isEqualTo("A B");
    assertThat(new Aliases(List.of()).text()).isEmpty();
    assertThatThrownBy(() -> aliases.add("X")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> aliases.set(0, "X")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyFindingOfAVulnerabilityCarriesTheSameAliases() {
    var index =
        AdvisoryIndex.builder()
            .add(
                new dev.craft.formats.OsvReader(dev.craft.formats.AdvisoryLimits.DEFAULT)
                    .parse(
                        """
                        {"id":"GHSA-x","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-9"],
                         "affected":[{"package":{"ecosystem":"npm","name":"lib"},
                           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.0.0"}]}]}]}
                        """
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "r.json"))
            .build();
    var findings =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(
                List.of(
                    new ScanComponent("pkg:npm/lib@1.0.0", "", ""),
                    new ScanComponent("pkg:npm/lib@1.5.0", "", "")))
            .findings();
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).aliases())
        .isInstanceOf(Aliases.class)
        .containsExactly("CVE-2099-9")
        .isSameAs(findings.get(1).aliases());
    assertThat(Aliases.textOf(findings.get(0).aliases())).isEqualTo("CVE-2099-9");
  }
}
