package dev.craft.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared third-party fixtures, read in place; tests skip when the folder is absent. */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String dir = System.getProperty("craft.sharedData", "../../shared/data");
    Path path = Path.of(dir);
    assumeTrue(Files.isDirectory(path), "shared data folder " + path + " is absent: skipping");
    return path;
  }

  public static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), path + " is absent: skipping");
    return path;
  }

  public static List<Path> files(String relative, String suffix) {
    Path dir = require(relative);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
