package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssScore;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.KevEntry;
import dev.craft.formats.OsvReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OSV schema's evaluation rules as a table: one component per row, the findings expected from
 * the fixture records in {@code src/test/resources/osv-fixtures} ("ID=STATUS" separated by spaces,
 * "-" for none).
 */
class OsvMatchingTest {
  private static AdvisoryIndex index;

  @BeforeAll
  static void load() throws URISyntaxException {
    Path dir = Path.of(OsvMatchingTest.class.getResource("/osv-fixtures").toURI());
    var builder = AdvisoryIndex.builder();
    new OsvReader(AdvisoryLimits.DEFAULT).read(dir, builder::add);
    index = builder.build();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # introduced/fixed, two intervals in one range; PyPI names per PEP 503
          pkg:pypi/example-pkg@0.9        | -
          pkg:pypi/example-pkg@1.0        | FIX-INTRO-FIXED=AFFECTED
          pkg:pypi/Example.Pkg@1.4.9      | FIX-INTRO-FIXED=AFFECTED
          pkg:pypi/example_pkg@1.5        | -
          pkg:pypi/example-pkg@1.5rc1     | FIX-INTRO-FIXED=AFFECTED
          pkg:pypi/example-pkg@1.9        | -
          pkg:pypi/example-pkg@2.1        | FIX-INTRO-FIXED=AFFECTED
          pkg:pypi/example-pkg@2.2        | -
          pkg:pypi/example-pkg@2.2.post1  | -
          # last_affected is inclusive; npm scopes compare without case
          pkg:npm/%40scope/lib@0.0.1      | FIX-LAST-AFFECTED=AFFECTED
          pkg:npm/%40scope/lib@1.2.3      | FIX-LAST-AFFECTED=AFFECTED
          pkg:npm/%40scope/lib@1.2.4-rc.1 | -
          pkg:npm/%40scope/lib@1.2.4      | -
          pkg:npm/lib@1.0.0               | -
          # limit caps the range; crates.io names ignore case and - vs _
          pkg:cargo/some-crate@0.9.0      | -
          pkg:cargo/some_crate@1.0.0      | FIX-LIMIT=AFFECTED
          pkg:cargo/Some_Crate@1.9.9      | FIX-LIMIT=AFFECTED
          pkg:cargo/some-crate@2.0.0      | -
          # several ranges in one entry; Go module paths, v prefix
          pkg:golang/github.com/acme/mod@v1.1.9 | FIX-MULTI-RANGE=AFFECTED
          pkg:golang/github.com/acme/mod@v1.2.0 | -
          pkg:golang/github.com/acme/mod@v1.5.0 | FIX-MULTI-RANGE=AFFECTED
          pkg:golang/github.com/acme/mod@v1.5.3 | -
          # a Go package path is looked up under its module: a listed import path is affected, a
          # module without a package list only indeterminately (the path may be a module of its own)
          pkg:golang/github.com/acme/mod/sub@v1.0.0 | FIX-MULTI-RANGE=INDETERMINATE
          pkg:golang/github.com/acme/mod/sub@v1.3.0 | -
          pkg:golang/github.com/acme/web@v1.2.0 | FIX-GO-IMPORTS=AFFECTED
          pkg:golang/github.com/acme/web/render@v1.2.0 | FIX-GO-IMPORTS=AFFECTED
          pkg:golang/github.com/acme/web/render@v1.3.0 | -
          pkg:golang/github.com/acme/web/other@v1.2.0 | -
          # distro packages: family from the namespace, release from the distro qualifier
          pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12 | FIX-DEBIAN=AFFECTED
          pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=bookworm | FIX-DEBIAN=AFFECTED
          pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12 | -
          pkg:deb/debian/openssl@1.1.1n-0+deb11u5?distro=debian-11 | FIX-DEBIAN=AFFECTED
          pkg:deb/debian/openssl@1.1.1w-0+deb11u1?distro=debian-11.8 | -
          pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-11 | -
          pkg:deb/debian/openssl@3.0.11-1~deb12u1 | FIX-DEBIAN=INDETERMINATE
          pkg:deb/debian/libssl3@3.0.11-1~deb12u1?upstream=openssl&distro=debian-12 | FIX-DEBIAN=AFFECTED
          pkg:deb/debian/libssl3@3.0.11-1~deb12u2?upstream=openssl%403.0.11-1~deb12u1&distro=debian-12 | FIX-DEBIAN=AFFECTED
          pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1?distro=ubuntu-22.04 | -
          pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14?distro=ubuntu-22.04 | FIX-UBUNTU=AFFECTED
          pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14?distro=jammy | FIX-UBUNTU=AFFECTED
          pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14?distro=ubuntu-20.04 | -
          pkg:deb/debian/curl@7.81.0-1ubuntu1.14?distro=debian-12 | -
          pkg:apk/alpine/openssl@3.1.3-r0?distro=alpine-3.18.4 | FIX-ALPINE=AFFECTED
          pkg:apk/alpine/openssl@3.1.3-r0?distro=alpine-3.19.0 | -
          pkg:apk/wolfi/openssl@3.1.3-r0 | -
          # an RPM purl's epoch qualifier is the version's epoch
          pkg:rpm/redhat/foo@1.6-1.el9?epoch=1&distro=rhel-9 | -
          pkg:rpm/redhat/foo@1.4-1.el9?epoch=1&distro=rhel-9 | FIX-RPM-EPOCH=AFFECTED
          pkg:rpm/redhat/foo@2.0-1.el9?distro=rhel-9 | FIX-RPM-EPOCH=AFFECTED
          pkg:rpm/redhat/foo@1:1.6-1.el9?epoch=2&distro=rhel-9 | -
          # SUSE releases by major and service pack, openSUSE by edition
          pkg:rpm/suse/curl@8.0.1-150400.5.23.1?distro=sles-15.5 | FIX-SUSE=AFFECTED
          pkg:rpm/sles/curl@8.0.1-150400.5.23.1?distro=sles-15-sp5 | FIX-SUSE=AFFECTED
          pkg:rpm/suse/curl@8.0.1-150400.5.26.1?distro=sles-15.5 | -
          pkg:rpm/suse/curl@8.0.1-150400.5.23.1?distro=sles-15.4 | -
          pkg:rpm/suse/python3-curl@6.0-1.1?distro=sles-15.5 | FIX-SUSE=AFFECTED
          pkg:rpm/opensuse/curl@8.0.1-150400.5.23.1?distro=opensuse-leap-15.5 | FIX-SUSE=AFFECTED
          pkg:rpm/opensuse/curl@8.0.1-150400.5.23.1?distro=opensuse-leap-15.4 | -
          pkg:rpm/opensuse-tumbleweed/curl@8.0.9-1.1?distro=opensuse-tumbleweed-20240101 | FIX-SUSE=AFFECTED
          # other families: release numbers that differ decide, texts that differ do not
          pkg:rpm/mageia/foo@1.1-1.mga9?distro=mageia-9 | FIX-DISTROS=AFFECTED
          pkg:rpm/mageia/foo@1.1-1.mga8?distro=mageia-8 | -
          pkg:rpm/openeuler/bar@1.0-1?distro=openeuler-22.03 | FIX-DISTROS=INDETERMINATE
          pkg:rpm/azurelinux/baz@1.0-1.azl3?distro=azurelinux-3.0 | FIX-DISTROS=AFFECTED
          pkg:rpm/azurelinux/baz@1.0-1.azl2?distro=azurelinux-2.0 | -
          # percent-encoded names are UTF-8 (purl spec), written ones are taken as written
          pkg:npm/caf%C3%A9@1.0.0         | FIX-UTF8=AFFECTED
          pkg:npm/café@1.0.0              | FIX-UTF8=AFFECTED
          pkg:npm/caf%C3%A9@2.0.0         | -
          # a list-only entry finds a listed version spelled differently
          pkg:pypi/listonly@1.0.0         | FIX-LIST-ONLY=AFFECTED
          pkg:pypi/listonly@2.0.0rc1      | FIX-LIST-ONLY=AFFECTED
          pkg:pypi/listonly@1.0.1         | -
          # an explicit versions list only; Maven group:artifact
          pkg:maven/org.acme/lib@1.0      | FIX-VERSIONS=AFFECTED
          pkg:maven/org.acme/lib@1.1      | FIX-VERSIONS=AFFECTED
          pkg:maven/org.acme/lib@1.0.1    | -
          pkg:maven/org.other/lib@1.0     | -
          # several affected entries for one package, and another package
          pkg:npm/twice@1.0.5             | FIX-MULTI-AFFECTED=AFFECTED
          pkg:npm/twice@1.5.0             | -
          pkg:npm/twice@2.0.0             | FIX-MULTI-AFFECTED=AFFECTED
          pkg:npm/other@3.0.0             | FIX-MULTI-AFFECTED=AFFECTED
          # GIT-only ranges, unknown comparators and unparseable versions are indeterminate
          pkg:pypi/gitonly@1.0            | FIX-GIT-ONLY=INDETERMINATE
          pkg:hackage/aeson@1.5.0.0       | FIX-NO-COMPARATOR=INDETERMINATE
          pkg:pypi/badbound@1.0           | FIX-BAD-BOUND=INDETERMINATE
          pkg:pypi/example-pkg@not%20a%20version | FIX-INTRO-FIXED=INDETERMINATE
          pkg:pypi/example-pkg            | FIX-INTRO-FIXED=INDETERMINATE
          # YAML versions stay text: 1.10 is not 1.1, 010 is not 8
          pkg:pypi/yamlpkg@1.9            | FIX-YAML=AFFECTED
          pkg:pypi/yamlpkg@1.10           | -
          pkg:pypi/yamlpkg@010            | FIX-YAML=AFFECTED
          """)
  void aComponentGetsExactlyTheFindingsTheOsvRulesGive(String purl, String expected) {
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(new ScanComponent(purl, "", "")));
    Map<String, String> actual = new TreeMap<>();
    for (VulnerabilityFinding f : result.findings()) {
      actual.put(f.vulnerability(), f.status().name());
      assertThat(f.purl()).isEqualTo(purl);
    }
    Map<String, String> wanted = new TreeMap<>();
    if (!expected.equals("-")) {
      for (String pair : expected.split(" ")) {
        String[] kv = pair.split("=");
        wanted.put(kv[0], kv[1]);
      }
    }
    assertThat(actual).isEqualTo(wanted);
  }

  @Test
  void aReleaseThatCannotBeRelatedSaysWhichTwoTextsDiffer() {
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(
                List.of(
                    new ScanComponent(
                        "pkg:rpm/openeuler/bar@1.0-1?distro=openeuler-22.03", "", "")));
    assertThat(result.findings()).hasSize(1);
    assertThat(result.findings().get(0).evidence().reason())
        .isEqualTo(
            "affected if the package is from openEuler:22.03-LTS-SP1 (its distro qualifier names"
                + " release 22.03, which cannot be related to it)");
  }

  @Test
  void withdrawnRecordsAreCountedButNeverMatched() {
    assertThat(index.stats().withdrawn()).isEqualTo(1);
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(new ScanComponent("pkg:pypi/example-pkg@0.1", "", "")));
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void aFindingCarriesTheRangeComparatorAndVersionsThatDecidedIt() {
    var f = single("pkg:pypi/example-pkg@2.1");
    assertThat(f.evidence().record()).isEqualTo("FIX-INTRO-FIXED");
    assertThat(f.evidence().source()).endsWith("FIX-INTRO-FIXED.json");
    assertThat(f.evidence().match()).isEqualTo("range");
    assertThat(f.evidence().rangeIndex()).isZero();
    assertThat(f.evidence().range())
        .isEqualTo("ECOSYSTEM: introduced 1.0, fixed 1.5, introduced 2.0, fixed 2.2");
    assertThat(f.evidence().comparator()).isEqualTo("pypi");
    assertThat(f.evidence().compared()).isEqualTo("introduced 2.0 <= 2.1 < fixed 2.2");
    assertThat(f.severity().level()).isEqualTo(AdvisorySeverity.Level.CRITICAL);
    assertThat(f.severity().cvssScore()).isEqualTo(9.8);
  }

  @Test
  void anIndeterminateFindingSaysWhy() {
    assertThat(single("pkg:pypi/gitonly@1.0").evidence().reason()).contains("only GIT");
    assertThat(single("pkg:hackage/aeson@1.5.0.0").evidence().reason())
        .isEqualTo("no version comparator for ecosystem Hackage");
    assertThat(single("pkg:pypi/badbound@1.0").evidence().reason())
        .contains("range bound rejected by the pypi comparator");
    assertThat(single("pkg:pypi/example-pkg@not%20a%20version").evidence().reason())
        .startsWith("component version rejected by the pypi comparator");
    assertThat(single("pkg:pypi/example-pkg").evidence().reason())
        .isEqualTo("the component has no version");
  }

  @Test
  void theComponentVersionIsUsedWhenThePurlHasNone() {
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(new ScanComponent("pkg:pypi/example-pkg", "example-pkg", "1.2")));
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(VulnerabilityFinding.Status.AFFECTED);
              assertThat(f.evidence().version()).isEqualTo("1.2");
            });
  }

  @Test
  void severityFallsBackToTheDatabaseSpecificWord() {
    var f = single("pkg:npm/%40scope/lib@1.0.0");
    assertThat(f.severity().level()).isEqualTo(AdvisorySeverity.Level.MEDIUM);
    assertThat(f.severity().basis()).isEqualTo("database_specific");
  }

  @Test
  void aliasesKevAndEpssAreAttachedThroughTheAliasGroup() {
    var kev =
        new KevCatalog(
            "test",
            List.of(new KevEntry("CVE-2099-0001", "Acme", "Pkg", "Example", "2026-01-01", "", "")));
    var epss =
        new EpssScores(
            "v1", "2026-01-01", Map.of("CVE-2099-0001", new EpssScore("CVE-2099-0001", 0.42, 0.9)));
    var result =
        new Matcher(index, kev, epss)
            .scan(List.of(new ScanComponent("pkg:pypi/yamlpkg@1.0", "", "")));
    var f = result.findings().get(0);
    assertThat(f.aliases())
        .containsExactly("CVE-2099-0001", "FIX-INTRO-FIXED", "GHSA-aaaa-bbbb-cccc");
    assertThat(f.kev()).isTrue();
    assertThat(f.epss()).isEqualTo(0.42);
    assertThat(index.aliasGroups().linksOf("FIX-YAML"))
        .extracting(l -> l.declaredBy() + "->" + l.alias())
        .containsExactlyInAnyOrder(
            "FIX-INTRO-FIXED->CVE-2099-0001",
            "FIX-YAML->CVE-2099-0001",
            "FIX-YAML->GHSA-aaaa-bbbb-cccc");
  }

  @Test
  void componentsWithoutAValidPurlAreReportedNotSilentlyDropped() {
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(new ScanComponent("", "example-pkg", "1.2")));
    assertThat(result.findings()).isEmpty();
    assertThat(result.withoutPurl()).extracting(ScanComponent::name).containsExactly("example-pkg");
  }

  private static VulnerabilityFinding single(String purl) {
    var result =
        new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY)
            .scan(List.of(new ScanComponent(purl, "", "")));
    assertThat(result.findings()).hasSize(1);
    return result.findings().get(0);
  }
}
