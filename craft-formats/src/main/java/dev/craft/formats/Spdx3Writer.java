package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.ExternalReference;
import dev.craft.core.Hash;
import dev.craft.core.License;
import dev.craft.core.Party;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SPDX 3.0.1 JSON-LD from the inventory: an SpdxDocument with one software_Sbom whose root is the
 * product; packages (files stay files), agents, licence expressions, dependsOn relationships with
 * completeness, distribution artifacts for filenames, and Annotations for properties.
 */
final class Spdx3Writer {
  static final String ANNOTATION = Spdx2Normaliser.PROPERTY_ANNOTATION;
  private static final Pattern IRI =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`]+");
  private static final String CI = "_:creationinfo";
  static final String NONE_ELEMENT = "https://spdx.org/rdf/3.0.1/terms/Core/NoneElement";

  private final Sbom sbom;
  private final boolean same;
  private final String base;
  private final ArrayNode graph = Json.NODES.arrayNode();
  private final ArrayNode all = Json.NODES.arrayNode();
  private final Map<Party, String> agents = new LinkedHashMap<>();
  private final Map<String, String> ids = new HashMap<>();
  private int counter;

  private Spdx3Writer(Sbom sbom) {
    this.sbom = sbom;
    this.same =
        sbom.info().format() == SbomFormat.SPDX && sbom.info().specVersion().startsWith("3.");
    String seed =
        sbom.info().serialNumber() + "|" + sbom.info().name() + "|" + sbom.info().timestamp();
    this.base =
        "https://spdx.org/spdxdocs/craft-"
            + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode tree(Sbom sbom) {
    return new Spdx3Writer(sbom).build();
  }

  private String id(String kind) {
    return base + "/" + kind + "-" + (++counter);
  }

  private ObjectNode element(String type, String id) {
    ObjectNode e = graph.addObject().put("type", type).put("spdxId", id).put("creationInfo", CI);
    return e;
  }

  private String agent(Party p) {
    return agents.computeIfAbsent(
        p,
        party -> {
          String id = id("agent");
          ObjectNode a =
              element("Organization", id)
                  .put("name", party.name().isEmpty() ? "NOASSERTION" : party.name());
          ArrayNode ext = Json.NODES.arrayNode();
          if (!party.email().isEmpty()) {
            ext.addObject()
                .put("type", "ExternalIdentifier")
                .put("externalIdentifierType", "email")
                .put("identifier", party.email());
          }
          if (!party.url().isEmpty()) {
            ext.addObject()
                .put("type", "ExternalIdentifier")
                .put("externalIdentifierType", "urlScheme")
                .put("identifier", party.url());
          }
          if (!ext.isEmpty()) {
            a.set("externalIdentifier", ext);
          }
          return id;
        });
  }

  private ObjectNode build() {
    ObjectNode doc = Json.object().put("@context", Spdx3Reader.CONTEXT);
    ObjectNode ci =
        graph.addObject().put("type", "CreationInfo").put("@id", CI).put("specVersion", "3.0.1");
    ci.put("created", utcSeconds(sbom.info().timestamp()));
    ArrayNode createdBy = ci.putArray("createdBy");
    for (Party a : sbom.info().authors()) {
      createdBy.add(agent(a));
    }
    if (createdBy.isEmpty()) {
      createdBy.add(agent(Party.NONE));
    }
    if (!sbom.info().tools().isEmpty()) {
      ArrayNode using = ci.putArray("createdUsing");
      for (String t : sbom.info().tools()) {
        String id = id("tool");
        element("Tool", id).put("name", t);
        using.add(id);
      }
    }
    for (Component c : sbom.components()) {
      ids.put(c.ref(), IRI.matcher(c.ref()).matches() ? c.ref() : id("element"));
    }
    for (Dependency d : sbom.dependencies()) {
      // A reference to nothing in the document still needs an IRI to be valid SPDX 3.
      ids.computeIfAbsent(d.ref(), r -> IRI.matcher(r).matches() ? r : id("element"));
      d.dependsOn()
          .forEach(t -> ids.computeIfAbsent(t, r -> IRI.matcher(r).matches() ? r : id("element")));
    }
    for (Component c : sbom.components()) {
      component(c);
    }
    for (Dependency d : sbom.dependencies()) {
      String completeness = completeness(d.completeness());
      if (d.dependsOn().isEmpty() && completeness.isEmpty()) {
        continue;
      }
      ObjectNode r =
          element("Relationship", id("relationship"))
              .put("from", ids.getOrDefault(d.ref(), d.ref()));
      r.put("relationshipType", "dependsOn");
      ArrayNode to = r.putArray("to");
      d.dependsOn().forEach(t -> to.add(ids.getOrDefault(t, t)));
      if (to.isEmpty()) {
        to.add(NONE_ELEMENT);
      }
      if (!completeness.isEmpty()) {
        r.put("completeness", completeness);
      }
      all.add(r.get("spdxId").asText());
    }
    String docId =
        sbom.info().serialNumber().startsWith("http")
            ? sbom.info().serialNumber()
            : base + "/document";
    for (Property p : sbom.properties()) {
      if (same && p.name().equals(Kept.SPDX + "@graph")) {
        Json.parseKept(p.value()).forEach(graph::add);
      } else {
        annotate(docId, p);
      }
    }
    String sbomId = base + "/sbom";
    ObjectNode bom = element("software_Sbom", sbomId);
    ArrayNode roots = bom.putArray("rootElement");
    if (ids.containsKey(sbom.info().primaryRef())) {
      roots.add(ids.get(sbom.info().primaryRef()));
    }
    bom.set("element", all.deepCopy());
    bom.putArray("software_sbomType").add("build");
    ObjectNode document = element("SpdxDocument", docId);
    if (!sbom.info().name().isEmpty()) {
      document.put("name", sbom.info().name());
    }
    document.putArray("profileConformance").add("core").add("software").add("simpleLicensing");
    document.putArray("rootElement").add(sbomId);
    ArrayNode elements = document.putArray("element").add(sbomId);
    all.forEach(elements::add);
    doc.set("@graph", graph);
    return doc;
  }

  /** SPDX 3 wants {@code YYYY-MM-DDThh:mm:ssZ} exactly. */
  static String utcSeconds(String timestamp) {
    if (timestamp.isEmpty()) {
      return Spdx2Writer.EPOCH;
    }
    try {
      return java.time.OffsetDateTime.parse(timestamp)
          .toInstant()
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
          .toString();
    } catch (java.time.format.DateTimeParseException e) {
      return Spdx2Writer.EPOCH;
    }
  }

  private static String completeness(String value) {
    if (value.isEmpty() || value.equals("not_specified")) {
      return "";
    }
    if (value.equals("complete")) {
      return "complete";
    }
    return value.startsWith("incomplete") ? "incomplete" : "noAssertion";
  }

  private void component(Component c) {
    String id = ids.get(c.ref());
    boolean file = c.type().equals("file");
    ObjectNode e =
        element(file ? "software_File" : "software_Package", id)
            .put("name", c.name().isEmpty() ? c.ref() : c.name());
    all.add(id);
    if (!file) {
      if (!c.version().isEmpty()) {
        e.put("software_packageVersion", c.version());
      }
      if (!c.purl().isEmpty()) {
        e.put("software_packageUrl", c.purl());
      }
      if (!c.type().isEmpty()) {
        String purpose = Spdx3Normaliser.typeToPurpose(c.type());
        if (Spdx3Normaliser.SPDX3_PURPOSES.contains(purpose)) {
          e.put("software_primaryPurpose", purpose);
        } else {
          e.put("software_primaryPurpose", "other");
          annotate(id, new Property("craft:type", c.type()));
        }
      }
      for (ExternalReference r : c.externalReferences()) {
        if (r.type().equals("distribution") && !e.has("software_downloadLocation")) {
          e.put("software_downloadLocation", r.url());
        } else if (r.type().equals("website") && !e.has("software_homePage")) {
          e.put("software_homePage", r.url());
        }
      }
    }
    if (!c.cpes().isEmpty()) {
      ArrayNode ext = e.putArray("externalIdentifier");
      for (String cpe : c.cpes()) {
        ext.addObject()
            .put("type", "ExternalIdentifier")
            .put("externalIdentifierType", cpe.startsWith("cpe:2.3:") ? "cpe23" : "cpe22")
            .put("identifier", cpe);
      }
    }
    if (!c.hashes().isEmpty()) {
      ArrayNode v = e.putArray("verifiedUsing");
      for (Hash h : c.hashes()) {
        v.addObject()
            .put("type", "Hash")
            .put("algorithm", Spdx3Normaliser.hashFromCdx(h.algorithm()))
            .put("hashValue", h.value());
      }
    }
    if (!c.supplier().isEmpty()) {
      e.put("suppliedBy", agent(c.supplier()));
    }
    if (!c.authors().isEmpty()) {
      ArrayNode by = e.putArray("originatedBy");
      c.authors().forEach(a -> by.add(agent(a)));
    }
    for (License l : c.licenses()) {
      String licId = id("license");
      String expression =
          l.expression().isEmpty()
              ? "LicenseRef-" + CycloneDxTrees.sanitise(l.name())
              : l.expression();
      element("simplelicensing_LicenseExpression", licId)
          .put("simplelicensing_licenseExpression", expression);
      ObjectNode r = element("Relationship", id("relationship")).put("from", id);
      r.put("relationshipType", l.isConcluded() ? "hasConcludedLicense" : "hasDeclaredLicense");
      r.putArray("to").add(licId);
      all.add(licId).add(r.get("spdxId").asText());
    }
    String artifactRaw = "";
    for (Property p : c.properties()) {
      if (same && p.name().equals(Kept.SPDX + "distributionArtifact")) {
        artifactRaw = p.value();
      } else if (same && p.name().startsWith(Kept.SPDX) && !p.name().contains(".")) {
        e.set(p.name().substring(Kept.SPDX.length()), Json.parseKept(p.value()));
      } else {
        annotate(id, p);
      }
    }
    if (!c.group().isEmpty()) {
      annotate(id, new Property("craft:group", c.group()));
    }
    if (!c.filename().isEmpty() || !artifactRaw.isEmpty()) {
      String fileId;
      if (!artifactRaw.isEmpty()) {
        JsonNode raw = Json.parseKept(artifactRaw);
        graph.add(raw);
        fileId = Json.text(raw, "spdxId");
      } else {
        fileId = id("artifact");
        element("software_File", fileId).put("name", c.filename());
      }
      ObjectNode r = element("Relationship", id("relationship")).put("from", id);
      r.put("relationshipType", "hasDistributionArtifact");
      r.putArray("to").add(fileId);
      all.add(fileId).add(r.get("spdxId").asText());
    }
  }

  private void annotate(String subject, Property p) {
    String id = id("annotation");
    element("Annotation", id)
        .put("annotationType", "other")
        .put("subject", subject)
        .put("statement", ANNOTATION + p.name() + "=" + p.value());
    all.add(id);
  }
}
