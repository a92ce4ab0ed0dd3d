package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.ExternalReference;
import dev.craft.core.Hash;
import dev.craft.core.InvalidInputException;
import dev.craft.core.License;
import dev.craft.core.Party;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import dev.craft.core.SbomInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an SPDX 3.0.1 JSON-LD graph into the inventory. Packages and files are components (a file
 * that is a package's distribution artifact gives the package its filename instead); {@code
 * dependsOn} relationships, with their completeness, are the graph; licence relationships become
 * licences. Elements and relationships with no place in the model are kept as document properties.
 */
final class Spdx3Normaliser {
  static final String LISTED_LICENSE = "https://spdx.org/licenses/";
  private static final Set<String> PACKAGE_FIELDS =
      Set.of(
          "type",
          "spdxId",
          "creationInfo",
          "name",
          "software_packageVersion",
          "software_packageUrl",
          "externalIdentifier",
          "verifiedUsing",
          "suppliedBy",
          "originatedBy",
          "software_primaryPurpose",
          "software_downloadLocation",
          "software_homePage");
  private static final Set<String> ARTIFACT_FIELDS =
      Set.of("type", "spdxId", "creationInfo", "name");
  private static final Map<String, String> HASHES =
      Map.ofEntries(
          Map.entry("sha1", "SHA-1"),
          Map.entry("sha256", "SHA-256"),
          Map.entry("sha384", "SHA-384"),
          Map.entry("sha512", "SHA-512"),
          Map.entry("sha3_256", "SHA3-256"),
          Map.entry("sha3_384", "SHA3-384"),
          Map.entry("sha3_512", "SHA3-512"),
          Map.entry("blake2b256", "BLAKE2b-256"),
          Map.entry("blake2b384", "BLAKE2b-384"),
          Map.entry("blake2b512", "BLAKE2b-512"),
          Map.entry("blake3", "BLAKE3"),
          Map.entry("md5", "MD5"));
  private static final Map<String, String> PURPOSES =
      Map.of(
          "operatingSystem", "operating-system",
          "deviceDriver", "device-driver",
          "model", "machine-learning-model");
  static final java.util.Set<String> SPDX3_PURPOSES =
      java.util.Set.of(
          "application",
          "archive",
          "bom",
          "configuration",
          "container",
          "data",
          "device",
          "deviceDriver",
          "diskImage",
          "documentation",
          "evidence",
          "executable",
          "file",
          "filesystemImage",
          "firmware",
          "framework",
          "install",
          "library",
          "manifest",
          "model",
          "module",
          "operatingSystem",
          "other",
          "patch",
          "platform",
          "requirement",
          "source",
          "specification",
          "test");

  private Spdx3Normaliser() {}

  static String hashToCdx(String spdx3) {
    return HASHES.getOrDefault(spdx3, spdx3);
  }

  static String hashFromCdx(String cdx) {
    for (var e : HASHES.entrySet()) {
      if (e.getValue().equals(cdx)) {
        return e.getKey();
      }
    }
    return "other";
  }

  static String purposeToType(String purpose) {
    return PURPOSES.getOrDefault(purpose, purpose);
  }

  static String typeToPurpose(String type) {
    for (var e : PURPOSES.entrySet()) {
      if (e.getValue().equals(type)) {
        return e.getKey();
      }
    }
    return type;
  }

