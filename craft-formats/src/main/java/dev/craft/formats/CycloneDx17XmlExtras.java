package dev.craft.formats;

import dev.craft.core.Component;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * CycloneDX 1.7 XML is mapped through cyclonedx-core-java's 1.6 model, which has no place for what
 * 1.7 added. This keeps every element and attribute whose name the 1.6 schema does not declare as a
 * property {@code craft:cyclonedx:xml:<path>} of the enclosing component (or of the document), so
 * nothing is dropped silently.
 *
 * <p>A name that 1.6 declares elsewhere but 1.7 newly allows at another place is not recognised:
 * the check is by name, not by position.
 */
final class CycloneDx17XmlExtras {
  static final String PREFIX = "craft:cyclonedx:xml:";
  private static final Set<String> ELEMENTS_16 = new HashSet<>();
  private static final Set<String> ATTRIBUTES_16 = new HashSet<>();

  static {
    readDeclaredNames();
  }

  private CycloneDx17XmlExtras() {}

  static Sbom keep(byte[] content, Sbom sbom) {
    Map<String, List<Property>> byRef = new HashMap<>();
    List<Property> document = new ArrayList<>();
    try {
      XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(content));
      Deque<String> path = new ArrayDeque<>();
      Deque<String> components = new ArrayDeque<>();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          path.addLast(name);
          String ref = name.equals("component") ? attribute(r, "bom-ref") : null;
          components.addLast(
              ref == null ? (components.isEmpty() ? "" : components.getLast()) : ref);
          List<Property> sink =
              components.getLast().isEmpty()
                  ? document
                  : byRef.computeIfAbsent(components.getLast(), k -> new ArrayList<>());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String attribute = r.getAttributeLocalName(i);
            String namespace = r.getAttributeNamespace(i);
            boolean plain = namespace == null || namespace.isEmpty();
            if (plain && !ATTRIBUTES_16.contains(attribute)) {
              sink.add(
                  new Property(
                      PREFIX + String.join("/", path) + "/@" + attribute, r.getAttributeValue(i)));
            }
          }
          if (!ELEMENTS_16.contains(name)) {
            sink.add(new Property(PREFIX + String.join("/", path), text(r)));
            path.removeLast();
            components.removeLast();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.removeLast();
          components.removeLast();
        }
      }
      r.close();
    } catch (XMLStreamException e) {
      // The document was already checked as well-formed; a failure here only means nothing extra is
      // kept.
      return sbom;
    }
    if (byRef.isEmpty() && document.isEmpty()) {
      return sbom;
    }
    List<Component> components = new ArrayList<>(sbom.components().size());
    for (Component c : sbom.components()) {
      List<Property> extra = byRef.get(c.ref());
      components.add(extra == null ? c : withProperties(c, extra));
    }
    List<Property> properties = new ArrayList<>(sbom.properties());
    properties.addAll(document);
    return new Sbom(sbom.info(), components, sbom.dependencies(), properties);
  }

  /** The text of the current element and everything inside it; leaves the reader on its end tag. */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    var sb = new StringBuilder();
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (!sb.isEmpty()) {
            sb.append(' ');
          }
          sb.append(r.getLocalName()).append('=');
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
            sb.append(r.getText().strip());
        default -> {}
      }
    }
    return sb.toString().strip();
  }

  private static Component withProperties(Component c, List<Property> extra) {
    List<Property> properties = new ArrayList<>(c.properties());
    properties.addAll(extra);
    return c.withProperties(properties);
  }

  private static String attribute(XMLStreamReader r, String name) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals(name)) {
        return r.getAttributeValue(i);
      }
    }
    return null;
  }

  /** The element and attribute names the 1.6 schemas (bom and SPDX licence list) declare. */
  private static void readDeclaredNames() {
    for (String xsd : new String[] {"/bom-1.6.xsd", "/spdx.xsd"}) {
      try (InputStream in = CycloneDx17XmlExtras.class.getResourceAsStream(xsd)) {
        if (in == null) {
          throw new IllegalStateException(xsd + " is missing from cyclonedx-core-java");
        }
        XMLStreamReader r = factory().createXMLStreamReader(in);
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT) {
            String name = attribute(r, "name");
            if (name != null && r.getLocalName().equals("element")) {
              ELEMENTS_16.add(name);
            } else if (name != null && r.getLocalName().equals("attribute")) {
              ATTRIBUTES_16.add(name);
            }
          }
        }
        r.close();
      } catch (IOException | XMLStreamException e) {
        throw new InvalidInputException(
            "cannot read the CycloneDX 1.6 schema: " + e.getMessage(), e);
      }
    }
    // The root and the namespace-level attributes every document has.
    ELEMENTS_16.add("bom");
    ATTRIBUTES_16.add("schemaLocation");
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }
}
