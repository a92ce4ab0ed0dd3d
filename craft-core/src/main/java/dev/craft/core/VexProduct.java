package dev.craft.core;

import java.util.Objects;

/**
 * What a VEX statement is about. Absent text is the empty string.
 *
 * @param ref the document's own identifier (OpenVEX {@code @id}, CycloneDX {@code bom-ref}, CSAF
 *     {@code product_id})
 * @param name human-readable name
 * @param version a version or a version range ({@code vers:…})
 * @param purl package URL
 * @param cpe CPE 2.2 or 2.3 name
 */
public record VexProduct(String ref, String name, String version, String purl, String cpe) {
  /** "No product": a statement about a vulnerability with no product, or no subcomponent. */
  public static final VexProduct NONE = new VexProduct("", "", "", "", "");

  public VexProduct {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(cpe, "cpe");
  }

  public boolean isNone() {
    return ref.isEmpty() && name.isEmpty() && version.isEmpty() && purl.isEmpty() && cpe.isEmpty();
  }

  /**
   * The identity that survives every conversion: the purl if there is one, else the CPE, else name
   * and version, else the reference.
   */
  public String key() {
    if (!purl.isEmpty()) {
      return purl;
    }
    if (!cpe.isEmpty()) {
      return cpe;
    }
    if (!name.isEmpty()) {
      return version.isEmpty() ? name : name + "@" + version;
    }
    return ref;
  }

  /** A short label for reports and generated names. */
  public String label() {
    String base = name.isEmpty() ? key() : name;
    return version.isEmpty() || !name.isEmpty() && base.endsWith(version)
        ? base
        : base + " " + version;
  }
}
