package dev.craft.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/**
 * Strict reading of JSON request bodies: bounded depth and sizes, an object at the top, typed
 * fields.
 */
final class Body {
  private static final ObjectMapper STRICT =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(32)
                      .maxStringLength(1_000_000)
                      .maxNumberLength(100)
                      .build())
              .build());

  private Body() {}

  static ObjectNode object(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType != null && !contentType.toLowerCase().contains("json")) {
      throw new InvalidInputException(
          "request body: expected application/json, got " + contentType);
    }
    String text = ctx.body();
    if (text.isBlank()) {
      throw new InvalidInputException("request body: empty; a JSON object is expected");
    }
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      // A read limit (nesting, string length) is reported without a location.
      var at = e.getLocation();
      throw new InvalidInputException(
          (at == null
                  ? "request body: "
                  : "malformed JSON at line "
                      + at.getLineNr()
                      + ", column "
                      + at.getColumnNr()
                      + ": ")
              + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("request body: must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * A string field, or null when absent or JSON null; any other type is an error naming the field.
   */
  static @Nullable String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(field + ": must be a string");
    }
    return v.textValue();
  }

  static @Nullable Long number(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new InvalidInputException(field + ": must be a whole number");
    }
    return v.longValue();
  }
}
