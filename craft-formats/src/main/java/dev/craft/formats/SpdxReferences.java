package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SPDX 2 rules a JSON schema cannot state (spec clauses 6.1–6.5, 11): identifier syntax, unique
 * identifiers, relationships between elements that exist, the document namespace and data licence.
 */
final class SpdxReferences {
  private static final Pattern ID = Pattern.compile("SPDXRef-[A-Za-z0-9.\\-]+");
  private static final Pattern EXTERNAL =
      Pattern.compile("DocumentRef-[A-Za-z0-9.\\-]+:SPDXRef-[A-Za-z0-9.\\-]+");

  private SpdxReferences() {}

  static List<ValidationProblem> check(JsonNode doc) {
    var problems = new ArrayList<ValidationProblem>();
    var ids = new HashSet<String>();
    if (!"SPDXRef-DOCUMENT".equals(Json.text(doc, "SPDXID"))) {
      problems.add(
          new ValidationProblem("/SPDXID", "the document's SPDXID must be SPDXRef-DOCUMENT"));
    }
    ids.add(Json.text(doc, "SPDXID"));
    if (doc.has("dataLicense") && !"CC0-1.0".equals(Json.text(doc, "dataLicense"))) {
      problems.add(new ValidationProblem("/dataLicense", "the data licence must be CC0-1.0"));
    }
    String namespace = Json.text(doc, "documentNamespace");
    if (!namespace.isEmpty()) {
      try {
        URI uri = new URI(namespace);
        if (!uri.isAbsolute() || uri.getRawFragment() != null || namespace.contains("#")) {
          problems.add(
              new ValidationProblem("/documentNamespace", "must be an absolute URI without '#'"));
        }
      } catch (URISyntaxException e) {
        problems.add(new ValidationProblem("/documentNamespace", "not a URI: " + e.getMessage()));
      }
    }
    for (String list : new String[] {"packages", "files", "snippets"}) {
      JsonNode elements = doc.path(list);
      for (int i = 0; i < elements.size(); i++) {
        String id = Json.text(elements.get(i), "SPDXID");
        String pointer = "/" + list + "/" + i + "/SPDXID";
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
          problems.add(
              new ValidationProblem(
                  pointer, "'" + id + "' is not an SPDX identifier (SPDXRef-[A-Za-z0-9.-]+)"));
        }
        if (!id.isEmpty() && !ids.add(id)) {
          problems.add(new ValidationProblem(pointer, "SPDXID '" + id + "' is used twice"));
        }
      }
    }
    JsonNode describes = doc.path("documentDescribes");
    for (int i = 0; i < describes.size(); i++) {
      known(describes.get(i).asText(), ids, "/documentDescribes/" + i, problems);
    }
    JsonNode rels = doc.path("relationships");
    for (int i = 0; i < rels.size(); i++) {
      JsonNode r = rels.get(i);
      known(Json.text(r, "spdxElementId"), ids, "/relationships/" + i + "/spdxElementId", problems);
      known(
          Json.text(r, "relatedSpdxElement"),
          ids,
          "/relationships/" + i + "/relatedSpdxElement",
          problems);
    }
    return problems;
  }

  private static void known(
      String id, Set<String> ids, String pointer, List<ValidationProblem> problems) {
    if (id.isEmpty() || id.equals("NONE") || id.equals("NOASSERTION") || ids.contains(id)) {
      return;
    }
    if (EXTERNAL.matcher(id).matches()) {
      return;
    }
    problems.add(new ValidationProblem(pointer, "'" + id + "' is not an element of this document"));
  }
}
