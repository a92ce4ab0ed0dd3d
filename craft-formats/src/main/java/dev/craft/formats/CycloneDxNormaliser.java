package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.ExternalReference;
import dev.craft.core.Hash;
import dev.craft.core.License;
import dev.craft.core.Party;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import dev.craft.core.SbomInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CycloneDX JSON tree (1.2–1.7) into the inventory. Nested components are flattened; the
 * parent is kept as property {@code craft:cyclonedx:parent}. A field whose mapping would lose
 * something (e.g. a supplier with an address) is kept whole as well, and wins when CycloneDX is
 * written again.
 */
final class CycloneDxNormaliser {
  static final String PARENT = Kept.CDX + "parent";
  private static final Set<String> DOC_FIELDS =
      Set.of(
          "bomFormat",
          "specVersion",
          "serialNumber",
          "metadata",
          "components",
          "dependencies",
          "$schema");
  private static final Set<String> META_FIELDS =
      Set.of("timestamp", "authors", "component", "properties");
  private static final Set<String> COMPONENT_FIELDS =
      Set.of(
          "type",
          "bom-ref",
          "group",
          "name",
          "version",
          "purl",
          "cpe",
          "hashes",
          "licenses",
          "supplier",
          "manufacturer",
          "authors",
          "author",
          "scope",
          "externalReferences",
          "properties",
          "components");

  private final String encoding;
  private String version = "";
  private final List<Component> components = new ArrayList<>();
  private final Set<String> refs = new HashSet<>();
  private final List<ValidationProblem> problems;
  private final int maxComponents;
  private boolean keptDependencies;

  private CycloneDxNormaliser(String encoding, List<ValidationProblem> problems, int max) {
    this.encoding = encoding;
    this.problems = problems;
    this.maxComponents = max;
  }

  /** Normalises {@code bom}; reference clashes are added to {@code problems}. */
  static Sbom normalise(
      JsonNode bom,
      String version,
      String encoding,
      ReadLimits limits,
      List<ValidationProblem> problems) {
    return new CycloneDxNormaliser(encoding, problems, limits.maxComponents()).run(bom, version);
  }

  private Sbom run(JsonNode bom, String version) {
    this.version = version;
    var docProps = new ArrayList<Property>();
    Kept.unmapped(bom, DOC_FIELDS, Kept.CDX, docProps);
    if (bom.has("version") && !"1".equals(bom.get("version").asText())) {
      docProps.add(Kept.field(Kept.CDX, "version", bom.get("version")));
    }
    JsonNode meta = bom.path("metadata");
    String primaryRef = "";
    var authors = new ArrayList<Party>();
    var tools = new ArrayList<String>();
    if (meta.isObject()) {
      for (var e : meta.properties()) {
        if (!META_FIELDS.contains(e.getKey())) {
          docProps.add(Kept.field(Kept.CDX, "metadata." + e.getKey(), e.getValue()));
        }
      }
      for (JsonNode a : meta.path("authors")) {
        authors.add(contact(a));
      }
      if (!Parties.lossless(meta.path("authors"), authors)) {
        docProps.add(Kept.field(Kept.CDX, "metadata.authors", meta.path("authors")));
      }
      tools.addAll(toolNames(meta.path("tools")));
      for (JsonNode p : meta.path("properties")) {
        docProps.add(new Property(Json.text(p, "name"), Json.text(p, "value")));
      }
      if (meta.path("component").isObject()) {
        primaryRef = component(meta.get("component"), "/metadata/component", "");
      }
    }
    JsonNode list = bom.path("components");
    for (int i = 0; i < list.size(); i++) {
      component(list.get(i), "/components/" + i, "");
    }
    var dependencies =
        dependencies(bom.path("dependencies"), completeness(bom.path("compositions")));
    if (keptDependencies) {
      // e.g. 1.6 "provides": the graph is mapped, the whole array is kept as well.
      docProps.add(Kept.field(Kept.CDX, "dependencies", bom.get("dependencies")));
    }
    int vulnerabilities = bom.path("vulnerabilities").size();
    for (Component c : components) {
      vulnerabilities += Kept.keptAdvisories(c.properties());
    }
    var info =
        new SbomInfo(
            SbomFormat.CYCLONEDX,
            version,
            encoding,
            Json.text(bom, "serialNumber"),
            "",
            Json.text(meta, "timestamp"),
            authors,
            tools,
            primaryRef,
            vulnerabilities);
    return new Sbom(info, components, dependencies, docProps);
  }

