package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.core.WireEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the VEX part of CycloneDX 1.4–1.7 JSON: {@code vulnerabilities[]} with {@code analysis} and
 * {@code affects}. An {@code affects} entry with {@code versions} gives one statement per version
 * or range; a reference to a nested component gives its parent as product and itself as
 * subcomponent; an unresolved reference (e.g. a BOM-Link into another BOM) is kept as the product's
 * reference.
 */
final class CycloneDxVexReader {
  private static final Set<String> VERSIONS = Set.of("1.4", "1.5", "1.6", "1.7");

  private CycloneDxVexReader() {}

  record Resolved(VexProduct product, VexProduct parent) {}

  private record Target(Resolved resolved, String version, VexStatus status) {}

  static VexReadResult read(JsonNode root, ReadLimits limits) {
    String spec = Json.text(root, "specVersion");
    if (!VERSIONS.contains(spec)) {
      throw new InvalidInputException(
          "CycloneDX " + spec + " has no VEX analysis; CRAFT reads VEX from CycloneDX 1.4–1.7");
    }
    var statements = slots(root, limits, false).stream().map(VexSlot::statement).toList();
    JsonNode meta = root.path("metadata");
    String author = Json.text(meta.path("authors").path(0), "name");
    if (author.isEmpty()) {
      author = Json.text(meta.path("supplier"), "name");
    }
    return new VexReadResult(
        VexFormat.CYCLONEDX,
        spec,
        new VexDocument(
            Json.text(root, "serialNumber"),
            author,
            Json.text(meta, "timestamp"),
            Json.text(root, "version"),
            statements));
  }

  static List<VexSlot> slots(JsonNode root, ReadLimits limits, boolean plain) {
    Map<String, Resolved> components = new HashMap<>();
    index(root.path("metadata").path("component"), VexProduct.NONE, components, 0, limits);
    for (JsonNode c : root.path("components")) {
      index(c, VexProduct.NONE, components, 0, limits);
    }
    var out = new ArrayList<VexSlot>();
    JsonNode vulns = root.path("vulnerabilities");
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      String where = "CycloneDX /vulnerabilities/" + i;
      String id = Json.text(v, "id");
      if (id.isBlank()) {
        throw new InvalidInputException(where + ": no id");
      }
      var aliases = new ArrayList<String>();
      for (JsonNode r : v.path("references")) {
        String alias = Json.text(r, "id");
        if (!alias.isBlank() && !alias.equals(id)) {
          aliases.add(alias);
        }
      }
      JsonNode a = v.path("analysis");
      String state = Json.text(a, "state");
      VexStatus status = status(state, where);
      String detail = Json.text(a, "detail");
      String just = Json.text(a, "justification");
      VexJustification justification =
          just.isEmpty()
              ? VexJustification.NONE
              : WireEnum.parse(VexJustification.class, where + "/analysis/justification", just);
      if (justification.vocabulary() == VexJustification.Vocabulary.OPENVEX_CSAF) {
        throw new InvalidInputException(
            where + "/analysis/justification: '" + just + "' is not a CycloneDX justification");
      }
      var responses = new ArrayList<VexResponse>();
      for (String r : VexKept.texts(a.path("response"))) {
        VexResponse response = WireEnum.parse(VexResponse.class, where + "/analysis/response", r);
        if (!response.isCycloneDx()) {
          throw new InvalidInputException(
              where + "/analysis/response: '" + r + "' is not a CycloneDX response");
        }
        responses.add(response);
      }
      JsonNode kept = Json.object();
      for (JsonNode p : v.path("properties")) {
        if (VexKept.NAME.equals(Json.text(p, "name"))) {
          kept = Json.parseKept(Json.text(p, "value"));
        }
      }
      String stateDetail =
          state.equals("false_positive") || state.equals("resolved_with_pedigree") ? state : "";
      var targets = new ArrayList<Target>();
      for (JsonNode affect : v.path("affects")) {
        Resolved r = resolve(Json.text(affect, "ref"), components);
        JsonNode versions = affect.path("versions");
        if (versions.isArray() && !versions.isEmpty()) {
          for (JsonNode ver : versions) {
            String text = Json.text(ver, "version");
            if (text.isEmpty()) {
              text = Json.text(ver, "range");
            }
            targets.add(new Target(r, text, versionStatus(Json.text(ver, "status"), status)));
          }
        } else {
          targets.add(new Target(r, "", status));
        }
      }
      if (targets.isEmpty()) {
        targets.add(new Target(new Resolved(VexProduct.NONE, VexProduct.NONE), "", status));
      }
      for (Target t : targets) {
        Resolved r = t.resolved();
        VexStatus st = t.status();
        VexProduct sub = r.parent().isNone() ? VexProduct.NONE : r.product();
        VexProduct product = r.parent().isNone() ? r.product() : r.parent();
        String version = t.version();
        if (!version.isEmpty()) {
          if (sub.isNone()) {
            product = withVersion(product, version);
          } else {
            sub = withVersion(sub, version);
          }
        }
        var statement =
            new VexStatement(
                id,
                aliases,
                product,
                sub,
                st,
                st == status ? stateDetail : "",
                justification,
                st == VexStatus.NOT_AFFECTED ? detail : "",
                Json.text(v, "recommendation"),
                responses,
                st == VexStatus.NOT_AFFECTED ? "" : detail,
                Json.text(a, "firstIssued"),
                Json.text(a, "lastUpdated"));
        out.add(new VexSlot(String.valueOf(i), plain ? statement : VexKept.apply(statement, kept)));
        VexReader.checkCount(out.size(), limits);
      }
    }
    return out;
  }

  private static VexProduct withVersion(VexProduct p, String version) {
    return new VexProduct(p.ref(), p.name(), version, p.purl(), p.cpe());
  }

  /** A vulnerability without analysis is a plain finding (VDR): the product is affected. */
  private static VexStatus status(String state, String where) {
    return switch (state) {
      case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
      case "exploitable", "" -> VexStatus.AFFECTED;
      case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
      case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
      default ->
          throw new InvalidInputException(where + "/analysis/state: unknown '" + state + "'");
    };
  }

  private static VexStatus versionStatus(String status, VexStatus analysis) {
    return switch (status) {
      case "unaffected" -> analysis == VexStatus.FIXED ? VexStatus.FIXED : VexStatus.NOT_AFFECTED;
      case "unknown" -> VexStatus.UNDER_INVESTIGATION;
      default -> VexStatus.AFFECTED;
    };
  }

  private static Resolved resolve(String ref, Map<String, Resolved> components) {
    Resolved r = components.get(ref);
    return r != null ? r : new Resolved(new VexProduct(ref, "", "", "", ""), VexProduct.NONE);
  }

  private static void index(
      JsonNode c, VexProduct parent, Map<String, Resolved> out, int depth, ReadLimits limits) {
    if (!c.isObject() || depth > limits.maxDepth()) {
      return;
    }
    String ref = Json.text(c, "bom-ref");
    String name = Json.text(c, "name");
    String group = Json.text(c, "group");
    var product =
        new VexProduct(
            ref,
            group.isEmpty() ? name : group + "/" + name,
            Json.text(c, "version"),
            Json.text(c, "purl"),
            Json.text(c, "cpe"));
    if (!ref.isEmpty()) {
      out.putIfAbsent(ref, new Resolved(product, parent));
    }
    if (out.size() > limits.maxComponents()) {
      throw new InvalidInputException("too many components: more than " + limits.maxComponents());
    }
    for (JsonNode child : c.path("components")) {
      index(child, product, out, depth + 1, limits);
    }
  }
}
