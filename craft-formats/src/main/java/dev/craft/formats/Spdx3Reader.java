package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;

final class Spdx3Reader {
  private Spdx3Reader() {}

  static SbomReadResult read(JsonNode tree, ReadLimits limits) {
    throw new InvalidInputException("SPDX 3 not yet");
  }
}
