package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing fixture per mandatory test of CSAF 2.0 section 6.1 (mostly the failing examples of
 * the standard), each made from a valid base document by one change.
 */
class CsafMandatoryTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode base() {
    try (InputStream in = CsafMandatoryTestsTest.class.getResourceAsStream("/csaf/base-vex.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode obj(JsonNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  static ArrayNode arr(JsonNode root, String pointer) {
    return (ArrayNode) root.at(pointer);
  }

  static List<CsafProblem> validate(JsonNode doc) {
    try {
      return CsafValidator.validate(JSON.writeValueAsBytes(doc));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String V0 = "/vulnerabilities/0";
  private static final String TRACKING = "/document/tracking";

  static Stream<Arguments> failing() {
    return Stream.of(
        c(
            "6.1.1",
            "a product group names an undefined product",
            d -> arr(d, "/product_tree/product_groups/0/product_ids").add("CSAFPID-X")),
        c(
            "6.1.1",
            "a status names an undefined product",
            d -> arr(d, V0 + "/product_status/known_affected").add("CSAFPID-X")),
        c(
            "6.1.2",
            "a product id is defined twice",
            d ->
                arr(d, "/product_tree/full_product_names")
                    .addObject()
                    .put("name", "Again")
                    .put("product_id", "CSAFPID-A")),
        c(
            "6.1.3",
            "a relationship defines a product through itself",
            d -> {
              ObjectNode r = obj(d, "/product_tree").putArray("relationships").addObject();
              r.put("category", "installed_on");
              r.putObject("full_product_name")
                  .put("name", "Product D")
                  .put("product_id", "CSAFPID-D");
              r.put("product_reference", "CSAFPID-A");
              r.put("relates_to_product_reference", "CSAFPID-D");
            }),
        c(
            "6.1.4",
            "a threat names an undefined group",
            d -> arr(d, V0 + "/flags/0/group_ids").set(0, "CSAFGID-X")),
        c(
            "6.1.5",
            "a group id is defined twice",
            d ->
                arr(d, "/product_tree/product_groups")
                    .addObject()
                    .put("group_id", "CSAFGID-1")
                    .putArray("product_ids")
                    .add("CSAFPID-A")
                    .add("CSAFPID-C")),
        c(
            "6.1.6",
            "a product is affected and not affected",
            d -> arr(d, V0 + "/product_status/known_affected").add("CSAFPID-A")),
        c(
            "6.1.7",
            "two CVSS 3.1 scores for one product",
            d -> arr(d, V0 + "/scores").add(d.at(V0 + "/scores/0").deepCopy())),
        c(
            "6.1.8",
            "a CVSS object lacks baseSeverity",
            d -> obj(d, V0 + "/scores/0/cvss_v3").remove("baseSeverity")),
        c(
            "6.1.9",
            "baseScore and baseSeverity do not fit the vector",
            d -> obj(d, V0 + "/scores/0/cvss_v3").put("baseScore", 6.5).put("baseSeverity", "LOW")),
        c(
            "6.1.9",
            "a v2 base score does not fit the vector",
            d -> obj(d, V0 + "/scores/1/cvss_v2").put("baseScore", 7.5)),
        c(
            "6.1.10",
            "attackVector contradicts the vector",
            d -> obj(d, V0 + "/scores/0/cvss_v3").put("attackVector", "LOCAL")),
        c(
            "6.1.10",
            "scope contradicts the vector",
            d -> obj(d, V0 + "/scores/0/cvss_v3").put("scope", "UNCHANGED")),
        c("6.1.12", "the language is a region (EZ)", d -> obj(d, "/document").put("lang", "EZ")),
        c(
            "6.1.13",
            "a purl has no name",
            d ->
                obj(d, "/product_tree/full_product_names/0/product_identification_helper")
                    .put("purl", "pkg:maven/@1.3.4")),
        c(
            "6.1.14",
            "revision numbers descend when sorted by date",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "2");
              obj(d, TRACKING + "/revision_history/1").put("number", "1");
              obj(d, TRACKING).put("version", "1");
            }),
        c(
            "6.1.15",
            "a translator gives no source language",
            d -> obj(d, "/document/publisher").put("category", "translator")),
        c(
            "6.1.16",
            "the version is not the latest revision",
            d -> obj(d, TRACKING).put("version", "1")),
        c(
            "6.1.17",
            "version 0 with status final",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "0");
              obj(d, TRACKING + "/revision_history/1").put("number", "1");
              obj(d, TRACKING).put("version", "0");
            }),
        c(
            "6.1.18",
            "a final document lists revision 0",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "0");
              obj(d, TRACKING + "/revision_history/1").put("number", "1");
              obj(d, TRACKING).put("version", "1");
            }),
        c(
            "6.1.19",
            "a revision is a pre-release",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "1.0.0-rc");
              obj(d, TRACKING + "/revision_history/1").put("number", "1.0.0");
              obj(d, TRACKING).put("version", "1.0.0");
            }),
        c(
            "6.1.20",
            "an interim document has a pre-release version",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "1.0.0");
              obj(d, TRACKING + "/revision_history/1").put("number", "1.0.1");
              obj(d, TRACKING).put("version", "1.0.1-alpha").put("status", "interim");
            }),
        c(
            "6.1.21",
            "revision 2 is missing",
            d -> {
              obj(d, TRACKING + "/revision_history/1").put("number", "3");
              obj(d, TRACKING).put("version", "3");
            }),
        c(
            "6.1.22",
            "revision 1 is listed twice",
            d -> {
              obj(d, TRACKING + "/revision_history/1").put("number", "1");
              obj(d, TRACKING).put("version", "1");
            }),
        c(
            "6.1.23",
            "two vulnerabilities share a CVE",
            d -> arr(d, "/vulnerabilities").add(d.at(V0).deepCopy())),
        c(
            "6.1.24",
            "the vendor is involved twice at the same date",
            d ->
                arr(d, V0 + "/involvements")
                    .addObject()
                    .put("date", "2024-01-01T10:00:00.000Z")
                    .put("party", "vendor")
                    .put("status", "in_progress")),
        c(
            "6.1.25",
            "sha256 twice in one hashes item",
            d ->
                arr(
                        d,
                        "/product_tree/full_product_names/0/product_identification_helper/hashes/0/file_hashes")
                    .addObject()
                    .put("algorithm", "sha256")
                    .put(
                        "value",
                        "0a853ce2337f0608489ac596a308dc5b7b19d35a52b10bf31261586ac368b175")),
        c(
            "6.1.26",
            "category Security_Incident_Response",
            d -> base26(d, "Security_Incident_Response")),
        c("6.1.26", "category veX", d -> base26(d, "veX")),
        c("6.1.26", "category with the reserved prefix Csaf_a", d -> base26(d, "Csaf_a")),
        c(
            "6.1.27.1",
            "an informational advisory without a descriptive note",
            d -> informational(d, true, false)),
        c(
            "6.1.27.2",
            "an informational advisory without an external reference",
            d -> informational(d, false, true)),
        c(
            "6.1.27.3",
            "an informational advisory with vulnerabilities",
            d -> {
              informational(d, false, false);
              d.putArray("vulnerabilities").addObject().put("title", "must not exist");
            }),
        c("6.1.27.4", "a VEX document without product tree", d -> d.remove("product_tree")),
        c("6.1.27.5", "a vulnerability without notes", d -> obj(d, V0).remove("notes")),
        c(
            "6.1.27.6",
            "a security advisory vulnerability without product status",
            d -> {
              obj(d, "/document").put("category", "csaf_security_advisory");
              obj(d, V0).remove("product_status");
            }),
        c(
            "6.1.27.7",
            "a VEX vulnerability with only recommended products",
            d -> {
              obj(d, V0).remove("product_status");
              obj(d, V0).putObject("product_status").putArray("recommended").add("CSAFPID-A");
              obj(d, V0).remove("flags");
              obj(d, V0).remove("remediations");
            }),
        c("6.1.27.8", "a VEX vulnerability without cve or ids", d -> obj(d, V0).remove("cve")),
        c(
            "6.1.27.9",
            "a not affected product outside the flagged group (standard's example)",
            d -> {
              arr(d, "/product_tree/full_product_names")
                  .addObject()
                  .put("name", "Product D")
                  .put("product_id", "CSAFPID-D");
              arr(d, V0 + "/product_status/known_not_affected").add("CSAFPID-D");
            }),
        c(
            "6.1.27.9",
            "a not affected product without impact statement (no flag)",
            d -> obj(d, V0).remove("flags")),
        c(
            "6.1.27.10",
            "an affected product without action statement",
            d -> obj(d, V0).remove("remediations")),
        c("6.1.27.11", "a VEX document without vulnerabilities", d -> d.remove("vulnerabilities")),
        c(
            "6.1.28",
            "source language equals language",
            d -> obj(d, "/document").put("source_lang", "en")),
        c(
            "6.1.29",
            "a remediation without products",
            d -> obj(d, V0 + "/remediations/0").remove("product_ids")),
        c(
            "6.1.30",
            "integer and semantic versions mixed",
            d -> {
              obj(d, TRACKING + "/revision_history/0").put("number", "1.0.0");
            }),
        c(
            "6.1.31",
            "a product version is a range",
            d -> obj(d, "/product_tree/branches/0/branches/0").put("name", "prior to 4.2")),
        c(
            "6.1.32",
            "a flag without products",
            d -> arr(d, V0 + "/flags").addObject().put("label", "component_not_present")),
        c(
            "6.1.33",
            "two justification flags for one product",
            d ->
                arr(d, V0 + "/flags")
                    .addObject()
                    .put("label", "vulnerable_code_not_present")
                    .putArray("product_ids")
                    .add("CSAFPID-A")));
  }

  private static void base26(ObjectNode d, String category) {
    obj(d, "/document").put("category", category);
  }

  private static void informational(ObjectNode d, boolean externalRef, boolean summaryNote) {
    d.remove("vulnerabilities");
    ObjectNode doc = obj(d, "/document");
    doc.put("category", "csaf_informational_advisory");
    doc.putArray("notes")
        .addObject()
        .put("category", summaryNote ? "summary" : "legal_disclaimer")
        .put("text", "x");
    doc.putArray("references")
        .addObject()
        .put("category", externalRef ? "external" : "self")
        .put("summary", "x")
        .put("url", "https://example.com/x");
  }

  private static Arguments c(String test, String what, Consumer<ObjectNode> change) {
    return Arguments.of(test, what, change);
  }

  @Test
  void theBaseDocumentIsValid() {
    assertThat(validate(base())).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("failing")
  void eachMandatoryTestCatchesItsFailingExample(
      String test, String what, Consumer<ObjectNode> change) {
    ObjectNode doc = base();
    change.accept(doc);
    assertThat(validate(doc)).extracting(CsafProblem::testId).contains(test);
  }

  @Test
  void aCustomCategoryThatIsNoProfileNameIsAllowed() {
    ObjectNode doc = base();
    obj(doc, "/document").put("category", "Example Company Security Notice");
    assertThat(validate(doc)).extracting(CsafProblem::testId).doesNotContain("6.1.26");
  }

  @Test
  void problemsNameTheirJsonPath() {
    ObjectNode doc = base();
    arr(doc, V0 + "/product_status/known_affected").add("CSAFPID-X");
    assertThat(validate(doc))
        .contains(
            new CsafProblem(
                "6.1.1",
                V0 + "/product_status/known_affected/1",
                "product id 'CSAFPID-X' is not defined"));
  }

  @Test
  void aSchemaViolationIsReportedAsSchema() {
    ObjectNode doc = base();
    obj(doc, "/document").remove("title");
    assertThat(validate(doc)).extracting(CsafProblem::testId).contains("schema");
  }
}
