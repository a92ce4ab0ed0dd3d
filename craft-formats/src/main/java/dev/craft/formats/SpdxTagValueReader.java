package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of SPDX 2.2/2.3 tag-value (the SPDX libraries' tag-value support lives in
 * tools-java, which CRAFT does not use). It builds the same tree as SPDX JSON, remembering the line
 * of every field, so the JSON schema and the reference checks run unchanged and their problems are
 * reported by line. An unknown tag or a line that is not {@code Tag: value} is a problem too.
 */
final class SpdxTagValueReader {
  private SpdxTagValueReader() {}

  static boolean looksLikeTagValue(String text) {
    for (String line : (Iterable<String>) text.lines()::iterator) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      return t.startsWith("SPDXVersion:");
    }
    return false;
  }

  static SbomReadResult read(String text, ReadLimits limits) {
    var parser = new SpdxTagValueParser();
    var problems = new ArrayList<ValidationProblem>();
    ObjectNode doc = parser.parse(text, problems);
    String version = Spdx2Reader.checkedVersion(Json.text(doc, "spdxVersion"));
    var fromTree = new ArrayList<ValidationProblem>(JsonSchemas.validateSpdx2(doc, version));
    fromTree.addAll(SpdxReferences.check(doc));
    for (ValidationProblem p : fromTree) {
      problems.add(
          new ValidationProblem(
              parser.lineOf(p.path()), p.message() + " (" + tagHint(p.path()) + ")"));
    }
    var sbom = Spdx2Normaliser.normalise(doc, version, "tag-value", limits, problems);
    return new SbomReadResult(sbom, problems);
  }

  private static String tagHint(String pointer) {
    return "at " + pointer;
  }

  /** Line-by-line state machine; one instance per document. */
  static final class SpdxTagValueParser {
    private final ObjectNode doc = Json.object();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, ObjectNode> byId = new HashMap<>();
    private final List<ObjectNode> pendingAnnotations = new ArrayList<>();
    private final List<Integer> pendingAnnotationLines = new ArrayList<>();
    private ObjectNode element = doc;
    private String elementPointer = "";
    private String kind = "document";
    private ObjectNode lastRelationship;
    private ObjectNode lastExternalRef;
    private ObjectNode annotation;

    ObjectNode parse(String text, List<ValidationProblem> problems) {
      String[] all = text.split("\r?\n", -1);
      for (int i = 0; i < all.length; i++) {
        int lineNo = i + 1;
        String line = all[i];
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          problems.add(new ValidationProblem("line " + lineNo, "not a 'Tag: value' line"));
          continue;
        }
        String tag = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (value.startsWith("<text>")) {
          var sb = new StringBuilder(value.substring(6));
          int start = lineNo;
          while (!sb.toString().contains("</text>") && i + 1 < all.length) {
            i++;
            sb.append('\n').append(all[i]);
          }
          int end = sb.indexOf("</text>");
          if (end < 0) {
            throw new InvalidInputException(
                "SPDX tag-value: <text> opened at line " + start + " is never closed");
          }
          value = sb.substring(0, end);
        }
        if (!tag.matches("[A-Za-z]+")) {
          problems.add(new ValidationProblem("line " + lineNo, "not a 'Tag: value' line"));
          continue;
        }
        if (!apply(tag, value, lineNo)) {
          problems.add(
              new ValidationProblem("line " + lineNo, "unknown or misplaced tag '" + tag + "'"));
        }
      }
      attachAnnotations(problems);
      fillSnippetReferences();
      return doc;
    }

    /** The line of the nearest field or element a pointer names, or the pointer itself. */
    String lineOf(String pointer) {
      String p = pointer;
      while (!p.isEmpty()) {
        Integer line = lines.get(p);
        if (line != null) {
          return "line " + line;
        }
        int slash = p.lastIndexOf('/');
        p = slash <= 0 ? "" : p.substring(0, slash);
      }
      return "line 1";
    }

    private void set(String field, JsonNode value, int line) {
      element.set(field, value);
      lines.put(elementPointer + "/" + field, line);
    }

    private void text(String field, String value, int line) {
      set(field, Json.NODES.textNode(value), line);
    }

    private void add(String field, JsonNode value, int line) {
      ArrayNode array =
          element.has(field) ? (ArrayNode) element.get(field) : element.putArray(field);
      lines.put(elementPointer + "/" + field + "/" + array.size(), line);
      lines.putIfAbsent(elementPointer + "/" + field, line);
      array.add(value);
    }

    private ObjectNode start(String list, String newKind, int line) {
      ArrayNode array = doc.has(list) ? (ArrayNode) doc.get(list) : doc.putArray(list);
      ObjectNode node = array.addObject();
      elementPointer = "/" + list + "/" + (array.size() - 1);
      lines.put(elementPointer, line);
      element = node;
      kind = newKind;
      lastExternalRef = null;
      return node;
    }

    private ObjectNode creationInfo() {
      return doc.has("creationInfo")
          ? (ObjectNode) doc.get("creationInfo")
          : doc.putObject("creationInfo");
    }

    private boolean apply(String tag, String value, int line) {
      switch (tag) {
        case "SPDXVersion" -> docText("spdxVersion", value, line);
        case "DataLicense" -> docText("dataLicense", value, line);
        case "DocumentName" -> docText("name", value, line);
        case "DocumentNamespace" -> docText("documentNamespace", value, line);
        case "DocumentComment" -> docText("comment", value, line);
        case "ExternalDocumentRef" -> externalDocumentRef(value, line);
        case "LicenseListVersion" ->
            creation("licenseListVersion", Json.NODES.textNode(value), line);
        case "Created" -> creation("created", Json.NODES.textNode(value), line);
        case "CreatorComment" -> creation("comment", Json.NODES.textNode(value), line);
        case "Creator" -> {
          ObjectNode ci = creationInfo();
          ArrayNode creators =
              ci.has("creators") ? (ArrayNode) ci.get("creators") : ci.putArray("creators");
          lines.put("/creationInfo/creators/" + creators.size(), line);
          lines.putIfAbsent("/creationInfo", line);
          creators.add(value);
        }
        case "SPDXID" -> {
          text("SPDXID", value, line);
          if (element != doc) {
            byId.put(value, element);
          }
        }
        case "PackageName" -> {
          start("packages", "package", line);
          text("name", value, line);
        }
        case "FileName" -> {
          start("files", "file", line);
          text("fileName", value, line);
        }
        case "SnippetSPDXID" -> {
          start("snippets", "snippet", line);
          text("SPDXID", value, line);
          byId.put(value, element);
        }
        case "LicenseID" -> {
          start("hasExtractedLicensingInfos", "license", line);
          text("licenseId", value, line);
        }
        case "Relationship" -> relationship(value, line);
        case "RelationshipComment" -> {
          if (lastRelationship == null) {
            return false;
          }
          lastRelationship.put("comment", value);
        }
        case "Annotator" -> {
          annotation = Json.object().put("annotator", value);
          pendingAnnotations.add(annotation);
          pendingAnnotationLines.add(line);
        }
        case "AnnotationDate", "AnnotationType", "AnnotationComment", "SPDXREF" -> {
          if (annotation == null) {
            return false;
          }
          switch (tag) {
            case "AnnotationDate" -> annotation.put("annotationDate", value);
            case "AnnotationType" -> annotation.put("annotationType", value);
            case "AnnotationComment" -> annotation.put("comment", value);
            default -> annotation.put("spdxRef", value);
          }
        }
        default -> {
          return elementTag(tag, value, line);
        }
      }
      return true;
    }

    private void docText(String field, String value, int line) {
      doc.put(field, value);
      lines.put("/" + field, line);
    }

    private void creation(String field, JsonNode value, int line) {
      creationInfo().set(field, value);
      lines.put("/creationInfo/" + field, line);
      lines.putIfAbsent("/creationInfo", line);
    }

    private boolean elementTag(String tag, String value, int line) {
      return switch (kind) {
        case "package" -> SpdxTagValueFields.packageTag(this, tag, value, line);
        case "file" -> SpdxTagValueFields.fileTag(this, tag, value, line);
        case "snippet" -> SpdxTagValueFields.snippetTag(this, tag, value, line);
        case "license" -> SpdxTagValueFields.licenseTag(this, tag, value, line);
        default -> false;
      };
    }

    // Accessors for SpdxTagValueFields, which holds the per-element tag tables.
    void putText(String field, String value, int line) {
      text(field, value, line);
    }

    void putValue(String field, JsonNode value, int line) {
      set(field, value, line);
    }

    void append(String field, JsonNode value, int line) {
      add(field, value, line);
    }

    ObjectNode current() {
      return element;
    }

    ObjectNode lastExternalRef() {
      return lastExternalRef;
    }

    void lastExternalRef(ObjectNode ref) {
      lastExternalRef = ref;
    }

    private void externalDocumentRef(String value, int line) {
      String[] parts = value.split("\\s+", 3);
      ObjectNode ref = Json.object();
      if (parts.length == 3) {
        ref.put("externalDocumentId", parts[0]).put("spdxDocument", parts[1]);
        String[] checksum = parts[2].split(":\\s*", 2);
        ObjectNode c = ref.putObject("checksum").put("algorithm", checksum[0]);
        c.put("checksumValue", checksum.length > 1 ? checksum[1] : "");
      } else {
        ref.put("externalDocumentId", value);
      }
      ArrayNode refs =
          doc.has("externalDocumentRefs")
              ? (ArrayNode) doc.get("externalDocumentRefs")
              : doc.putArray("externalDocumentRefs");
      lines.put("/externalDocumentRefs/" + refs.size(), line);
      refs.add(ref);
    }

    private void relationship(String value, int line) {
      String[] parts = value.split("\\s+");
      ObjectNode r = Json.object();
      r.put("spdxElementId", parts[0]);
      r.put("relationshipType", parts.length > 1 ? parts[1] : "");
      r.put("relatedSpdxElement", parts.length > 2 ? parts[2] : "");
      ArrayNode rels =
          doc.has("relationships")
              ? (ArrayNode) doc.get("relationships")
              : doc.putArray("relationships");
      lines.put("/relationships/" + rels.size(), line);
      rels.add(r);
      lastRelationship = r;
    }

    /** Snippet ranges point into the snippet's file, which tag-value names once per snippet. */
    private void fillSnippetReferences() {
      for (JsonNode snippet : doc.path("snippets")) {
        String file = Json.text(snippet, "snippetFromFile");
        for (JsonNode range : snippet.path("ranges")) {
          ((ObjectNode) range.get("startPointer")).put("reference", file);
          ((ObjectNode) range.get("endPointer")).put("reference", file);
        }
      }
    }

    private void attachAnnotations(List<ValidationProblem> problems) {
      String docId = Json.text(doc, "SPDXID");
      for (int i = 0; i < pendingAnnotations.size(); i++) {
        ObjectNode a = pendingAnnotations.get(i);
        String target = Json.text(a, "spdxRef");
        a.remove("spdxRef");
        ObjectNode owner = target.isEmpty() || target.equals(docId) ? doc : byId.get(target);
        if (owner == null) {
          problems.add(
              new ValidationProblem(
                  "line " + pendingAnnotationLines.get(i),
                  "annotation for unknown element '" + target + "'"));
          continue;
        }
        ArrayNode list =
            owner.has("annotations")
                ? (ArrayNode) owner.get("annotations")
                : owner.putArray("annotations");
        list.add(a);
      }
    }
  }
}
