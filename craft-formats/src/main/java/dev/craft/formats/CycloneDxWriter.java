package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;

/** CycloneDX 1.6/1.7 JSON from the inventory; XML through cyclonedx-core-java. */
final class CycloneDxWriter {
  private static final Pattern SERIAL =
      Pattern.compile(
          "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  private static final Set<String> TYPES =
      Set.of(
          "application",
          "framework",
          "library",
          "container",
          "platform",
          "operating-system",
          "device",
          "device-driver",
          "firmware",
          "file",
          "machine-learning-model",
          "data",
          "cryptographic-asset");

  private CycloneDxWriter() {}

  static ObjectNode tree(Sbom sbom, String version) {
    boolean same = sbom.info().format() == SbomFormat.CYCLONEDX;
    ObjectNode bom = Json.object();
    bom.put("bomFormat", "CycloneDX").put("specVersion", version);
    if (SERIAL.matcher(sbom.info().serialNumber()).matches()) {
      bom.put("serialNumber", sbom.info().serialNumber());
    }
    bom.put("version", 1);
    ObjectNode meta = bom.putObject("metadata");
    if (!sbom.info().timestamp().isEmpty()) {
      meta.put("timestamp", sbom.info().timestamp());
    }
    if (!sbom.info().tools().isEmpty()) {
      ArrayNode tools = meta.putObject("tools").putArray("components");
      sbom.info().tools().forEach(t -> tools.addObject().put("type", "application").put("name", t));
    }
    if (!sbom.info().authors().isEmpty()) {
      meta.set("authors", CycloneDxTrees.contacts(sbom.info().authors()));
    }
    ArrayNode metaProps = Json.NODES.arrayNode();
    var docRaw = new ArrayList<Property>();
    for (Property p : sbom.properties()) {
      if (same && p.name().startsWith(Kept.CDX)) {
        docRaw.add(p);
      } else {
        metaProps.addObject().put("name", p.name()).put("value", p.value());
      }
    }
    Map<String, List<Component>> children = new HashMap<>();
    for (Component c : sbom.components()) {
      c.findProperty(CycloneDxNormaliser.PARENT)
          .filter(parent -> same)
          .ifPresent(parent -> children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c));
    }
    ArrayNode components = bom.putArray("components");
    for (Component c : sbom.components()) {
      boolean nested = same && c.findProperty(CycloneDxNormaliser.PARENT).isPresent();
      if (c.ref().equals(sbom.info().primaryRef())) {
        meta.set("component", component(c, children, same, version));
      } else if (!nested) {
        components.add(component(c, children, same, version));
      }
    }
    ArrayNode deps = bom.putArray("dependencies");
    for (Dependency d : sbom.dependencies()) {
      ObjectNode o = deps.addObject().put("ref", d.ref());
      ArrayNode on = o.putArray("dependsOn");
      d.dependsOn().forEach(on::add);
    }
    boolean rawCompositions =
        docRaw.stream().anyMatch(p -> p.name().equals(Kept.CDX + "compositions"));
    if (!rawCompositions) {
      Map<String, List<String>> byCompleteness = new LinkedHashMap<>();
      for (Dependency d : sbom.dependencies()) {
        if (!d.completeness().isEmpty()) {
          byCompleteness.computeIfAbsent(d.completeness(), k -> new ArrayList<>()).add(d.ref());
        }
      }
      if (!byCompleteness.isEmpty()) {
        ArrayNode compositions = bom.putArray("compositions");
        byCompleteness.forEach(
            (aggregate, refs) -> {
              ArrayNode list =
                  compositions.addObject().put("aggregate", aggregate).putArray("dependencies");
              refs.forEach(list::add);
            });
      }
    }
    for (Property p : docRaw) {
      String field = p.name().substring(Kept.CDX.length());
      if (field.startsWith("metadata.")) {
        meta.set(field.substring(9), Json.parseKept(p.value()));
      } else {
        bom.set(field, Json.parseKept(p.value()));
      }
    }
    if (!metaProps.isEmpty()) {
      meta.set("properties", metaProps);
    }
    if (meta.isEmpty()) {
      bom.remove("metadata");
    }
    return bom;
  }

