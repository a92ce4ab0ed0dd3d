package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import dev.craft.core.SbomInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.XmlParser;

/** CycloneDX 1.2–1.7, JSON and XML: validated against the version's schema, then normalised. */
final class CycloneDxReader {
  static final Set<String> VERSIONS = Set.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");
  static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";

  private CycloneDxReader() {}

  static String checkedVersion(String version) {
    if (!VERSIONS.contains(version)) {
      throw new InvalidInputException(
          "unsupported CycloneDX specVersion '" + version + "': CRAFT reads 1.2 to 1.7");
    }
    return version;
  }

  static SbomReadResult readJson(JsonNode bom, ReadLimits limits) {
    String version = checkedVersion(Json.text(bom, "specVersion"));
    // Both only read the tree: the schema is checked on another thread while the document is
    // normalised (~50 ms each for 10,000 components).
    var schema = CompletableFuture.supplyAsync(() -> JsonSchemas.validateCycloneDx(bom, version));
    var found = new ArrayList<ValidationProblem>();
    Sbom sbom;
    try {
      sbom = CycloneDxNormaliser.normalise(bom, version, "json", limits, found);
    } catch (RuntimeException e) {
      schema.cancel(false);
      throw e;
    }
    List<ValidationProblem> problems;
    try {
      problems = new ArrayList<>(schema.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    problems.addAll(found);
    return new SbomReadResult(sbom, problems);
  }

  static SbomReadResult readXml(byte[] content, String namespace, ReadLimits limits) {
    String version = checkedVersion(namespace.substring(NAMESPACE.length()));
    String xsd =
        "1.7".equals(version)
            ? "dev/craft/formats/schema/cyclonedx/bom-1.7.xsd"
            : "bom-" + version + ".xsd";
    String spdxXsd =
        "1.7".equals(version) ? "dev/craft/formats/schema/cyclonedx/spdx.xsd" : "spdx.xsd";
    var problems = new ArrayList<ValidationProblem>(SafeXml.validate(content, xsd, spdxXsd));
    Bom bom;
    try {
      bom = new XmlParser().parse(content);
    } catch (ParseException | RuntimeException e) {
      problems.add(
          new ValidationProblem(
              "line 1", "cannot map the XML BOM: " + SafeXml.firstLine(e.getMessage())));
      return new SbomReadResult(empty(version), problems);
    }
    // cyclonedx-core-java 12.2 models up to 1.6; a 1.7 XML BOM is mapped through its 1.6 model and
    // what that model cannot hold is kept as properties (CycloneDx17XmlExtras).
    Version model = "1.7".equals(version) ? Version.VERSION_16 : Version.fromVersionString(version);
    JsonNode tree = BomGeneratorFactory.createJson(model, bom).toJsonNode();
    if (tree instanceof ObjectNode o) {
      o.put("specVersion", version);
    }
    Sbom sbom = CycloneDxNormaliser.normalise(tree, version, "xml", limits, problems);
    if ("1.7".equals(version)) {
      sbom = CycloneDx17XmlExtras.keep(content, sbom);
    }
    return new SbomReadResult(sbom, problems);
  }

  private static Sbom empty(String version) {
    var info =
        new SbomInfo(SbomFormat.CYCLONEDX, version, "xml", "", "", "", List.of(), List.of(), "", 0);
    return new Sbom(info, List.of(), List.of(), List.of());
  }
}