  static Sbom normalise(JsonNode doc, ReadLimits limits, List<ValidationProblem> problems) {
    var byId = new HashMap<String, JsonNode>();
    JsonNode graph = doc.path("@graph");
    for (JsonNode e : graph) {
      String id = e.has("spdxId") ? Json.text(e, "spdxId") : Json.text(e, "@id");
      if (!id.isEmpty()) {
        byId.put(id, e);
      }
    }
    JsonNode document = null;
    for (JsonNode e : graph) {
      if ("SpdxDocument".equals(Json.text(e, "type"))) {
        document = e;
        break;
      }
    }
    var licenses = new HashMap<String, List<License>>();
    var artifacts = new HashMap<String, String>();
    var deps = new LinkedHashMap<String, List<String>>();
    var completeness = new HashMap<String, String>();
    ArrayNode keptGraph = Json.NODES.arrayNode();
    var artifactOwners = new HashMap<String, String>();
    var annotations = new HashMap<String, List<Property>>();
    for (JsonNode e : graph) {
      String type = Json.text(e, "type");
      String statement = Json.text(e, "statement");
      int eq = statement.indexOf('=');
      if (type.equals("Annotation")
          && statement.startsWith(Spdx2Normaliser.PROPERTY_ANNOTATION)
          && eq > 0) {
        annotations
            .computeIfAbsent(Json.text(e, "subject"), k -> new ArrayList<>())
            .add(
                new Property(
                    statement.substring(Spdx2Normaliser.PROPERTY_ANNOTATION.length(), eq),
                    statement.substring(eq + 1)));
        continue;
      }
      if (!type.equals("Relationship") && !type.equals("LifecycleScopedRelationship")) {
        continue;
      }
      String rel = Json.text(e, "relationshipType");
      String from = Json.text(e, "from");
      JsonNode to = e.path("to");
      switch (rel) {
        case "dependsOn" -> {
          List<String> list = deps.computeIfAbsent(from, k -> new ArrayList<>());
          to.forEach(
              t -> {
                String target = t.asText();
                if (!target.endsWith("/NoneElement") && !target.endsWith("/NoAssertionElement")) {
                  list.add(target);
                }
              });
          String c = Json.text(e, "completeness");
          if (!c.isEmpty()) {
            completeness.put(from, c.equals("noAssertion") ? "unknown" : c);
          }
        }
        case "hasDeclaredLicense", "hasConcludedLicense" -> {
          String ack = rel.equals("hasDeclaredLicense") ? "declared" : "concluded";
          for (JsonNode t : to) {
            license(t.asText(), byId, ack)
                .ifPresent(l -> licenses.computeIfAbsent(from, k -> new ArrayList<>()).add(l));
          }
        }
        case "hasDistributionArtifact" -> {
          if (to.size() == 1 && !artifacts.containsKey(from)) {
            artifacts.put(from, to.get(0).asText());
            artifactOwners.put(to.get(0).asText(), from);
          } else {
            keptGraph.add(e);
          }
        }
        default -> keptGraph.add(e);
      }
    }
    var components = new ArrayList<Component>();
    int vulnerabilities = 0;
    for (JsonNode e : graph) {
      String type = Json.text(e, "type");
      switch (type) {
        case "software_Package", "software_File" -> {
          String id = Json.text(e, "spdxId");
          if (type.equals("software_File") && artifactOwners.containsKey(id)) {
            continue;
          }
          if (components.size() >= limits.maxComponents()) {
            throw new InvalidInputException(
                "too many components: the limit is " + limits.maxComponents());
          }
          components.add(
              component(
                  e,
                  byId,
                  licenses.getOrDefault(id, List.of()),
                  artifacts.get(id),
                  annotations.getOrDefault(id, List.of())));
        }
        case "Relationship",
            "LifecycleScopedRelationship",
            "CreationInfo",
            "SpdxDocument",
            "software_Sbom",
            "Person",
            "Organization",
            "Tool",
            "SoftwareAgent",
            "Agent",
            "simplelicensing_LicenseExpression" -> {}
        case "Annotation" -> {
          String statement = Json.text(e, "statement");
          if (!statement.startsWith(Spdx2Normaliser.PROPERTY_ANNOTATION)) {
            keptGraph.add(e);
          }
        }
        default -> {
          if (type.startsWith("security_") && type.endsWith("Vulnerability")) {
            vulnerabilities++;
          }
          keptGraph.add(e);
        }
      }
    }
    var docProps = new ArrayList<Property>();
    if (document != null) {
      docProps.addAll(annotations.getOrDefault(Json.text(document, "spdxId"), List.of()));
    }
    if (!keptGraph.isEmpty()) {
      docProps.add(Kept.field(Kept.SPDX, "@graph", keptGraph));
    }
    vulnerabilities += Kept.keptVulnerabilities(docProps);
    for (Component c : components) {
      vulnerabilities += Kept.keptAdvisories(c.properties());
    }
    var dependencies = new ArrayList<Dependency>();
    deps.forEach(
        (ref, on) -> dependencies.add(new Dependency(ref, on, completeness.getOrDefault(ref, ""))));
    JsonNode creation = document == null ? Json.object() : creationInfo(document, byId);
    var authors = new ArrayList<Party>();
    for (JsonNode a : creation.path("createdBy")) {
      Party author = agent(a.asText(), byId);
      if (!author.name().equals("NOASSERTION") || author.hasContact()) {
        authors.add(author);
      }
    }
    var tools = new ArrayList<String>();
    for (JsonNode t : creation.path("createdUsing")) {
      JsonNode tool = byId.get(t.asText());
      tools.add(tool == null ? t.asText() : Json.text(tool, "name"));
    }
    String primary = document == null ? "" : primary(document, byId);
    var info =
        new SbomInfo(
            SbomFormat.SPDX,
            Json.text(creation, "specVersion").isEmpty()
                ? "3.0.1"
                : Json.text(creation, "specVersion"),
            "json-ld",
            document == null ? "" : Json.text(document, "spdxId"),
            document == null ? "" : Json.text(document, "name"),
            Json.text(creation, "created"),
            authors,
            tools,
            primary,
            vulnerabilities);
    return new Sbom(info, components, dependencies, docProps);
  }

