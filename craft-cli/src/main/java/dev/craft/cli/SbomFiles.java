package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import dev.craft.formats.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an SBOM file within the size limit, refusing before it loads a too-large file. */
final class SbomFiles {
  private SbomFiles() {}

  static byte[] read(Path file, ReadLimits limits) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("no such file: " + file);
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw new InvalidInputException(
            "document too large: " + size + " bytes, the limit is " + limits.maxBytes());
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
