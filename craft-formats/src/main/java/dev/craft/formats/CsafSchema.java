package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;

/**
 * The CSAF 2.0 JSON schema and the FIRST CVSS schemas it references, all from CRAFT's bundled
 * copies (ADR 070): the CVSS ids {@code https://www.first.org/cvss/…} resolve to the classpath.
 */
final class CsafSchema {
  private static final String OWN = "classpath:dev/craft/formats/schema/csaf/";
  private static final String FIRST = "https://www.first.org/cvss/";

  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              b ->
                  b.schemaIdResolvers(
                      r ->
                          r.mappings(
                              id -> id.startsWith(FIRST),
                              id -> {
                                String file = id.substring(FIRST.length());
                                int query = file.indexOf('?');
                                return OWN + (query < 0 ? file : file.substring(0, query));
                              })))
          .getSchema(SchemaLocation.of(OWN + "csaf_json_schema.json"));

  private CsafSchema() {}

  static void validate(JsonNode document, List<CsafProblem> out) {
    List<Error> errors =
        SCHEMA.validate(document, ctx -> ctx.executionConfig(c -> c.locale(Locale.ENGLISH)));
    for (Error e : errors) {
      String path = JsonSchemas.pointer(e.getInstanceLocation());
      String test = path.contains("/cvss_v2") || path.contains("/cvss_v3") ? "6.1.8" : "schema";
      String m = e.getMessage();
      int colon = m.startsWith("$") || m.startsWith("/") ? m.indexOf(": ") : -1;
      out.add(new CsafProblem(test, path, colon > 0 ? m.substring(colon + 2) : m));
    }
  }
}
