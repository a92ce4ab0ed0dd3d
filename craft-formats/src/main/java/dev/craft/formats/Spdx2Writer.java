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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** SPDX 2.3 JSON from the inventory. Every component is a package (files stay files). */
final class Spdx2Writer {
  private static final Pattern ID = Pattern.compile("SPDXRef-[A-Za-z0-9.\\-]+");
  private static final Set<String> PURPOSES =
      Set.of(
          "OTHER",
          "INSTALL",
          "ARCHIVE",
          "FIRMWARE",
          "APPLICATION",
          "FRAMEWORK",
          "LIBRARY",
          "CONTAINER",
          "SOURCE",
          "DEVICE",
          "OPERATING_SYSTEM",
          "FILE");
  static final String EPOCH = "1970-01-01T00:00:00Z";

  private Spdx2Writer() {}

  static ObjectNode tree(Sbom sbom) {
    boolean same =
        sbom.info().format() == SbomFormat.SPDX && sbom.info().specVersion().startsWith("2.");
    String created = sbom.info().timestamp().isEmpty() ? EPOCH : sbom.info().timestamp();
    ObjectNode doc = Json.object();
    doc.put("spdxVersion", "SPDX-2.3")
        .put("dataLicense", "CC0-1.0")
        .put("SPDXID", "SPDXRef-DOCUMENT");
    doc.put("name", sbom.info().name().isEmpty() ? "sbom" : sbom.info().name());
    doc.put("documentNamespace", namespace(sbom));
    ObjectNode ci = doc.putObject("creationInfo").put("created", created);
    ArrayNode creators = ci.putArray("creators");
    sbom.info().authors().forEach(a -> creators.add(SpdxValues.organization(a)));
    sbom.info().tools().forEach(t -> creators.add("Tool: " + t));
    if (creators.isEmpty()) {
      creators.add("Tool: craft");
    }
    Map<String, String> ids = ids(sbom);
    ArrayNode packages = doc.putArray("packages");
    ArrayNode files = Json.NODES.arrayNode();
    ArrayNode extracted = Json.NODES.arrayNode();
    Set<String> extractedIds = new HashSet<>();
    for (Component c : sbom.components()) {
      boolean isFile = same && c.type().equals("file");
      ObjectNode e = isFile ? files.addObject() : packages.addObject();
      element(e, c, ids, same, created, isFile, extracted, extractedIds);
    }
    if (!files.isEmpty()) {
      doc.set("files", files);
    }
    ArrayNode rels = doc.putArray("relationships");
    if (!sbom.info().primaryRef().isEmpty() && ids.containsKey(sbom.info().primaryRef())) {
      rels.addObject()
          .put("spdxElementId", "SPDXRef-DOCUMENT")
          .put("relationshipType", "DESCRIBES")
          .put("relatedSpdxElement", ids.get(sbom.info().primaryRef()));
    }
    for (Dependency d : sbom.dependencies()) {
      if (!ids.containsKey(d.ref())) {
        continue; // e.g. a CycloneDX service: not an element of the SPDX document
      }
      String from = ids.get(d.ref());
      for (String to : d.dependsOn()) {
        if (!ids.containsKey(to)) {
          continue;
        }
        rels.addObject()
            .put("spdxElementId", from)
            .put("relationshipType", "DEPENDS_ON")
            .put("relatedSpdxElement", ids.getOrDefault(to, to));
      }
      if (d.dependsOn().isEmpty()
          && (d.completeness().equals("complete") || d.completeness().equals("unknown"))) {
        rels.addObject()
            .put("spdxElementId", from)
            .put("relationshipType", "DEPENDS_ON")
            .put(
                "relatedSpdxElement", d.completeness().equals("complete") ? "NONE" : "NOASSERTION");
      }
    }
    ArrayNode docAnnotations = Json.NODES.arrayNode();
    for (Property p : sbom.properties()) {
      String field = p.name().startsWith(Kept.SPDX) ? p.name().substring(Kept.SPDX.length()) : "";
      if (same && field.startsWith("creationInfo.") && !field.equals("creationInfo.creators")) {
        ci.set(field.substring(13), Json.parseKept(p.value()));
      } else if (same && field.equals("creationInfo.creators")) {
        ci.set("creators", Json.parseKept(p.value()));
      } else if (same && field.equals("relationships")) {
        Json.parseKept(p.value()).forEach(rels::add);
      } else if (same && field.equals("annotations")) {
        Json.parseKept(p.value()).forEach(docAnnotations::add);
      } else if (same && field.equals("hasExtractedLicensingInfos")) {
        Json.parseKept(p.value()).forEach(extracted::add);
      } else if (same && !field.isEmpty() && !field.contains(".") && !field.equals("creator")) {
        doc.set(field, Json.parseKept(p.value()));
      } else if (!(same && field.equals("creator"))) {
        docAnnotations.add(annotation(p, created));
      }
    }
    if (!extracted.isEmpty()) {
      doc.set("hasExtractedLicensingInfos", extracted);
    }
    if (!docAnnotations.isEmpty()) {
      doc.set("annotations", docAnnotations);
    }
    return doc;
  }

