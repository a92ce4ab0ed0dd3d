package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests that depend on the profile ({@code /document/category}): 6.1.26
 * (prohibited category name for CSAF Base) and 6.1.27.1–6.1.27.11.
 */
final class CsafProfileChecks {
  static final String BASE = "csaf_base";
  static final String INCIDENT = "csaf_security_incident_response";
  static final String INFORMATIONAL = "csaf_informational_advisory";
  static final String ADVISORY = "csaf_security_advisory";
  static final String VEX = "csaf_vex";
  private static final Set<String> PROFILES = Set.of(BASE, INCIDENT, INFORMATIONAL, ADVISORY, VEX);
  private static final List<String> PROHIBITED =
      List.of(
          "securityincidentresponse",
          "informationaladvisory",
          "securityadvisory",
          "vex",
          "csafsecurityincidentresponse",
          "csafinformationaladvisory",
          "csafsecurityadvisory",
          "csafvex");

  private CsafProfileChecks() {}

  static void check(JsonNode root, CsafProductTree tree, List<CsafProblem> out) {
    JsonNode doc = root.path("document");
    String category = Json.text(doc, "category");
    if (!PROFILES.contains(category)) {
      prohibited(category, out);
    }
    if (category.equals(INFORMATIONAL) || category.equals(INCIDENT)) {
      if (!hasCategory(doc.path("notes"), Set.of("description", "details", "general", "summary"))) {
        out.add(
            new CsafProblem(
                "6.1.27.1",
                "/document/notes",
                "no document note of category description, details, general or summary"));
      }
      if (!hasCategory(doc.path("references"), Set.of("external"))) {
        out.add(
            new CsafProblem(
                "6.1.27.2", "/document/references", "no document reference of category external"));
      }
    }
    if (category.equals(INFORMATIONAL) && root.has("vulnerabilities")) {
      out.add(
          new CsafProblem(
              "6.1.27.3", "/vulnerabilities", "an informational advisory has no vulnerabilities"));
    }
    if (!category.equals(ADVISORY) && !category.equals(VEX)) {
      return;
    }
    if (!root.has("product_tree")) {
      out.add(new CsafProblem("6.1.27.4", "/product_tree", "the product tree is missing"));
    }
    if (!root.has("vulnerabilities")) {
      out.add(new CsafProblem("6.1.27.11", "/vulnerabilities", "vulnerabilities are missing"));
    }
    JsonNode vulns = root.path("vulnerabilities");
    for (int v = 0; v < vulns.size(); v++) {
      JsonNode vuln = vulns.get(v);
      String base = "/vulnerabilities/" + v;
      if (!vuln.has("notes")) {
        out.add(new CsafProblem("6.1.27.5", base + "/notes", "the vulnerability has no notes"));
      }
      if (category.equals(ADVISORY) && !vuln.has("product_status")) {
        out.add(
            new CsafProblem(
                "6.1.27.6", base + "/product_status", "the vulnerability has no product status"));
      }
      if (category.equals(VEX)) {
        vex(vuln, base, tree, out);
      }
    }
  }

  private static void vex(JsonNode vuln, String base, CsafProductTree tree, List<CsafProblem> out) {
    JsonNode ps = vuln.path("product_status");
    if (!ps.has("fixed")
        && !ps.has("known_affected")
        && !ps.has("known_not_affected")
        && !ps.has("under_investigation")) {
      out.add(
          new CsafProblem(
              "6.1.27.7",
              base + "/product_status",
              "none of fixed, known_affected, known_not_affected, under_investigation"));
    }
    if (!vuln.has("cve") && !vuln.has("ids")) {
      out.add(new CsafProblem("6.1.27.8", base, "the vulnerability has neither cve nor ids"));
    }
    Set<String> impact = new HashSet<>();
    for (JsonNode f : vuln.path("flags")) {
      impact.addAll(tree.expand(f.path("product_ids"), f.path("group_ids")));
    }
    for (JsonNode t : vuln.path("threats")) {
      if ("impact".equals(Json.text(t, "category"))) {
        impact.addAll(tree.expand(t.path("product_ids"), t.path("group_ids")));
      }
    }
    JsonNode notAffected = ps.path("known_not_affected");
    for (int i = 0; i < notAffected.size(); i++) {
      if (!impact.contains(notAffected.get(i).asText())) {
        out.add(
            new CsafProblem(
                "6.1.27.9",
                base + "/product_status/known_not_affected/" + i,
                "no impact statement for '" + notAffected.get(i).asText() + "'"));
      }
    }
    Set<String> action = new HashSet<>();
    for (JsonNode r : vuln.path("remediations")) {
      action.addAll(tree.expand(r.path("product_ids"), r.path("group_ids")));
    }
    JsonNode affected = ps.path("known_affected");
    for (int i = 0; i < affected.size(); i++) {
      if (!action.contains(affected.get(i).asText())) {
        out.add(
            new CsafProblem(
                "6.1.27.10",
                base + "/product_status/known_affected/" + i,
                "no action statement for '" + affected.get(i).asText() + "'"));
      }
    }
  }

  private static boolean hasCategory(JsonNode items, Set<String> categories) {
    for (JsonNode n : items) {
      if (categories.contains(Json.text(n, "category"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * 6.1.26: dashes, white space and underscores (any Unicode variant) are removed and case ignored
   * before comparing with the other profiles' names and values; {@code csaf_} is reserved.
   */
  private static void prohibited(String category, List<CsafProblem> out) {
    if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
      out.add(
          new CsafProblem(
              "6.1.26", "/document/category", "the prefix csaf_ is reserved for CSAF profiles"));
      return;
    }
    String normalised =
        category
            .replaceAll("[\\p{Pd}\\p{Zs}\\s_\\u0332\\uFE4D-\\uFE4F\\uFF3F]", "")
            .toLowerCase(Locale.ROOT);
    if (PROHIBITED.contains(normalised)) {
      out.add(
          new CsafProblem(
              "6.1.26",
              "/document/category",
              "'" + category + "' is the name of another CSAF profile"));
    }
  }
}
