package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API contract, written first (spec-first) in {@code openapi.yaml} and served as JSON. A test
 * checks that every route under {@code /api/v1} is described here, so the document cannot drift
 * from the code.
 */
final class OpenApiDoc {
  private final JsonNode root;
  private final String json;

  private OpenApiDoc(JsonNode root, String json) {
    this.root = root;
    this.json = json;
  }

  static OpenApiDoc load() {
    try (InputStream in = OpenApiDoc.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      return new OpenApiDoc(root, new ObjectMapper().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.yaml", e);
    }
  }

  void serve(Context ctx) {
    ctx.contentType("application/json").result(json);
  }

  String title() {
    return root.path("info").path("title").asText()
        + " "
        + root.path("info").path("version").asText();
  }

  List<ApiOperation> operations() {
    List<ApiOperation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getKey().equals("parameters")) {
          continue;
        }
        ops.add(
            new ApiOperation(
                op.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                op.getValue().path("summary").asText(),
                op.getValue().path("description").asText()));
      }
    }
    return ops;
  }
}
