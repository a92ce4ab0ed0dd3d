package dev.craft.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import java.io.IOException;

/** JSON parsing with CRAFT's limits, and small helpers for reading optional fields. */
final class Json {
  static final ObjectMapper WRITER = JsonMapper.builder().build();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectMapper mapper(ReadLimits limits) {
    var factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                    .maxNumberLength(1000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return JsonMapper.builder(factory).build();
  }

  /** Parses a whole document; anything that is not exactly one JSON value is refused (exit 3). */
  static JsonNode parse(byte[] content, ReadLimits limits) {
    var mapper = mapper(limits);
    try (JsonParser parser = mapper.createParser(content)) {
      JsonNode node = mapper.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException("not JSON: the document is empty");
      }
      if (parser.nextToken() != null) {
        throw new InvalidInputException(
            "not JSON: content after the end of the document at line "
                + parser.currentLocation().getLineNr());
      }
      return node;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidInputException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read JSON: " + e.getMessage(), e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  static String text(JsonNode array, int index) {
    JsonNode v = array.get(index);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
  }

  static String compact(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  static JsonNode parseKept(String json) {
    try {
      return WRITER.readTree(json);
    } catch (JsonProcessingException e) {
      // A kept value that is not JSON came from elsewhere (e.g. a hand-written property): keep
      // text.
      return NODES.textNode(json);
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Appends a reference token to a JSON pointer (RFC 6901 escaping). */
  static String pointer(String base, String token) {
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }
}
