package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;

final class Spdx2Reader {
  private Spdx2Reader() {}

  static SbomReadResult readJson(JsonNode tree, ReadLimits limits) {
    throw new InvalidInputException("SPDX 2 not yet");
  }
}
