package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.core.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.v3jsonldstore.JsonLDStore;

/**
 * SPDX 3.0.1 JSON-LD: validated against the SPDX 3.0.1 JSON schema (with pointers), then loaded by
 * java-spdx-library, whose {@code verify()} adds the model's own rules, then normalised from the
 * JSON-LD graph.
 */
final class Spdx3Reader {
  static final String CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
  private static volatile boolean initialised;

  private Spdx3Reader() {}

  static SbomReadResult read(JsonNode doc, ReadLimits limits) {
    String context =
        doc.get("@context").isTextual()
            ? doc.get("@context").asText()
            : doc.get("@context").toString();
    if (!context.contains("/3.0.1/")) {
      throw new InvalidInputException(
          "unsupported SPDX 3 version (context " + context + "): CRAFT reads SPDX 3.0.1");
    }
    var problems =
        new ArrayList<ValidationProblem>(Spdx3Problems.tidy(JsonSchemas.validateSpdx3(doc)));
    if (problems.isEmpty()) {
      problems.addAll(libraryVerify(doc));
    }
    var sbom = Spdx3Normaliser.normalise(doc, limits, problems);
    return new SbomReadResult(sbom, problems);
  }

  /** The SPDX library's model checks; its messages name the element, not a JSON location. */
  static List<ValidationProblem> libraryVerify(JsonNode doc) {
    init();
    try {
      var store = new JsonLDStore(new InMemSpdxStore());
      byte[] bytes = Json.compact(doc).getBytes(StandardCharsets.UTF_8);
      SpdxDocument spdx = store.deSerialize(new ByteArrayInputStream(bytes), false);
      var problems = new ArrayList<ValidationProblem>();
      for (String message : spdx.verify()) {
        problems.add(new ValidationProblem("/@graph", message));
      }
      return problems;
    } catch (Exception e) {
      // The library signals bad documents with several exception types; all mean "invalid".
      return List.of(
          new ValidationProblem(
              "/@graph",
              "SPDX library cannot load the document: " + SafeXml.firstLine(e.getMessage())));
    }
  }

  private static void init() {
    if (!initialised) {
      synchronized (Spdx3Reader.class) {
        if (!initialised) {
          // Stay offline: the licence list comes from the library's jar (STACK.md gotcha 4).
          if (System.getProperty("org.spdx.useJARLicenseInfoOnly") == null) {
            System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
          }
          SpdxModelFactory.init();
          initialised = true;
        }
      }
    }
  }
}
