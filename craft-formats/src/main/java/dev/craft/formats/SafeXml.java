package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML with the dangerous parts off: a document with a DTD (and so with entities) is refused before
 * any other parser sees it, nesting is bounded, and XSDs are loaded from the classpath only.
 */
final class SafeXml {
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SafeXml() {}

  /**
   * The namespace of the root element, after checking the whole document is safe and well-formed.
   */
  static String inspect(byte[] content, ReadLimits limits) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    String root = null;
    int depth = 0;
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      try {
        while (r.hasNext()) {
          int event = r.next();
          switch (event) {
            case XMLStreamConstants.DTD ->
                throw new InvalidInputException(
                    "unsafe XML refused: the document declares a DTD (line "
                        + r.getLocation().getLineNumber()
                        + "); DTDs and entities are not accepted");
            case XMLStreamConstants.ENTITY_REFERENCE ->
                throw new InvalidInputException(
                    "unsafe XML refused: entity reference at line "
                        + r.getLocation().getLineNumber());
            case XMLStreamConstants.START_ELEMENT -> {
              depth++;
              if (depth > limits.maxDepth()) {
                throw new InvalidInputException(
                    "XML nested deeper than "
                        + limits.maxDepth()
                        + " elements at line "
                        + r.getLocation().getLineNumber());
              }
              if (root == null) {
                root = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
              }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            default -> {}
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNumber();
      throw new InvalidInputException(
          "not well-formed XML" + where + ": " + firstLine(e.getMessage()), e);
    }
    if (root == null) {
      throw new InvalidInputException("not XML: no root element");
    }
    return root;
  }

  /** Validates against the XSD {@code bomXsd} (with the SPDX licence XSD beside it). */
  static List<ValidationProblem> validate(byte[] content, String bomXsd, String spdxXsd) {
    Schema schema = SCHEMAS.computeIfAbsent(bomXsd, x -> load(x, spdxXsd));
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("XML validator lacks JAXP 1.5 properties", e);
    }
    var problems = new ArrayList<ValidationProblem>();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            problems.add(problem(e));
          }

          @Override
          public void fatalError(SAXParseException e) {
            problems.add(problem(e));
          }
        });
    try {
      validator.validate(new StreamSource(new ByteArrayInputStream(content)));
    } catch (SAXParseException e) {
      if (problems.isEmpty()) {
        problems.add(problem(e));
      }
    } catch (SAXException | IOException e) {
      problems.add(new ValidationProblem("line 1", firstLine(e.getMessage())));
    }
    return problems;
  }

  private static ValidationProblem problem(SAXParseException e) {
    return new ValidationProblem(
        "line " + e.getLineNumber() + ", column " + e.getColumnNumber(), firstLine(e.getMessage()));
  }

  private static Schema load(String bomXsd, String spdxXsd) {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // The SPDX XSD is given first, so the BOM XSD's import of its namespace needs no fetch.
      return factory.newSchema(new Source[] {source(spdxXsd), source(bomXsd)});
    } catch (SAXException e) {
      throw new IllegalStateException("bundled XSD " + bomXsd + " does not load", e);
    }
  }

  private static Source source(String resource) {
    InputStream in = SafeXml.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return new StreamSource(in, resource);
  }

  static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
