package dev.craft.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One component of an SBOM inventory, whatever the source format. Absent text is the empty string;
 * nothing is null.
 *
 * @param ref the document's own identifier for the component (CycloneDX {@code bom-ref}, SPDX
 *     {@code SPDXID}/{@code spdxId}); unique within the SBOM
 * @param type CycloneDX component type ({@code library}, {@code application}, {@code file}…)
 * @param group namespace such as a Maven groupId (CycloneDX only)
 * @param purl canonical package URL, empty if none or if the document's purl is not a valid purl
 *     (then it is kept as property {@code craft:invalid-purl})
 * @param cpes CPE 2.2 or 2.3 names
 * @param supplier who supplies the component; {@link Party#NONE} if not stated
 * @param manufacturer who made it (CycloneDX 1.6 {@code manufacturer}); {@link Party#NONE} if not
 * @param authors the component's authors or originators
 * @param scope CycloneDX scope ({@code required}, {@code optional}, {@code excluded}) or empty
 * @param filename file name of the deployable form (TR-03183-2 {@code bsi:component:filename}, SPDX
 *     {@code packageFileName})
 * @param properties the document's properties plus every kept field that has no place here
 */
public record Component(
    String ref,
    String type,
    String group,
    String name,
    String version,
    String purl,
    List<String> cpes,
    List<Hash> hashes,
    List<License> licenses,
    Party supplier,
    Party manufacturer,
    List<Party> authors,
    String scope,
    String filename,
    List<ExternalReference> externalReferences,
    List<Property> properties) {

  public Component {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(filename, "filename");
    if (ref.isEmpty()) {
      throw new InvalidInputException("component '" + name + "' has no reference");
    }
    cpes = List.copyOf(cpes);
    hashes = List.copyOf(hashes);
    licenses = List.copyOf(licenses);
    authors = List.copyOf(authors);
    externalReferences = List.copyOf(externalReferences);
    properties = List.copyOf(properties);
  }

  /** The same component with other properties. */
  public Component withProperties(List<Property> newProperties) {
    return new Component(
        ref,
        type,
        group,
        name,
        version,
        purl,
        cpes,
        hashes,
        licenses,
        supplier,
        manufacturer,
        authors,
        scope,
        filename,
        externalReferences,
        newProperties);
  }

  /** The first value of the named property, if the component has it. */
  public Optional<String> findProperty(String propertyName) {
    for (Property p : properties) {
      if (p.name().equals(propertyName)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  /** A short label for reports: {@code name@version}, or the reference when there is no name. */
  public String label() {
    String base = name.isEmpty() ? ref : (group.isEmpty() ? name : group + "/" + name);
    return version.isEmpty() ? base : base + "@" + version;
  }
}
