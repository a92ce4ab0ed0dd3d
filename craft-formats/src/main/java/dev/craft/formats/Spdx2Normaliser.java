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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an SPDX 2.2/2.3 JSON tree (also what the tag-value reader builds) into the inventory.
 * Packages and files become components; DEPENDS_ON/DEPENDENCY_OF become the dependency graph
 * ({@code DEPENDS_ON NONE} states "complete", {@code NOASSERTION} "unknown"); DESCRIBES names the
 * product. Other relationships and every unmapped field are kept as properties.
 */
final class Spdx2Normaliser {
  /** Annotation comments of this form carry properties written by CRAFT's SPDX 2 writer. */
  static final String PROPERTY_ANNOTATION = "craft:property ";

  private static final Set<String> DOC_FIELDS =
      Set.of(
          "spdxVersion",
          "SPDXID",
          "name",
          "documentNamespace",
          "creationInfo",
          "dataLicense",
          "documentDescribes",
          "packages",
          "files",
          "relationships",
          "annotations",
          "$schema");
  private static final Set<String> PACKAGE_FIELDS =
      Set.of(
          "SPDXID",
          "name",
          "versionInfo",
          "packageFileName",
          "supplier",
          "originator",
          "downloadLocation",
          "checksums",
          "homepage",
          "licenseConcluded",
          "licenseDeclared",
          "externalRefs",
          "primaryPackagePurpose",
          "annotations",
          "filesAnalyzed");
  private static final Set<String> FILE_FIELDS =
      Set.of("SPDXID", "fileName", "checksums", "licenseConcluded", "annotations");

  private final List<Component> components = new ArrayList<>();
  private final Set<String> refs = new HashSet<>();
  private final List<ValidationProblem> problems;
  private final int maxComponents;

  private Spdx2Normaliser(List<ValidationProblem> problems, int maxComponents) {
    this.problems = problems;
    this.maxComponents = maxComponents;
  }

  static Sbom normalise(
      JsonNode doc,
      String version,
      String encoding,
      ReadLimits limits,
      List<ValidationProblem> problems) {
    return new Spdx2Normaliser(problems, limits.maxComponents()).run(doc, version, encoding);
  }

  private Sbom run(JsonNode doc, String version, String encoding) {
    var docProps = new ArrayList<Property>();
    Kept.unmapped(doc, DOC_FIELDS, Kept.SPDX, docProps);
    annotations(doc.path("annotations"), docProps);
    JsonNode creation = doc.path("creationInfo");
    var authors = new ArrayList<Party>();
    var tools = new ArrayList<String>();
    for (JsonNode c : creation.path("creators")) {
      String creator = c.asText();
      if (creator.startsWith("Tool:")) {
        tools.add(creator.substring(5).trim());
      } else {
        authors.add(SpdxValues.agent(creator));
        if (!creator.startsWith("Organization:") && !creator.startsWith("Person:")) {
          docProps.add(new Property(Kept.SPDX + "creator", creator));
        }
      }
    }
    boolean personCreators = false;
    for (JsonNode c : creation.path("creators")) {
      personCreators |= c.asText().startsWith("Person:");
    }
    if (personCreators) {
      // The inventory has no person/organisation flag; the creators are kept as written.
      docProps.add(Kept.field(Kept.SPDX, "creationInfo.creators", creation.path("creators")));
    }
    for (var e : creation.properties()) {
      if (!e.getKey().equals("created") && !e.getKey().equals("creators")) {
        docProps.add(Kept.field(Kept.SPDX, "creationInfo." + e.getKey(), e.getValue()));
      }
    }
    int vulnerabilities = 0;
    JsonNode packages = doc.path("packages");
    for (int i = 0; i < packages.size(); i++) {
      vulnerabilities += pkg(packages.get(i), "/packages/" + i);
    }
    JsonNode files = doc.path("files");
    for (int i = 0; i < files.size(); i++) {
      file(files.get(i), "/files/" + i);
    }
    String primary = "";
    JsonNode describes = doc.path("documentDescribes");
    if (describes.size() > 0) {
      primary = describes.get(0).asText();
      if (describes.size() > 1) {
        docProps.add(Kept.field(Kept.SPDX, "documentDescribes", describes));
      }
    }
    var deps = new LinkedHashMap<String, List<String>>();
    var completeness = new LinkedHashMap<String, String>();
    ArrayNode unmapped = Json.NODES.arrayNode();
    String docId = Json.text(doc, "SPDXID");
    for (JsonNode r : doc.path("relationships")) {
      String from = Json.text(r, "spdxElementId");
      String type = Json.text(r, "relationshipType");
      String to = Json.text(r, "relatedSpdxElement");
      boolean plain = r.size() == 3;
      if (plain && type.equals("DESCRIBES") && from.equals(docId) && primary.isEmpty()) {
        primary = to;
      } else if (plain && type.equals("DESCRIBES") && from.equals(docId) && primary.equals(to)) {
        continue;
      } else if (plain && type.equals("DEPENDS_ON")) {
        edge(deps, completeness, from, to);
      } else if (plain
          && type.equals("DEPENDENCY_OF")
          && !to.equals("NONE")
          && !to.equals("NOASSERTION")) {
        edge(deps, completeness, to, from);
      } else {
        unmapped.add(r);
      }
    }
    if (!unmapped.isEmpty()) {
      docProps.add(Kept.field(Kept.SPDX, "relationships", unmapped));
    }
    vulnerabilities += Kept.keptVulnerabilities(docProps);
    var dependencies = new ArrayList<Dependency>(deps.size());
    for (var e : deps.entrySet()) {
      dependencies.add(
          new Dependency(e.getKey(), e.getValue(), completeness.getOrDefault(e.getKey(), "")));
    }
    var info =
        new SbomInfo(
            SbomFormat.SPDX,
            version,
            encoding,
            Json.text(doc, "documentNamespace"),
            Json.text(doc, "name"),
            Json.text(creation, "created"),
            authors,
            tools,
            primary,
            vulnerabilities);
    return new Sbom(info, components, dependencies, docProps);
  }

