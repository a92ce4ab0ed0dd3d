package dev.craft.formats;

import dev.craft.core.VexDocument;
import java.util.Objects;

/**
 * A VEX document read from one of the formats.
 *
 * @param specVersion the format version the document declares (OpenVEX context version, CycloneDX
 *     {@code specVersion}, CSAF {@code csaf_version})
 */
public record VexReadResult(VexFormat format, String specVersion, VexDocument document) {
  public VexReadResult {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(document, "document");
  }
}
