package dev.craft.formats;

import dev.craft.core.InvalidInputException;

/**
 * Bounds on what a reader accepts, so that a hostile or broken document fails with a clear error
 * instead of exhausting memory or the stack.
 *
 * @param maxBytes largest document accepted (default 64 MiB)
 * @param maxComponents most components accepted in one document
 * @param maxDepth deepest nesting of JSON objects/arrays or XML elements
 */
public record ReadLimits(long maxBytes, int maxComponents, int maxDepth) {
  public static final ReadLimits DEFAULT = new ReadLimits(64L * 1024 * 1024, 500_000, 128);

  public ReadLimits {
    if (maxBytes <= 0 || maxComponents <= 0 || maxDepth <= 0) {
      throw new InvalidInputException("read limits must be positive");
    }
  }

  public ReadLimits withMaxBytes(long bytes) {
    return new ReadLimits(bytes, maxComponents, maxDepth);
  }

  public ReadLimits withMaxComponents(int components) {
    return new ReadLimits(maxBytes, components, maxDepth);
  }
}