  private static void edge(
      Map<String, List<String>> deps, Map<String, String> completeness, String from, String to) {
    List<String> list = deps.computeIfAbsent(from, k -> new ArrayList<>());
    switch (to) {
      case "NONE" -> completeness.put(from, "complete");
      case "NOASSERTION" -> completeness.put(from, "unknown");
      default -> list.add(to);
    }
  }

  private String ref(JsonNode element, String pointer) {
    if (components.size() >= maxComponents) {
      throw new InvalidInputException("too many components: the limit is " + maxComponents);
    }
    String ref = Json.text(element, "SPDXID");
    if (ref.isEmpty()) {
      ref = "craft-ref:" + pointer;
    }
    if (!refs.add(ref)) {
      problems.add(
          new ValidationProblem(pointer + "/SPDXID", "SPDXID '" + ref + "' is not unique"));
      ref = ref + "#" + components.size();
      refs.add(ref);
    }
    return ref;
  }

  /** Returns the number of security advisory references (vulnerability data in the SBOM). */
  private int pkg(JsonNode p, String pointer) {
    String ref = ref(p, pointer);
    var props = new ArrayList<Property>();
    Kept.unmapped(p, PACKAGE_FIELDS, Kept.SPDX, props);
    if (p.path("filesAnalyzed").asBoolean(true) || p.has("packageVerificationCode")) {
      // false is what CRAFT writes for packages it knows no files of; anything else is kept.
      if (p.has("filesAnalyzed")) {
        props.add(Kept.field(Kept.SPDX, "filesAnalyzed", p.get("filesAnalyzed")));
      }
    }
    annotations(p.path("annotations"), props);
    String purl = "";
    var cpes = new ArrayList<String>();
    ArrayNode otherRefs = Json.NODES.arrayNode();
    int advisories = 0;
    for (JsonNode r : p.path("externalRefs")) {
      String type = Json.text(r, "referenceType");
      String locator = Json.text(r, "referenceLocator");
      boolean plain = r.size() == 3;
      if (plain
          && type.equals("purl")
          && purl.isEmpty()
          && Purls.canonical(locator).orElse("").equals(locator)) {
        purl = locator;
      } else if (plain && (type.equals("cpe23Type") || type.equals("cpe22Type"))) {
        cpes.add(locator);
      } else {
        if (type.equals("advisory")) {
          advisories++;
        }
        otherRefs.add(r);
      }
    }
    if (!otherRefs.isEmpty()) {
      props.add(Kept.field(Kept.SPDX, "externalRefs", otherRefs));
    }
    Party supplier = SpdxValues.agent(Json.text(p, "supplier"));
    keepAgentIfLossy(p, "supplier", supplier, props);
    Party originator = SpdxValues.agent(Json.text(p, "originator"));
    keepAgentIfLossy(p, "originator", originator, props);
    var extRefs = new ArrayList<ExternalReference>();
    String download = Json.text(p, "downloadLocation");
    if (!SpdxValues.absent(download) && !"NONE".equals(download)) {
      extRefs.add(new ExternalReference("distribution", download, List.of()));
    } else if ("NONE".equals(download)) {
      props.add(Kept.field(Kept.SPDX, "downloadLocation", p.get("downloadLocation")));
    }
    String homepage = Json.text(p, "homepage");
    if (!SpdxValues.absent(homepage) && !"NONE".equals(homepage)) {
      extRefs.add(new ExternalReference("website", homepage, List.of()));
    } else if ("NONE".equals(homepage)) {
      props.add(Kept.field(Kept.SPDX, "homepage", p.get("homepage")));
    }
    String purpose = Json.text(p, "primaryPackagePurpose");
    String group = takeGroup(props);
    String typeOverride = take(props, "craft:type");
    components.add(
        new Component(
            ref,
            !typeOverride.isEmpty()
                ? typeOverride
                : purpose.isEmpty() ? "" : SpdxValues.purposeToType(purpose),
            group,
            Json.text(p, "name"),
            Json.text(p, "versionInfo"),
            purl,
            cpes,
            checksums(p.path("checksums")),
            licenses(p),
            supplier,
            Party.NONE,
            originator.isEmpty() ? List.of() : List.of(originator),
            "",
            Json.text(p, "packageFileName"),
            extRefs,
            props));
    return advisories;
  }