  private static ObjectNode component(
      Component c, Map<String, List<Component>> children, boolean same, String version) {
    ObjectNode o = Json.object();
    String keptLicenses = "";
    o.put("type", TYPES.contains(c.type()) ? c.type() : "library");
    o.put("bom-ref", c.ref());
    if (!c.group().isEmpty()) {
      o.put("group", c.group());
    }
    o.put("name", c.name());
    if (!c.version().isEmpty()) {
      o.put("version", c.version());
    }
    if (!c.supplier().isEmpty()) {
      o.set("supplier", CycloneDxTrees.entity(c.supplier()));
    }
    if (!c.manufacturer().isEmpty()) {
      o.set("manufacturer", CycloneDxTrees.entity(c.manufacturer()));
    }
    if (!c.authors().isEmpty()) {
      o.set("authors", CycloneDxTrees.contacts(c.authors()));
    }
    if (!c.scope().isEmpty()) {
      o.put("scope", c.scope());
    }
    if (!c.hashes().isEmpty()) {
      o.set("hashes", CycloneDxTrees.hashes(c.hashes()));
    }
    if (!c.licenses().isEmpty()) {
      ArrayNode licenses = CycloneDxTrees.licenses(c.licenses(), version);
      o.set("licenses", licenses);
      if (CycloneDxTrees.merged(licenses, c.licenses())) {
        // CycloneDX 1.6 holds one expression: the statements it had to join are kept exactly.
        keptLicenses = CycloneDxTrees.keptLicenses(c.licenses());
      }
    }
    if (!c.purl().isEmpty()) {
      o.put("purl", c.purl());
    }
    if (!c.cpes().isEmpty()) {
      o.put("cpe", c.cpes().get(0));
    }
    if (!c.externalReferences().isEmpty()) {
      o.set("externalReferences", CycloneDxTrees.externalReferences(c.externalReferences()));
    }
    ArrayNode props = Json.NODES.arrayNode();
    if (!keptLicenses.isEmpty()) {
      props.addObject().put("name", CycloneDxTrees.KEPT_LICENSES).put("value", keptLicenses);
    }
    if (!c.filename().isEmpty()) {
      props.addObject().put("name", "bsi:component:filename").put("value", c.filename());
    }
    if (!same && !TYPES.contains(c.type()) && !c.type().isEmpty()) {
      props.addObject().put("name", "craft:type").put("value", c.type());
    }
    for (Property p : c.properties()) {
      if (p.name().equals(CycloneDxNormaliser.PARENT) && same) {
        continue;
      }
      if (same && p.name().startsWith(Kept.CDX)) {
        o.set(p.name().substring(Kept.CDX.length()), Json.parseKept(p.value()));
      } else {
        props.addObject().put("name", p.name()).put("value", p.value());
      }
    }
    if (!props.isEmpty()) {
      o.set("properties", props);
    }
    List<Component> kids = children.getOrDefault(c.ref(), List.of());
    if (!kids.isEmpty()) {
      ArrayNode nested = o.putArray("components");
      kids.forEach(k -> nested.add(component(k, children, same, version)));
    }
    return o;
  }

  /**
   * XML through cyclonedx-core-java, which models CycloneDX up to 1.6: a 1.7 BOM is generated from
   * the 1.6 model under the 1.7 namespace (1.7 only adds to 1.6).
   */
  static String xml(JsonNode tree, String version) {
    if (tree.path("vulnerabilities").size() > 0) {
      // cyclonedx-core-java 12.2.0 fails on vulnerabilities in XML ("Can not write a field name").
      throw new InvalidInputException(
          "CycloneDX XML output of a BOM with vulnerabilities is not supported; write JSON instead");
    }
    Bom bom;
    String xml;
    try {
      ObjectNode copy = ((ObjectNode) tree).deepCopy();
      copy.put("specVersion", "1.6");
      bom = new JsonParser().parse(Json.compact(copy).getBytes(StandardCharsets.UTF_8));
      xml = BomGeneratorFactory.createXml(Version.VERSION_16, bom).toXmlString();
    } catch (org.cyclonedx.exception.ParseException
        | org.cyclonedx.exception.GeneratorException e) {
      throw new InvalidInputException("cannot map the BOM to XML: " + e.getMessage(), e);
    }
    return "1.7".equals(version)
        ? xml.replace("http://cyclonedx.org/schema/bom/1.6", "http://cyclonedx.org/schema/bom/1.7")
        : xml;
  }
}
