package dev.craft.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Sbom;
import java.nio.charset.StandardCharsets;

/**
 * Writes the inventory as CycloneDX 1.6/1.7 (JSON or XML), SPDX 2.3 JSON or SPDX 3.0.1 JSON-LD.
 * What the source document said that has no field in the inventory is written back in place when
 * the target is the source's own format, and as properties or annotations otherwise, so that
 * reading the output gives the same inventory.
 */
public final class SbomWriter {
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SbomWriter() {}

  /** JSON (JSON-LD for SPDX 3). */
  public static byte[] write(Sbom sbom, SbomTarget target) {
    JsonNode tree =
        switch (target) {
          case CYCLONEDX_1_6, CYCLONEDX_1_7 -> CycloneDxWriter.tree(sbom, target.version());
          case SPDX_2_3 -> Spdx2Writer.tree(sbom);
          case SPDX_3_0_1 -> Spdx3Writer.tree(sbom);
        };
    try {
      return PRETTY.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** CycloneDX XML, through cyclonedx-core-java's model. */
  public static byte[] writeXml(Sbom sbom, SbomTarget target) {
    if (target.format() != dev.craft.core.SbomFormat.CYCLONEDX) {
      throw new InvalidInputException(
          "XML output is available for CycloneDX only, not " + target.id());
    }
    String xml =
        CycloneDxWriter.xml(CycloneDxWriter.tree(sbom, target.version()), target.version());
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