  /** CRAFT's writers carry a CycloneDX group as property {@code craft:group}. */
  static String takeGroup(List<Property> props) {
    return take(props, "craft:group");
  }

  /** Removes and returns a property CRAFT's writers use to carry a field the format lacks. */
  static String take(List<Property> props, String name) {
    for (int i = 0; i < props.size(); i++) {
      if (props.get(i).name().equals(name)) {
        return props.remove(i).value();
      }
    }
    return "";
  }

  private void file(JsonNode f, String pointer) {
    String ref = ref(f, pointer);
    var props = new ArrayList<Property>();
    Kept.unmapped(f, FILE_FIELDS, Kept.SPDX, props);
    annotations(f.path("annotations"), props);
    components.add(
        new Component(
            ref,
            "file",
            "",
            Json.text(f, "fileName"),
            "",
            "",
            List.of(),
            checksums(f.path("checksums")),
            licenses(f),
            Party.NONE,
            Party.NONE,
            List.of(),
            "",
            "",
            List.of(),
            props));
  }

  private static void keepAgentIfLossy(
      JsonNode p, String field, Party party, List<Property> props) {
    String raw = Json.text(p, field);
    if (!raw.isEmpty() && !SpdxValues.absent(raw) && !SpdxValues.organization(party).equals(raw)) {
      props.add(Kept.field(Kept.SPDX, field, p.get(field)));
    }
  }

  /** CRAFT's own property annotations become properties again; others are kept whole. */
  private static void annotations(JsonNode annotations, List<Property> props) {
    ArrayNode other = Json.NODES.arrayNode();
    for (JsonNode a : annotations) {
      String comment = Json.text(a, "comment");
      int eq = comment.indexOf('=');
      if (comment.startsWith(PROPERTY_ANNOTATION) && eq > 0) {
        props.add(
            new Property(
                comment.substring(PROPERTY_ANNOTATION.length(), eq), comment.substring(eq + 1)));
      } else {
        other.add(a);
      }
    }
    if (!other.isEmpty()) {
      props.add(Kept.field(Kept.SPDX, "annotations", other));
    }
  }

  static List<Hash> checksums(JsonNode checksums) {
    var out = new ArrayList<Hash>(checksums.size());
    for (JsonNode c : checksums) {
      String alg = Json.text(c, "algorithm");
      if (!alg.isEmpty()) {
        out.add(new Hash(SpdxValues.hashToCdx(alg), Json.text(c, "checksumValue")));
      }
    }
    return out;
  }

  private static List<License> licenses(JsonNode element) {
    var out = new ArrayList<License>(2);
    String declared = Json.text(element, "licenseDeclared");
    if (!SpdxValues.absent(declared)) {
      out.add(License.expression(declared, "declared"));
    }
    String concluded = Json.text(element, "licenseConcluded");
    if (!SpdxValues.absent(concluded)) {
      out.add(License.expression(concluded, "concluded"));
    }
    return out;
  }
}