  private String component(JsonNode c, String pointer, String parent) {
    if (components.size() >= maxComponents) {
      throw new dev.craft.core.InvalidInputException(
          "too many components: the limit is " + maxComponents);
    }
    var props = new ArrayList<Property>();
    Kept.unmapped(c, COMPONENT_FIELDS, Kept.CDX, props);
    String ref = Json.text(c, "bom-ref");
    if (ref.isEmpty()) {
      // Without a bom-ref nothing can point at the component; a stable synthetic one keeps it.
      ref = "craft-ref:" + pointer;
    }
    if (!refs.add(ref)) {
      problems.add(
          new ValidationProblem(pointer + "/bom-ref", "bom-ref '" + ref + "' is not unique"));
      ref = ref + "#" + components.size();
      refs.add(ref);
    }
    if (!parent.isEmpty()) {
      props.add(new Property(PARENT, parent));
    }
    String filename = "";
    for (JsonNode p : c.path("properties")) {
      String name = Json.text(p, "name");
      String value = Json.text(p, "value");
      if ("bsi:component:filename".equals(name) && filename.isEmpty()) {
        filename = value;
      } else {
        props.add(new Property(name, value));
      }
    }
    String purl = "";
    String rawPurl = Json.text(c, "purl");
    if (!rawPurl.isEmpty()) {
      var canonical = Purls.canonical(rawPurl);
      if (canonical.isPresent()) {
        purl = canonical.get();
        if (!purl.equals(rawPurl)) {
          props.add(Kept.field(Kept.CDX, "purl", c.get("purl")));
        }
      } else {
        problems.add(
            new ValidationProblem(pointer + "/purl", "not a valid package URL: " + rawPurl));
        props.add(Kept.field(Kept.CDX, "purl", c.get("purl")));
      }
    }
    String cpe = Json.text(c, "cpe");
    Party supplier = c.has("supplier") ? entity(c.get("supplier")) : Party.NONE;
    keepIfLossy(c, "supplier", supplier, props);
    Party manufacturer = c.has("manufacturer") ? entity(c.get("manufacturer")) : Party.NONE;
    keepIfLossy(c, "manufacturer", manufacturer, props);
    var authors = new ArrayList<Party>();
    for (JsonNode a : c.path("authors")) {
      authors.add(contact(a));
    }
    if (!Parties.lossless(c.path("authors"), authors)) {
      props.add(Kept.field(Kept.CDX, "authors", c.get("authors")));
    }
    if (c.hasNonNull("author")) {
      props.add(Kept.field(Kept.CDX, "author", c.get("author")));
    }
    var licenses = licenses(c.path("licenses"));
    String kept = Spdx2Normaliser.take(props, CycloneDxTrees.KEPT_LICENSES);
    if (!kept.isEmpty()) {
      licenses = CycloneDxTrees.keptLicenses(kept);
    } else if (!CycloneDxTrees.licenses(licenses, version).equals(c.path("licenses"))
        && c.path("licenses").size() > 0) {
      props.add(Kept.field(Kept.CDX, "licenses", c.get("licenses")));
    }
    var extRefs = externalReferences(c.path("externalReferences"));
    if (c.path("externalReferences").size() > 0
        && !CycloneDxTrees.externalReferences(extRefs).equals(c.get("externalReferences"))) {
      props.add(Kept.field(Kept.CDX, "externalReferences", c.get("externalReferences")));
    }
    var component =
        new Component(
            ref,
            Json.text(c, "type"),
            Json.text(c, "group"),
            Json.text(c, "name"),
            Json.text(c, "version"),
            purl,
            cpe.isEmpty() ? List.of() : List.of(cpe),
            hashes(c.path("hashes")),
            licenses,
            supplier,
            manufacturer,
            authors,
            Json.text(c, "scope"),
            filename,
            extRefs,
            props);
    components.add(component);
    JsonNode children = c.path("components");
    for (int i = 0; i < children.size(); i++) {
      component(children.get(i), pointer + "/components/" + i, ref);
    }
    return ref;
  }

