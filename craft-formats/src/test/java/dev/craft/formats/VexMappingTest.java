package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.InvalidInputException;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the mapping tables in docs/vex.md: what each writer puts in its own fields. */
class VexMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final VexProduct PRODUCT =
      new VexProduct("app", "Example App", "2.4", "pkg:maven/com.example/app@2.4", "");

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(
            VexStatus.NOT_AFFECTED, "", "not_affected", "not_affected", "known_not_affected"),
        Arguments.of(
            VexStatus.NOT_AFFECTED,
            "false_positive",
            "not_affected",
            "false_positive",
            "known_not_affected"),
        Arguments.of(VexStatus.AFFECTED, "", "affected", "exploitable", "known_affected"),
        Arguments.of(
            VexStatus.AFFECTED, "first_affected", "affected", "exploitable", "known_affected"),
        Arguments.of(
            VexStatus.AFFECTED, "last_affected", "affected", "exploitable", "known_affected"),
        Arguments.of(VexStatus.FIXED, "", "fixed", "resolved", "fixed"),
        Arguments.of(
            VexStatus.FIXED, "resolved_with_pedigree", "fixed", "resolved_with_pedigree", "fixed"),
        Arguments.of(VexStatus.FIXED, "first_fixed", "fixed", "resolved", "fixed"),
        Arguments.of(
            VexStatus.UNDER_INVESTIGATION,
            "",
            "under_investigation",
            "in_triage",
            "under_investigation"));
  }

  @ParameterizedTest(name = "{0}/{1}: OpenVEX {2}, CycloneDX {3}, CSAF {4}")
  @MethodSource("statuses")
  void statusMapsToEachVocabulary(
      VexStatus status, String detail, String openvex, String cyclonedx, String csaf) {
    VexStatement s = statement(status, detail, VexJustification.NONE, List.of());
    assertThat(written(s, VexFormat.OPENVEX).at("/statements/0/status").asText())
        .isEqualTo(openvex);
    assertThat(written(s, VexFormat.CYCLONEDX).at("/vulnerabilities/0/analysis/state").asText())
        .isEqualTo(cyclonedx);
    assertThat(
            written(s, VexFormat.CSAF).at("/vulnerabilities/0/product_status").fieldNames().next())
        .isEqualTo(csaf);
    assertRoundTrips(s);
  }

  static Stream<Arguments> justifications() {
    return Stream.of(VexJustification.values())
        .filter(j -> j != VexJustification.NONE)
        .map(j -> Arguments.of(j, j.toOpenVex().wireName(), j.toCycloneDx().wireName()));
  }

  @ParameterizedTest(name = "{0}: OpenVEX/CSAF {1}, CycloneDX {2}")
  @MethodSource("justifications")
  void justificationMapsToEachVocabulary(VexJustification j, String openvex, String cyclonedx) {
    VexStatement s = statement(VexStatus.NOT_AFFECTED, "", j, List.of());
    assertThat(written(s, VexFormat.OPENVEX).at("/statements/0/justification").asText())
        .isEqualTo(openvex);
    assertThat(written(s, VexFormat.CSAF).at("/vulnerabilities/0/flags/0/label").asText())
        .isEqualTo(openvex);
    assertThat(
            written(s, VexFormat.CYCLONEDX)
                .at("/vulnerabilities/0/analysis/justification")
                .asText())
        .isEqualTo(cyclonedx);
    assertRoundTrips(s);
  }

  static Stream<Arguments> responses() {
    return Stream.of(VexResponse.values())
        .map(r -> Arguments.of(r, r.toCycloneDx().wireName(), r.toCsaf().wireName()));
  }

  @ParameterizedTest(name = "{0}: CycloneDX {1}, CSAF {2}")
  @MethodSource("responses")
  void responseMapsToEachVocabulary(VexResponse r, String cyclonedx, String csaf) {
    VexStatement s = statement(VexStatus.AFFECTED, "", VexJustification.NONE, List.of(r));
    assertThat(
            written(s, VexFormat.CYCLONEDX).at("/vulnerabilities/0/analysis/response/0").asText())
        .isEqualTo(cyclonedx);
    assertThat(written(s, VexFormat.CSAF).at("/vulnerabilities/0/remediations/0/category").asText())
        .isEqualTo(csaf);
    assertThat(written(s, VexFormat.OPENVEX).at("/statements/0/action_statement").asText())
        .isEqualTo("Upgrade to 2.5.");
    assertRoundTrips(s);
  }

  @Test
  void aStatementWithEveryFieldSurvivesEveryPairOfFormats() {
    var s =
        new VexStatement(
            "GHSA-jfh8-c2jp-5v3q",
            List.of("CVE-2021-44228"),
            PRODUCT,
            new VexProduct(
                "log4j",
                "log4j-core",
                "2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                ""),
            VexStatus.NOT_AFFECTED,
            "",
            VexJustification.PROTECTED_BY_COMPILER,
            "The JNDI lookup class is removed at build time.",
            "No action needed.",
            List.of(VexResponse.WILL_NOT_FIX, VexResponse.MITIGATION),
            "Checked by the build team.",
            "2024-05-01T10:00:00Z",
            "2024-05-02T10:00:00Z");
    assertRoundTrips(s);
  }

  @Test
  void aStatementWithoutProductSurvivesEveryPairOfFormats() {
    assertRoundTrips(
        VexStatement.of(
            "CVE-2009-4487", VexProduct.NONE, VexStatus.AFFECTED, VexJustification.NONE));
  }

  @Test
  void theSameProductTwiceInOneVulnerabilityStaysTwoStatementsInCsaf() {
    VexStatement s =
        statement(VexStatus.NOT_AFFECTED, "", VexJustification.COMPONENT_NOT_PRESENT, List.of());
    var doc = new VexDocument("urn:x", "me", "2024-01-01T00:00:00Z", "1", List.of(s, s));
    byte[] csaf = VexWriter.write(doc, VexFormat.CSAF);
    assertThat(CsafValidator.validate(csaf)).isEmpty();
    assertThat(VexReader.read(csaf, ReadLimits.DEFAULT).document().statements())
        .containsExactly(s, s);
  }

  @Test
  void openVex001StringsAreRead() {
    String doc =
        """
        {"@context": "https://openvex.dev/ns", "@id": "x", "author": "a", "timestamp": "2023-01-01T00:00:00Z",
         "statements": [{"vulnerability": "CVE-1", "products": ["pkg:npm/a@1"], "subcomponents": [],
           "status": "not_affected", "justification": "component_not_present"}]}
        """;
    VexReadResult r = VexReader.read(doc.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT);
    assertThat(r.specVersion()).isEqualTo("0.0.1");
    assertThat(r.document().statements())
        .extracting(VexStatement::essence)
        .containsExactly("CVE-1 | pkg:npm/a@1 |  | not_affected | component_not_present");
  }

  @Test
  void anUnknownDocumentIsRefused() {
    assertThatThrownBy(
            () -> VexReader.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a VEX document");
  }

  @Test
  void tooManyStatementsAreRefused() {
    String doc =
        """
        {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
          {"vulnerability": {"name": "CVE-1"}, "status": "affected"},
          {"vulnerability": {"name": "CVE-2"}, "status": "affected"}]}
        """;
    assertThatThrownBy(
            () ->
                VexReader.read(
                    doc.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT.withMaxComponents(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too many VEX statements");
  }

  @Test
  void tooDeepJsonIsRefused() {
    String deep = "{\"@context\": \"openvex\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";
    assertThatThrownBy(
            () -> VexReader.read(deep.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
        .isInstanceOf(InvalidInputException.class);
  }

  private static VexStatement statement(
      VexStatus status, String detail, VexJustification j, List<VexResponse> responses) {
    return new VexStatement(
        "CVE-2021-44228",
        List.of(),
        PRODUCT,
        VexProduct.NONE,
        status,
        detail,
        j,
        "",
        responses.isEmpty() ? "" : "Upgrade to 2.5.",
        responses,
        "",
        "",
        "");
  }

  private static JsonNode written(VexStatement s, VexFormat format) {
    var doc = new VexDocument("urn:x", "me", "2024-01-01T00:00:00Z", "1", List.of(s));
    try {
      return JSON.readTree(VexWriter.write(doc, format));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A → B → A gives the statement back for every ordered pair of formats; CSAF output is valid. */
  private static void assertRoundTrips(VexStatement s) {
    var doc = new VexDocument("urn:x", "me", "2024-01-01T00:00:00Z", "1", List.of(s));
    for (VexFormat a : VexFormat.values()) {
      VexDocument inA = VexReader.read(VexWriter.write(doc, a), ReadLimits.DEFAULT).document();
      assertThat(inA.statements()).as("written as %s", a).containsExactly(s);
      for (VexFormat b : VexFormat.values()) {
        byte[] bytes = VexWriter.write(inA, b);
        if (b == VexFormat.CSAF) {
          assertThat(CsafValidator.validate(bytes)).as("CSAF from %s", a).isEmpty();
        }
        VexDocument inB = VexReader.read(bytes, ReadLimits.DEFAULT).document();
        VexDocument back = VexReader.read(VexWriter.write(inB, a), ReadLimits.DEFAULT).document();
        assertThat(back.statements()).as("%s → %s → %s", a, b, a).containsExactly(s);
      }
    }
  }
}