  private static JsonNode creationInfo(JsonNode element, Map<String, JsonNode> byId) {
    JsonNode ci = element.path("creationInfo");
    if (ci.isObject()) {
      return ci;
    }
    JsonNode found = byId.get(ci.asText());
    return found == null ? Json.object() : found;
  }

  /** The product: the first package among the document's (or its SBOM's) root elements. */
  private static String primary(JsonNode document, Map<String, JsonNode> byId) {
    for (JsonNode root : document.path("rootElement")) {
      JsonNode e = byId.get(root.asText());
      if (e == null) {
        continue;
      }
      if ("software_Package".equals(Json.text(e, "type"))
          || "software_File".equals(Json.text(e, "type"))) {
        return root.asText();
      }
      if ("software_Sbom".equals(Json.text(e, "type"))) {
        String inner = primary(e, byId);
        if (!inner.isEmpty()) {
          return inner;
        }
      }
    }
    return "";
  }

  private static java.util.Optional<License> license(
      String id, Map<String, JsonNode> byId, String ack) {
    if (id.startsWith(LISTED_LICENSE)) {
      return java.util.Optional.of(License.expression(id.substring(LISTED_LICENSE.length()), ack));
    }
    JsonNode e = byId.get(id);
    if (e == null) {
      return java.util.Optional.of(new License("", id, "", ack));
    }
    String expression = Json.text(e, "simplelicensing_licenseExpression");
    if (!expression.isEmpty()) {
      return java.util.Optional.of(License.expression(expression, ack));
    }
    String name = Json.text(e, "name");
    return java.util.Optional.of(new License("", name.isEmpty() ? id : name, "", ack));
  }

  static Party agent(String id, Map<String, JsonNode> byId) {
    JsonNode a = byId.get(id);
    if (a == null) {
      return Party.named(id);
    }
    String email = "";
    String url = "";
    for (JsonNode x : a.path("externalIdentifier")) {
      String t = Json.text(x, "externalIdentifierType");
      if (t.equals("email") && email.isEmpty()) {
        email = Json.text(x, "identifier");
      } else if (t.equals("urlScheme") && url.isEmpty()) {
        url = Json.text(x, "identifier");
      }
    }
    return new Party(Json.text(a, "name"), email, url);
  }

