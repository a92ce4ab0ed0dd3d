package dev.craft.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a JSON tree whose scalars are all text. YAML's type resolution would turn a
 * version {@code 1.10} into the number 1.1 and {@code 010} into 8; advisories' versions must stay
 * exactly as written, so every scalar keeps its source text (only {@code null}/{@code ~} is null).
 */
final class YamlTrees {
  private YamlTrees() {}

  static JsonNode parse(byte[] content, int maxDepth, long maxBytes) {
    var options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(maxDepth);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
    var factory = YAMLFactory.builder().loaderOptions(options).build();
    try (JsonParser parser = factory.createParser(content)) {
      JsonNode root = build(parser, maxDepth);
      if (parser.nextToken() != null) {
        throw new InvalidInputException("not one YAML document: content after the first");
      }
      return root;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InvalidInputException(
          "not valid YAML: " + message.lines().findFirst().orElse(""), e);
    }
  }

  private static JsonNode build(JsonParser parser, int maxDepth) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new InvalidInputException("not valid YAML: the document is empty");
    }
    Deque<JsonNode> stack = new ArrayDeque<>();
    @Nullable JsonNode root = null;
    @Nullable String field = null;
    while (token != null) {
      @Nullable JsonNode value = null;
      switch (token) {
        case FIELD_NAME -> field = parser.currentName();
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() >= maxDepth) {
            throw new InvalidInputException("YAML nested deeper than " + maxDepth);
          }
          JsonNode container =
              token == JsonToken.START_OBJECT ? Json.NODES.objectNode() : Json.NODES.arrayNode();
          attach(stack.peek(), field, container);
          if (stack.isEmpty()) {
            root = container;
          }
          stack.push(container);
          field = null;
        }
        case END_OBJECT, END_ARRAY -> {
          stack.pop();
          if (stack.isEmpty() && root != null) {
            return root;
          }
        }
        case VALUE_NULL -> value = Json.NODES.nullNode();
        default -> {
          // Jackson hands an alias (*name) over as the text "name"; OSV records have no use for
          // aliases, so refuse them rather than read them wrongly (or expand a "billion laughs").
          if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new InvalidInputException(
                "YAML aliases are not accepted (alias *" + parser.getText() + ")");
          }
          value = Json.NODES.textNode(parser.getText());
        }
      }
      if (value != null) {
        if (stack.isEmpty()) {
          return value;
        }
        attach(stack.peek(), field, value);
        field = null;
      }
      token = parser.nextToken();
    }
    throw new InvalidInputException("not valid YAML: the document ends early");
  }

  private static void attach(@Nullable JsonNode parent, @Nullable String field, JsonNode child) {
    if (parent instanceof ObjectNode object) {
      object.set(field, child);
    } else if (parent instanceof ArrayNode array) {
      array.add(child);
    }
  }
}
