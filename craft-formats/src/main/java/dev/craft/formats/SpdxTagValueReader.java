package dev.craft.formats;

import dev.craft.core.InvalidInputException;

final class SpdxTagValueReader {
  private SpdxTagValueReader() {}

  static boolean looksLikeTagValue(String text) {
    return text.contains("SPDXVersion:");
  }

  static SbomReadResult read(String text, ReadLimits limits) {
    throw new InvalidInputException("tag-value not yet");
  }
}