  private static Component component(
      JsonNode p,
      Map<String, JsonNode> byId,
      List<License> licenses,
      String artifact,
      List<Property> annotations) {
    var props = new ArrayList<Property>();
    Kept.unmapped(p, PACKAGE_FIELDS, Kept.SPDX, props);
    props.addAll(annotations);
    String group = Spdx2Normaliser.takeGroup(props);
    String typeOverride = Spdx2Normaliser.take(props, "craft:type");
    String purl = Purls.canonical(Json.text(p, "software_packageUrl")).orElse("");
    if (purl.isEmpty() && p.has("software_packageUrl")) {
      props.add(Kept.field(Kept.SPDX, "software_packageUrl", p.get("software_packageUrl")));
    }
    var cpes = new ArrayList<String>();
    ArrayNode otherIds = Json.NODES.arrayNode();
    for (JsonNode x : p.path("externalIdentifier")) {
      String t = Json.text(x, "externalIdentifierType");
      if ((t.equals("cpe22") || t.equals("cpe23")) && x.size() == 3) {
        cpes.add(Json.text(x, "identifier"));
      } else {
        otherIds.add(x);
      }
    }
    if (!otherIds.isEmpty()) {
      props.add(Kept.field(Kept.SPDX, "externalIdentifier", otherIds));
    }
    var hashes = new ArrayList<Hash>();
    ArrayNode otherIntegrity = Json.NODES.arrayNode();
    for (JsonNode h : p.path("verifiedUsing")) {
      if ("Hash".equals(Json.text(h, "type"))
          && HASHES.containsKey(Json.text(h, "algorithm"))
          && h.size() == 3) {
        hashes.add(new Hash(hashToCdx(Json.text(h, "algorithm")), Json.text(h, "hashValue")));
      } else {
        otherIntegrity.add(h);
      }
    }
    if (!otherIntegrity.isEmpty()) {
      props.add(Kept.field(Kept.SPDX, "verifiedUsing", otherIntegrity));
    }
    Party supplier = p.has("suppliedBy") ? agent(Json.text(p, "suppliedBy"), byId) : Party.NONE;
    var authors = new ArrayList<Party>();
    for (JsonNode o : p.path("originatedBy")) {
      authors.add(agent(o.asText(), byId));
    }
    var extRefs = new ArrayList<ExternalReference>();
    if (p.has("software_downloadLocation")) {
      extRefs.add(
          new ExternalReference(
              "distribution", Json.text(p, "software_downloadLocation"), List.of()));
    }
    if (p.has("software_homePage")) {
      extRefs.add(new ExternalReference("website", Json.text(p, "software_homePage"), List.of()));
    }
    String filename = "";
    if (artifact != null) {
      JsonNode file = byId.get(artifact);
      filename = file == null ? "" : Json.text(file, "name");
      boolean plain =
          file != null
              && file.size() <= ARTIFACT_FIELDS.size()
              && ARTIFACT_FIELDS.containsAll(fieldNames(file));
      if (!plain) {
        props.add(
            new Property(
                Kept.SPDX + "distributionArtifact",
                file == null ? Json.compact(Json.NODES.textNode(artifact)) : Json.compact(file)));
      }
    }
    String type =
        !typeOverride.isEmpty()
            ? typeOverride
            : "software_File".equals(Json.text(p, "type"))
                ? "file"
                : purposeToType(Json.text(p, "software_primaryPurpose"));
    if ("software_File".equals(Json.text(p, "type")) && p.has("software_primaryPurpose")) {
      props.add(Kept.field(Kept.SPDX, "software_primaryPurpose", p.get("software_primaryPurpose")));
    }
    return new Component(
        Json.text(p, "spdxId"),
        type,
        group,
        Json.text(p, "name"),
        Json.text(p, "software_packageVersion"),
        purl,
        cpes,
        hashes,
        licenses,
        supplier,
        Party.NONE,
        authors,
        "",
        filename,
        extRefs,
        props);
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }
}
