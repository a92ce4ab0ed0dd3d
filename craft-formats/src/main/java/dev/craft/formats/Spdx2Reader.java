package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Set;

/** SPDX 2.2 and 2.3 JSON: validated against the version's JSON schema, then normalised. */
final class Spdx2Reader {
  static final Set<String> VERSIONS = Set.of("2.2", "2.3");

  private Spdx2Reader() {}

  static String checkedVersion(String spdxVersion) {
    String version = spdxVersion.startsWith("SPDX-") ? spdxVersion.substring(5) : spdxVersion;
    if (!VERSIONS.contains(version)) {
      throw new InvalidInputException(
          "unsupported SPDX version '"
              + spdxVersion
              + "': CRAFT reads SPDX-2.2, SPDX-2.3 and 3.0.1");
    }
    return version;
  }

  static SbomReadResult readJson(JsonNode doc, ReadLimits limits) {
    String version = checkedVersion(Json.text(doc, "spdxVersion"));
    var problems = new ArrayList<ValidationProblem>(JsonSchemas.validateSpdx2(doc, version));
    problems.addAll(SpdxReferences.check(doc));
    var sbom = Spdx2Normaliser.normalise(doc, version, "json", limits, problems);
    return new SbomReadResult(sbom, problems);
  }
}
