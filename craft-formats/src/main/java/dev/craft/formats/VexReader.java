package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;

/**
 * Reads a VEX document in any of the three formats, recognised by content: an OpenVEX {@code
 * @context}, a CycloneDX {@code bomFormat}, or a CSAF {@code document.csaf_version}. CycloneDX VEX
 * is read from JSON only.
 */
public final class VexReader {
  private VexReader() {}

  public static VexReadResult read(byte[] content, ReadLimits limits) {
    if (content.length > limits.maxBytes()) {
      throw new InvalidInputException(
          "document too large: " + content.length + " bytes, the limit is " + limits.maxBytes());
    }
    JsonNode root = Json.parse(content, limits);
    return read(root, limits);
  }

  static VexReadResult read(JsonNode root, ReadLimits limits) {
    if (!root.isObject()) {
      throw new InvalidInputException("not a VEX document: the JSON is not an object");
    }
    if (root.has("@context") && Json.compact(root.get("@context")).contains("openvex")) {
      return OpenVexReader.read(root, limits);
    }
    if ("CycloneDX".equals(Json.text(root, "bomFormat"))) {
      return CycloneDxVexReader.read(root, limits);
    }
    if (root.path("document").has("csaf_version")) {
      return CsafVexReader.read(root, limits);
    }
    throw new InvalidInputException(
        "not a VEX document: neither OpenVEX (@context), CycloneDX (bomFormat) nor CSAF"
            + " (document.csaf_version)");
  }

  static void checkCount(int statements, ReadLimits limits) {
    if (statements > limits.maxComponents()) {
      throw new InvalidInputException(
          "too many VEX statements: more than " + limits.maxComponents());
    }
  }
}
