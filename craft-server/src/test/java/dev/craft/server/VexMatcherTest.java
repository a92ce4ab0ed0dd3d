package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.VexProduct;
import dev.craft.store.VexFinding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a statement's product or component reference is matched (docs/vex.md, "Import"). */
class VexMatcherTest {
  static final VexFinding LOG4J =
      new VexFinding(
          1,
          2,
          "4.1.0",
          "GHSA-jfh8-c2jp-5v3q",
          "CVE-2021-44228",
          "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
          "log4j-core",
          "2.14.1",
          "log4j-ref",
          "maven/org.apache.logging.log4j:log4j-core",
          null,
          null,
          null,
          null);

  static final VexMatcher.Target GATEWAY =
      new VexMatcher.Target(
          "Nordlicht Home Gateway",
          List.of(
              new VexMatcher.ReleaseIdentity(
                  2,
                  "4.1.0",
                  "pkg:generic/nordlicht/gateway@4.1.0",
                  "cpe:2.3:h:nordlicht:gateway:4.1.0:*:*:*:*:*:*:*")),
          0);

  @ParameterizedTest(name = "component ref={0} name={1} version={2} purl={3}: {4}")
  @CsvSource({
    "'', '', '', pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1, true",
    "'', '', '', pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?classifier=x, true",
    "'', '', '', pkg:maven/org.apache.logging.log4j/log4j-core, true",
    "'', '', '', pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0, false",
    "'', '', '', pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1, false",
    "urn:cdx:1f2a/1#pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar, '', '', '', true",
    "urn:cdx:1f2a/1#log4j-ref, '', '', '', true",
    "log4j-ref, '', '', '', true",
    "'', log4j-core, 2.14.1, '', true",
    "'', LOG4J-CORE, '', '', true",
    "'', log4j-core, 2.17.0, '', false",
    "other-ref, '', '', '', false",
  })
  void aComponentIsMatchedByPurlIgnoringQualifiersElseRefElseNameAndVersion(
      String ref, String name, String version, String purl, boolean matches) {
    assertThat(VexMatcher.componentMatches(new VexProduct(ref, name, version, purl, ""), LOG4J))
        .isEqualTo(matches);
  }

  @ParameterizedTest(name = "product ref={0} name={1} purl={2} cpe={3}: {4}")
  @CsvSource({
    "'', Nordlicht Home Gateway, '', '', true",
    "'', nordlicht home gateway, '', '', true",
    "nordlicht-home-gateway, '', '', '', true",
    "urn:cdx:9f/1#nordlicht-home-gateway, '', '', '', true",
    "'', '', pkg:generic/nordlicht/gateway@9.9, '', true",
    "'', '', '', cpe:2.3:h:nordlicht:gateway:9.9:*:*:*:*:*:*:*, true",
    "'', Other Gateway, pkg:generic/other/gateway@4.1.0, '', false",
    "'', '', '', cpe:2.3:h:other:gateway:4.1.0:*:*:*:*:*:*:*, false",
  })
  void theProductIsRecognisedByNameSlugPurlOrCpe(
      String ref, String name, String purl, String cpe, boolean identifies) {
    assertThat(VexMatcher.identifies(new VexProduct(ref, name, "", purl, cpe), GATEWAY))
        .isEqualTo(identifies);
  }

  @ParameterizedTest(name = "version of name={0} version={1} purl={2} cpe={3} is {4}")
  @CsvSource({
    "Gateway, 4.1.0, '', '', 4.1.0",
    "'', '', pkg:generic/nordlicht/gateway@4.1.0, '', 4.1.0",
    "'', '', '', cpe:2.3:h:nordlicht:gateway:4.1.0:*:*:*:*:*:*:*, 4.1.0",
    "'', '', '', cpe:/h:nordlicht:gateway:4.0, 4.0",
    "'', '', '', cpe:2.3:h:nordlicht:gateway:*:*:*:*:*:*:*:*, ''",
    "Gateway, '', '', '', ''",
  })
  void theVersionAStatementNamesComesFromVersionPurlOrCpe(
      String name, String version, String purl, String cpe, String expected) {
    assertThat(VexMatcher.versionOf(new VexProduct("", name, version, purl, cpe)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "product named {0} is {1} version {2}")
  @CsvSource({
    "Nordlicht Home Gateway 4.1.0, Nordlicht Home Gateway, 4.1.0",
    "nordlicht home gateway 4.1.0, Nordlicht Home Gateway, 4.1.0",
    "Nordlicht Home Gateway, Nordlicht Home Gateway, ''",
    "Nordlicht Home Gateways, Nordlicht Home Gateways, ''",
  })
  void aVersionWrittenAfterTheProductNameIsTheVersion(String name, String product, String version) {
    VexProduct p = VexMatcher.withVersionFromName(new VexProduct("", name, "", "", ""), GATEWAY);
    assertThat(p.name()).isEqualTo(product);
    assertThat(p.version()).isEqualTo(version);
  }
}
