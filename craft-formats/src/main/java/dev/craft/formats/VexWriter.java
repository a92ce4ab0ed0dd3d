package dev.craft.formats;

import dev.craft.core.VexDocument;

/** Writes a VEX document as OpenVEX 0.2.0, CycloneDX 1.6 JSON or CSAF 2.0 (profile VEX). */
public final class VexWriter {
  private VexWriter() {}

  public static byte[] write(VexDocument document, VexFormat format) {
    return switch (format) {
      case OPENVEX -> OpenVexWriter.write(document);
      case CYCLONEDX -> CycloneDxVexWriter.write(document);
      case CSAF -> CsafVexWriter.write(document);
    };
  }
}
