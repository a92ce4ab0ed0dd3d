package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads any SBOM CRAFT supports, recognising the format and version from the content (never from a
 * file name): CycloneDX 1.2–1.7 JSON/XML, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0.1 JSON-LD.
 *
 * <p>A document that cannot be read at all (not JSON, XML or tag-value; an unknown format or
 * version; unsafe; over a limit) raises {@link InvalidInputException}. A readable document comes
 * back normalised, with every problem its own specification finds.
 */
public final class SbomReader {
  private SbomReader() {}

  public static SbomReadResult read(byte[] content, ReadLimits limits) {
    if (content.length > limits.maxBytes()) {
      throw new InvalidInputException(
          "document too large: " + content.length + " bytes, the limit is " + limits.maxBytes());
    }
    int start = firstSignificant(content);
    if (start < 0) {
      throw new InvalidInputException("not an SBOM: the document is empty");
    }
    byte first = content[start];
    if (first == '{') {
      return readJson(Json.parse(content, limits), limits);
    }
    if (first == '<') {
      String namespace = SafeXml.inspect(content, limits);
      if (namespace.startsWith(CycloneDxReader.NAMESPACE)) {
        return CycloneDxReader.readXml(content, namespace, limits);
      }
      throw new InvalidInputException(
          "unknown XML format (root namespace '"
              + namespace
              + "'): CRAFT reads CycloneDX XML; SPDX XML/RDF is not supported");
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (SpdxTagValueReader.looksLikeTagValue(text)) {
      return SpdxTagValueReader.read(text, limits);
    }
    throw new InvalidInputException(
        "not an SBOM: the content is neither JSON, XML nor SPDX tag-value");
  }

  private static SbomReadResult readJson(JsonNode tree, ReadLimits limits) {
    if (!tree.isObject()) {
      throw new InvalidInputException("unknown JSON format: the document is not a JSON object");
    }
    if ("CycloneDX".equals(Json.text(tree, "bomFormat"))) {
      return CycloneDxReader.readJson(tree, limits);
    }
    if (tree.has("spdxVersion")) {
      return Spdx2Reader.readJson(tree, limits);
    }
    if (tree.has("@context") && tree.get("@context").toString().contains("spdx.org/rdf/3")) {
      return Spdx3Reader.read(tree, limits);
    }
    throw new InvalidInputException(
        "unknown JSON format: neither CycloneDX (bomFormat), SPDX 2 (spdxVersion) nor SPDX 3"
            + " (@context)");
  }

  private static int firstSignificant(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xFF) == 0xEF
        && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    for (; i < content.length; i++) {
      byte b = content[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return i;
      }
    }
    return -1;
  }
}