  private static String namespace(Sbom sbom) {
    String serial = sbom.info().serialNumber();
    try {
      URI uri = new URI(serial);
      if (uri.isAbsolute() && !serial.contains("#")) {
        return serial;
      }
    } catch (java.net.URISyntaxException e) {
      // not a URI: a namespace is made up below
    }
    String seed =
        sbom.info().name() + "|" + sbom.info().timestamp() + "|" + sbom.components().size();
    return "https://spdx.org/spdxdocs/craft-"
        + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** SPDX identifiers for every component; refs that are not SPDXRef-… are made into one. */
  private static Map<String, String> ids(Sbom sbom) {
    var ids = new HashMap<String, String>();
    var used = new HashSet<String>();
    for (Component c : sbom.components()) {
      String id =
          ID.matcher(c.ref()).matches()
              ? c.ref()
              : "SPDXRef-" + c.ref().replaceAll("[^A-Za-z0-9.\\-]+", "-");
      String unique = id;
      for (int n = 2; !used.add(unique); n++) {
        unique = id + "-" + n;
      }
      ids.put(c.ref(), unique);
    }
    return ids;
  }

  private static void element(
      ObjectNode e,
      Component c,
      Map<String, String> ids,
      boolean same,
      String created,
      boolean isFile,
      ArrayNode extracted,
      Set<String> extractedIds) {
    e.put("SPDXID", ids.get(c.ref()));
    boolean typeAnnotation = false;
    e.put(isFile ? "fileName" : "name", c.name());
    if (!isFile) {
      if (!c.version().isEmpty()) {
        e.put("versionInfo", c.version());
      }
      if (!c.filename().isEmpty()) {
        e.put("packageFileName", c.filename());
      }
      e.put(
          "supplier",
          c.supplier().isEmpty() ? "NOASSERTION" : SpdxValues.organization(c.supplier()));
      if (!c.authors().isEmpty()) {
        e.put("originator", SpdxValues.organization(c.authors().get(0)));
      }
      e.put("downloadLocation", reference(c, "distribution", "NOASSERTION"));
      String homepage = reference(c, "website", "");
      if (!homepage.isEmpty()) {
        e.put("homepage", homepage);
      }
      boolean verified = same && c.findProperty(Kept.SPDX + "packageVerificationCode").isPresent();
      if (!verified) {
        // Without a verification code, files cannot have been analysed (SPDX 2.3 clause 7.8).
        e.put("filesAnalyzed", false);
      }
      String purpose = c.type().toUpperCase(Locale.ROOT).replace('-', '_');
      if (PURPOSES.contains(purpose)) {
        e.put("primaryPackagePurpose", purpose);
      } else if (!c.type().isEmpty()) {
        typeAnnotation = true;
      }
    }
    if (!c.hashes().isEmpty()) {
      ArrayNode checksums = e.putArray("checksums");
      for (Hash h : c.hashes()) {
        checksums
            .addObject()
            .put("algorithm", SpdxValues.hashFromCdx(h.algorithm()))
            .put("checksumValue", h.value());
      }
    }
    for (License l : c.licenses()) {
      String field = l.isConcluded() ? "licenseConcluded" : "licenseDeclared";
      if (e.has(field)) {
        continue;
      }
      String expression = l.expression();
      if (expression.isEmpty()) {
        expression = "LicenseRef-" + CycloneDxTrees.sanitise(l.name());
        if (extractedIds.add(expression)) {
          extracted
              .addObject()
              .put("licenseId", expression)
              .put("name", l.name())
              .put("extractedText", l.name());
        }
      }
      e.put(field, expression);
    }
    if (!isFile) {
      e.put("licenseConcluded", e.path("licenseConcluded").asText("NOASSERTION"));
      e.put("licenseDeclared", e.path("licenseDeclared").asText("NOASSERTION"));
    }
    if (!isFile) {
      ArrayNode refs = Json.NODES.arrayNode();
      if (!c.purl().isEmpty()) {
        refs.addObject()
            .put("referenceCategory", "PACKAGE-MANAGER")
            .put("referenceType", "purl")
            .put("referenceLocator", c.purl());
      }
      for (String cpe : c.cpes()) {
        refs.addObject()
            .put("referenceCategory", "SECURITY")
            .put("referenceType", cpe.startsWith("cpe:2.3:") ? "cpe23Type" : "cpe22Type")
            .put("referenceLocator", cpe);
      }
      if (!refs.isEmpty()) {
        e.set("externalRefs", refs);
      }
    }
    ArrayNode annotations = Json.NODES.arrayNode();
    if (typeAnnotation) {
      annotations.add(annotation(new Property("craft:type", c.type()), created));
    }
    if (!c.group().isEmpty()) {
      annotations.add(annotation(new Property("craft:group", c.group()), created));
    }
    for (Property p : c.properties()) {
      String field = p.name().startsWith(Kept.SPDX) ? p.name().substring(Kept.SPDX.length()) : "";
      if (same && field.equals("annotations")) {
        Json.parseKept(p.value()).forEach(annotations::add);
      } else if (same && field.equals("externalRefs")) {
        ArrayNode refs =
            e.has("externalRefs") ? (ArrayNode) e.get("externalRefs") : e.putArray("externalRefs");
        Json.parseKept(p.value()).forEach(refs::add);
      } else if (same && !field.isEmpty()) {
        e.set(field, Json.parseKept(p.value()));
      } else {
        annotations.add(annotation(p, created));
      }
    }
    if (!annotations.isEmpty()) {
      e.set("annotations", annotations);
    }
  }

  private static String reference(Component c, String type, String fallback) {
    for (ExternalReference r : c.externalReferences()) {
      if (r.type().equals(type) && !r.url().isEmpty()) {
        return r.url();
      }
    }
    return fallback;
  }

  private static JsonNode annotation(Property p, String created) {
    return Json.object()
        .put("annotationDate", created)
        .put("annotationType", "OTHER")
        .put("annotator", "Tool: craft")
        .put("comment", Spdx2Normaliser.PROPERTY_ANNOTATION + p.name() + "=" + p.value());
  }

  static String agent(Party p) {
    return SpdxValues.organization(p);
  }
}
