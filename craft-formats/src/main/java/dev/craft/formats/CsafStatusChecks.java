package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests within each vulnerability: 6.1.6 (contradicting product status), 6.1.23
 * (same CVE twice), 6.1.24 (multiple definition in involvements), 6.1.29 (remediation without
 * product reference), 6.1.32 (flag without product reference), 6.1.33 (several VEX justification
 * flags for one product).
 */
final class CsafStatusChecks {
  private static final Map<String, String> GROUP_OF =
      Map.of(
          "first_affected", "affected",
          "known_affected", "affected",
          "last_affected", "affected",
          "known_not_affected", "not affected",
          "first_fixed", "fixed",
          "fixed", "fixed",
          "under_investigation", "under investigation");
  private static final Set<String> JUSTIFICATIONS =
      Set.of(
          "component_not_present",
          "vulnerable_code_not_present",
          "vulnerable_code_not_in_execute_path",
          "vulnerable_code_cannot_be_controlled_by_adversary",
          "inline_mitigations_already_exist");

  private CsafStatusChecks() {}

  static void check(JsonNode root, CsafProductTree tree, List<CsafProblem> out) {
    JsonNode vulns = root.path("vulnerabilities");
    Map<String, String> cves = new HashMap<>();
    for (int v = 0; v < vulns.size(); v++) {
      JsonNode vuln = vulns.get(v);
      String base = "/vulnerabilities/" + v;
      String cve = Json.text(vuln, "cve");
      if (!cve.isEmpty()) {
        String first = cves.putIfAbsent(cve, base);
        if (first != null) {
          out.add(new CsafProblem("6.1.23", base + "/cve", cve + " is also used in " + first));
        }
      }
      contradictions(vuln.path("product_status"), base, out);
      involvements(vuln.path("involvements"), base, out);
      references(vuln.path("remediations"), base + "/remediations", "6.1.29", "remediation", out);
      references(vuln.path("flags"), base + "/flags", "6.1.32", "flag", out);
      flagsPerProduct(vuln.path("flags"), base, tree, out);
    }
  }

  private static void contradictions(JsonNode status, String base, List<CsafProblem> out) {
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (var e : GROUP_OF.entrySet()) {
      JsonNode ids = status.path(e.getKey());
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i).asText();
        String before = groupOf.putIfAbsent(id, e.getValue());
        if (before != null && !before.equals(e.getValue())) {
          out.add(
              new CsafProblem(
                  "6.1.6",
                  base + "/product_status/" + e.getKey() + "/" + i,
                  "product '" + id + "' is both " + before + " and " + e.getValue()));
        }
      }
    }
  }

  private static void involvements(JsonNode items, String base, List<CsafProblem> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String key = Json.text(items.get(i), "party") + " at " + Json.text(items.get(i), "date");
      if (!seen.add(key)) {
        out.add(
            new CsafProblem(
                "6.1.24",
                base + "/involvements/" + i,
                "involvement of " + key + " is listed twice"));
      }
    }
  }

  private static void references(
      JsonNode items, String path, String test, String what, List<CsafProblem> out) {
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.has("product_ids") && !item.has("group_ids")) {
        out.add(
            new CsafProblem(test, path + "/" + i, "the " + what + " names no product or group"));
      }
    }
  }

  private static void flagsPerProduct(
      JsonNode flags, String base, CsafProductTree tree, List<CsafProblem> out) {
    Map<String, Integer> firstFlag = new HashMap<>();
    for (int i = 0; i < flags.size(); i++) {
      JsonNode f = flags.get(i);
      if (!JUSTIFICATIONS.contains(Json.text(f, "label"))) {
        continue;
      }
      for (String p : tree.expand(f.path("product_ids"), f.path("group_ids"))) {
        Integer before = firstFlag.putIfAbsent(p, i);
        if (before != null && before != i) {
          out.add(
              new CsafProblem(
                  "6.1.33",
                  base + "/flags/" + i,
                  "product '" + p + "' already has a VEX justification in flag " + before));
        }
      }
    }
  }
}
