package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * What an SBOM document says about itself.
 *
 * @param format the standard
 * @param specVersion the version of the standard, e.g. {@code 1.6}, {@code 2.3}, {@code 3.0.1}
 * @param encoding how the document was written: {@code json}, {@code xml}, {@code tag-value},
 *     {@code json-ld}
 * @param serialNumber CycloneDX {@code serialNumber}, SPDX {@code documentNamespace} or document
 *     {@code spdxId}; empty if none
 * @param name SPDX document name; empty for CycloneDX
 * @param timestamp creation time as the document writes it (ISO 8601); empty if not stated
 * @param authors people and organisations that created the document
 * @param tools tools that created it, as {@code name version} text
 * @param primaryRef reference of the component the SBOM describes (the product); empty if none
 * @param vulnerabilities how many vulnerability entries the document carries
 */
public record SbomInfo(
    SbomFormat format,
    String specVersion,
    String encoding,
    String serialNumber,
    String name,
    String timestamp,
    List<Party> authors,
    List<String> tools,
    String primaryRef,
    int vulnerabilities) {

  public SbomInfo {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(primaryRef, "primaryRef");
    authors = List.copyOf(authors);
    tools = List.copyOf(tools);
    if (vulnerabilities < 0) {
      throw new InvalidInputException("vulnerability count is negative");
    }
  }
}
