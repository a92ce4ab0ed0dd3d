package dev.craft.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** Output helpers shared by the VEX writers. */
final class VexJson {
  private VexJson() {}

  static byte[] pretty(JsonNode node) {
    try {
      String text =
          Json.WRITER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
      return (text + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** A document version as a positive integer; 1 when the text is not one. */
  static int positiveInt(String version) {
    try {
      int v = Integer.parseInt(version.trim());
      return v >= 1 ? v : 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
