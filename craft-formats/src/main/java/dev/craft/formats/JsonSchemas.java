package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schemas of the formats CRAFT reads, loaded once from the classpath (never from the
 * network) and applied with every error's location as a JSON pointer.
 */
final class JsonSchemas {
  private static final String OWN = "classpath:dev/craft/formats/schema/";
  private static final String CDX_ID_PREFIX = "http://cyclonedx.org/schema/";

  /**
   * CycloneDX schemas refer to each other by their {@code http://cyclonedx.org/schema/…} ids; those
   * resolve to the bundled copies, so validation never goes to the network.
   */
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          // CycloneDX 1.7 uses "meta:enum" and "deprecated" annotations; declared, they are not
          // logged.
          Dialect.builder(Dialects.getDraft7())
              .keyword(new NonValidationKeyword("meta:enum"))
              .keyword(new NonValidationKeyword("deprecated"))
              .build(),
          b ->
              b.schemaIdResolvers(
                  r ->
                      r.mappings(
                          id -> id.startsWith(CDX_ID_PREFIX),
                          id -> OWN + "cyclonedx/" + id.substring(CDX_ID_PREFIX.length()))));

  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /** CycloneDX 1.2–1.6 come from cyclonedx-core-java, 1.7 from CRAFT's bundled copy. */
  static List<ValidationProblem> validateCycloneDx(JsonNode document, String version) {
    String location =
        "1.7".equals(version)
            ? OWN + "cyclonedx/bom-1.7.schema.json"
            : "classpath:bom-" + version + ".schema.json";
    return validate(location, document);
  }

  static List<ValidationProblem> validateSpdx2(JsonNode document, String version) {
    return validate(OWN + "spdx/spdx-schema-v" + version + ".json", document);
  }

  /** The SPDX 3.0.1 schema ships inside spdx-v3jsonld-store. */
  static List<ValidationProblem> validateSpdx3(JsonNode document) {
    return validate("classpath:resources/schema-v3.0.1.json", document);
  }

  private static List<ValidationProblem> validate(String location, JsonNode document) {
    Schema schema = CACHE.computeIfAbsent(location, l -> REGISTRY.getSchema(SchemaLocation.of(l)));
    List<Error> errors =
        schema.validate(document, ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH)));
    var problems = new ArrayList<ValidationProblem>(errors.size());
    for (Error e : errors) {
      problems.add(new ValidationProblem(pointer(e.getInstanceLocation()), message(e)));
    }
    return problems;
  }

  static String pointer(NodePath path) {
    var sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      String token = String.valueOf(element);
      sb.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return sb.isEmpty() ? "/" : sb.toString();
  }

  /** Drops the validator's own path prefix ({@code $.a.b: }) since the pointer says where. */
  private static String message(Error e) {
    String m = e.getMessage();
    if (m.startsWith("$") || m.startsWith("/")) {
      int colon = m.indexOf(": ");
      if (colon > 0) {
        return m.substring(colon + 2);
      }
    }
    return m;
  }
}