  private static void keepIfLossy(JsonNode c, String field, Party party, List<Property> props) {
    if (c.has(field) && !CycloneDxTrees.entity(party).equals(c.get(field))) {
      props.add(Kept.field(Kept.CDX, field, c.get(field)));
    }
  }

  static Party entity(JsonNode e) {
    String url = e.path("url").isArray() ? Json.text(e.path("url"), 0) : Json.text(e, "url");
    JsonNode contact = e.path("contact").path(0);
    return new Party(Json.text(e, "name"), Json.text(contact, "email"), url);
  }

  static Party contact(JsonNode a) {
    return new Party(Json.text(a, "name"), Json.text(a, "email"), "");
  }

  static List<Hash> hashes(JsonNode hashes) {
    var out = new ArrayList<Hash>(hashes.size());
    for (JsonNode h : hashes) {
      String alg = Json.text(h, "alg");
      if (!alg.isEmpty()) {
        out.add(new Hash(alg, Json.text(h, "content")));
      }
    }
    return out;
  }

  private static List<License> licenses(JsonNode licenses) {
    var out = new ArrayList<License>(licenses.size());
    for (JsonNode l : licenses) {
      String ack = Json.text(l, "acknowledgement");
      if (l.has("expression")) {
        String expression = Json.text(l, "expression");
        if (!expression.isEmpty()) {
          out.add(License.expression(expression, ack));
        }
        continue;
      }
      JsonNode lic = l.path("license");
      String id = Json.text(lic, "id");
      String name = Json.text(lic, "name");
      if (!id.isEmpty() || !name.isEmpty()) {
        String a = ack.isEmpty() ? Json.text(lic, "acknowledgement") : ack;
        out.add(new License(id, id.isEmpty() ? name : "", Json.text(lic, "url"), a));
      }
    }
    return out;
  }

  private static List<ExternalReference> externalReferences(JsonNode refs) {
    var out = new ArrayList<ExternalReference>(refs.size());
    for (JsonNode r : refs) {
      out.add(
          new ExternalReference(
              Json.text(r, "type"), Json.text(r, "url"), hashes(r.path("hashes"))));
    }
    return out;
  }

  private static List<String> toolNames(JsonNode tools) {
    var out = new ArrayList<String>();
    // 1.2–1.4: an array of tools; 1.5+: an object with components and services.
    List<JsonNode> entries = new ArrayList<>();
    if (tools.isArray()) {
      tools.forEach(entries::add);
    } else if (tools.isObject()) {
      tools.path("components").forEach(entries::add);
      tools.path("services").forEach(entries::add);
    }
    for (JsonNode t : entries) {
      String name = Json.text(t, "name");
      String vendor =
          Json.text(t, "vendor").isEmpty() ? Json.text(t, "group") : Json.text(t, "vendor");
      String label = (vendor.isEmpty() ? "" : vendor + " ") + name;
      String version = Json.text(t, "version");
      out.add(version.isEmpty() ? label.trim() : (label + " " + version).trim());
    }
    return out;
  }

  /** Completeness per component reference, from compositions that list dependencies. */
  private static Map<String, String> completeness(JsonNode compositions) {
    var out = new LinkedHashMap<String, String>();
    for (JsonNode c : compositions) {
      String aggregate = Json.text(c, "aggregate");
      for (JsonNode ref : c.path("dependencies")) {
        out.putIfAbsent(ref.asText(), aggregate);
      }
    }
    return out;
  }

  private List<Dependency> dependencies(JsonNode deps, Map<String, String> completeness) {
    var out = new ArrayList<Dependency>(deps.size());
    var seen = new HashSet<String>();
    for (JsonNode d : deps) {
      if (d.size() > 2 || (d.size() == 2 && !d.has("dependsOn"))) {
        keptDependencies = true;
      }
      String ref = Json.text(d, "ref");
      var on = new ArrayList<String>(d.path("dependsOn").size());
      d.path("dependsOn").forEach(n -> on.add(n.asText()));
      seen.add(ref);
      out.add(new Dependency(ref, on, completeness.getOrDefault(ref, "")));
    }
    // A composition may state completeness for a component that has no dependency entry.
    for (var e : completeness.entrySet()) {
      if (!seen.contains(e.getKey()) && refs.contains(e.getKey())) {
        out.add(new Dependency(e.getKey(), List.of(), e.getValue()));
      }
    }
    return out;
  }
}
