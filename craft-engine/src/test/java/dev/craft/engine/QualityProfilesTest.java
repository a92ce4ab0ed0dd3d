package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Sbom;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QualityProfilesTest {
  static final String SHA512 = "c".repeat(128);

  /** A CycloneDX 1.6 SBOM that fills every field TR-03183-2 v2.1 requires. */
  static final String TR_COMPLETE =
      """
      {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
       "serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
       "metadata":{"timestamp":"2026-01-01T00:00:00Z",
         "authors":[{"name":"Build Team","email":"build@example.com"}],
         "component":%s},
       "components":[%s],
       "dependencies":[{"ref":"app","dependsOn":["lib"]},{"ref":"lib","dependsOn":[]}],
       "compositions":[{"aggregate":"complete","dependencies":["app","lib"]}]}
      """
          .formatted(
              component("app", "application", "app", "pkg:generic/app@1.0.0"),
              component("lib", "library", "lib", "pkg:npm/lib@2.0.0"));

  static String component(String ref, String type, String name, String purl) {
    return """
        {"type":"%s","bom-ref":"%s","name":"%s","version":"%s","purl":"%s",
         "manufacturer":{"name":"Acme","url":["https://acme.example"]},
         "supplier":{"name":"Acme"},
         "hashes":[{"alg":"SHA-512","content":"%s"}],
         "licenses":[{"license":{"id":"MIT","acknowledgement":"concluded"}},{"license":{"id":"MIT","acknowledgement":"declared"}}],
         "externalReferences":[{"type":"distribution","url":"https://acme.example/%s.tgz"},{"type":"vcs","url":"https://git.acme.example/%s"}],
         "properties":[{"name":"bsi:component:filename","value":"%s.tgz"},{"name":"bsi:component:executable","value":"non-executable"},
           {"name":"bsi:component:archive","value":"archive"},{"name":"bsi:component:structured","value":"structured"}]}
        """
        .formatted(
            type,
            ref,
            name,
            purl.substring(purl.lastIndexOf('@') + 1),
            purl,
            SHA512,
            name,
            name,
            name);
  }

  static Sbom read(String json) {
    var result = SbomReader.read(json.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(result.problems()).as("fixture must be schema-valid").isEmpty();
    return result.sbom();
  }

  @Test
  void aCompleteCycloneDx16SbomPassesTr031832WithFullScore() {
    var report = QualityProfiles.check(read(TR_COMPLETE), "tr-03183-2");
    assertThat(report.errors()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.score()).isEqualTo(100.0);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void aCompleteSbomPassesTheCraProfile() {
    var report = QualityProfiles.check(read(TR_COMPLETE), "cra");
    assertThat(report.passed()).isTrue();
    assertThat(report.score()).isEqualTo(100.0);
  }

  @Test
  void aMissingSha512IsAFindingThatNamesTheComponentAndField() {
    String json =
        TR_COMPLETE.replace(
            "\"alg\":\"SHA-512\",\"content\":\"" + SHA512 + "\"",
            "\"alg\":\"SHA-256\",\"content\":\"" + "d".repeat(64) + "\"");
    var report = QualityProfiles.check(read(json), "tr-03183-2");
    assertThat(report.passed()).isFalse();
    assertThat(report.score()).isLessThan(100.0);
    assertThat(report.errors())
        .anySatisfy(
            f -> {
              assertThat(f.component()).contains("lib@2.0.0").contains("(lib)");
              assertThat(f.field()).isEqualTo("hash-sha512");
            });
  }

  @Test
  void vulnerabilitiesInsideTheSbomFailBothProfiles() {
    String json =
        TR_COMPLETE.replace(
            "\"compositions\"",
            "\"vulnerabilities\":[{\"id\":\"CVE-2021-44228\",\"affects\":[{\"ref\":\"lib\"}]}],\"compositions\"");
    for (String profile : QualityProfiles.names()) {
      var report = QualityProfiles.check(read(json), profile);
      assertThat(report.passed()).as(profile).isFalse();
      assertThat(report.errors())
          .anySatisfy(f -> assertThat(f.field()).isEqualTo("vulnerabilities"));
    }
  }

  @Test
  void anSbomWithoutProductFailsCraAndATopLevelDependencyWithoutIdentifierIsNamed() {
    var noProduct =
        QualityProfiles.check(read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}"), "cra");
    assertThat(noProduct.passed()).isFalse();
    assertThat(noProduct.errors()).extracting(Finding::field).containsExactly("product");

    var noPurl =
        QualityProfiles.check(
            read(TR_COMPLETE.replace("\"purl\":\"pkg:npm/lib@2.0.0\",", "")), "cra");
    assertThat(noPurl.passed()).isFalse();
    assertThat(noPurl.errors())
        .singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("identifier"))
        .satisfies(f -> assertThat(f.component()).contains("lib"));
  }

  @Test
  void spdx23IsNotAnAcceptedFormatForTr031832() {
    String spdx =
        """
        {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"t",
         "documentNamespace":"https://example.com/t","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Organization: Acme (a@acme.example)"]},
         "packages":[{"SPDXID":"SPDXRef-app","name":"app","downloadLocation":"NOASSERTION","versionInfo":"1"}],
         "documentDescribes":["SPDXRef-app"]}
        """;
    var report = QualityProfiles.check(read(spdx), "tr-03183-2");
    assertThat(report.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("format"));
    // The document creator (an organisation with an e-mail) is fine; the package's is missing.
    assertThat(report.errors())
        .filteredOn(f -> f.field().equals("creator"))
        .extracting(Finding::component)
        .containsExactly("app@1 (SPDXRef-app)");
  }

  @Test
  void tr031832AcceptsCycloneDx16And17AndSpdx301Only() {
    assertThat(Tr031832Profile.formatAccepted(dev.craft.core.SbomFormat.CYCLONEDX, "1.5"))
        .isFalse();
    assertThat(Tr031832Profile.formatAccepted(dev.craft.core.SbomFormat.CYCLONEDX, "1.6")).isTrue();
    assertThat(Tr031832Profile.formatAccepted(dev.craft.core.SbomFormat.CYCLONEDX, "1.7")).isTrue();
    assertThat(Tr031832Profile.formatAccepted(dev.craft.core.SbomFormat.SPDX, "2.3")).isFalse();
    assertThat(Tr031832Profile.formatAccepted(dev.craft.core.SbomFormat.SPDX, "3.0.1")).isTrue();
  }

  @Test
  void anUnknownProfileIsInvalidInput() {
    assertThatThrownBy(() -> QualityProfiles.check(read(TR_COMPLETE), "ntia"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cra, tr-03183-2");
  }
}
