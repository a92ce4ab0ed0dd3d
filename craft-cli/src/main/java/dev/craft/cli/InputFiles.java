package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import dev.craft.formats.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file (SBOM, VEX, CSAF, NVD or EUVD document) within a size limit, refusing before
 * it loads a too-large file.
 */
final class InputFiles {
  private InputFiles() {}

  static byte[] read(Path file, ReadLimits limits) {
    return read(file, limits.maxBytes());
  }

  static byte[] read(Path file, long maxBytes) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("no such file: " + file);
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new InvalidInputException(
            "document too large: " + size + " bytes, the limit is " + maxBytes);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no such file: " + file, e);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static ReadLimits limits(long maxMegabytes, int maxComponents) {
    return ReadLimits.DEFAULT
        .withMaxBytes(maxMegabytes * 1024 * 1024)
        .withMaxComponents(maxComponents);
  }
}
