package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads OSV records from a single JSON or YAML file, a folder of them (recursively), an ecosystem
 * {@code all.zip} dump, or a CRAFT advisory index file ({@link AdvisoryIndexFile}); the kind is
 * recognised from the content, not the name. Records are handed to a sink one by one so that large
 * sets never sit in memory twice. Any bad file stops the read with an {@link InvalidInputException}
 * that names it.
 */
public final class OsvReader {
  private final AdvisoryLimits limits;

  public OsvReader(AdvisoryLimits limits) {
    this.limits = limits;
  }

  /** What one read saw. */
  public record Stats(int files, int records) {}

  /** Reads every record under {@code path}; returns the number of files and records. */
  public Stats read(Path path, Consumer<OsvRecord> sink) {
    var counter = new Counter(sink, limits.maxRecords(), path);
    try {
      if (Files.isDirectory(path)) {
        readFolder(path, counter);
      } else if (!Files.isRegularFile(path)) {
        throw new InvalidInputException("no such file or folder: " + path);
      } else {
        byte[] head = head(path);
        if (isZip(head)) {
          readZip(path, counter);
        } else if (AdvisoryIndexFile.isIndex(head)) {
          counter.files++;
          AdvisoryIndexFile.read(path, limits, counter::accept);
        } else {
          counter.files++;
          counter.accept(parse(readBounded(path), path.toString()));
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return new Stats(counter.files, counter.records);
  }

  /** Reads every record under {@code path} into a list (for tests and small sets). */
  public List<OsvRecord> readAll(Path path) {
    var out = new ArrayList<OsvRecord>();
    read(path, out::add);
    return out;
  }

  /**
   * Parses one record; YAML when the source name ends in {@code .yaml}/{@code .yml}, JSON
   * otherwise.
   *
   * @throws InvalidInputException naming {@code source}
   */
  public OsvRecord parse(byte[] content, String source) {
    return parse(content, source, true);
  }

  /**
   * Parses a record that was stored before, as it was accepted then: the checks on new input added
   * since (the {@code modified} timestamp, the number of aliases) are not made again.
   */
  public OsvRecord parseStored(byte[] content, String source) {
    return parse(content, source, false);
  }

  private OsvRecord parse(byte[] content, String source, boolean newInput) {
    if (content.length > limits.maxRecordBytes()) {
      throw new InvalidInputException(
          source + ": " + content.length + " bytes, the limit is " + limits.maxRecordBytes());
    }
    try {
      JsonNode tree =
          isYaml(source)
              ? YamlTrees.parse(content, limits.maxDepth(), limits.maxRecordBytes())
              : Json.parse(content, readLimits());
      String raw = new String(content, StandardCharsets.UTF_8);
      return newInput
          ? OsvParser.parse(tree, source, raw)
          : OsvParser.parseAccepted(tree, source, raw);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  ReadLimits readLimits() {
    return new ReadLimits(limits.maxRecordBytes(), 1, limits.maxDepth());
  }

  static boolean isYaml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  private static boolean isRecordFile(Path p) {
    String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !lower.startsWith(".") && (lower.endsWith(".json") || isYaml(lower));
  }

  private void readFolder(Path dir, Counter counter) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(OsvReader::isRecordFile).sorted().toList();
    }
    long total = 0;
    for (Path file : files) {
      byte[] content = readBounded(file);
      total += content.length;
      if (total > limits.maxTotalBytes()) {
        throw new InvalidInputException(
            dir + ": more than " + limits.maxTotalBytes() + " bytes of records");
      }
      counter.files++;
      counter.accept(parse(content, file.toString()));
    }
  }

  private void readZip(Path path, Counter counter) throws IOException {
    try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
      long total = 0;
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !isRecordFile(Path.of(leaf(entry.getName())))) {
          continue;
        }
        String source = path + "!/" + entry.getName();
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
          // The header's size can lie; read at most one byte over the limit.
          content =
              in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxRecordBytes() + 1));
        }
        total += content.length;
        if (total > limits.maxTotalBytes()) {
          throw new InvalidInputException(
              path + ": more than " + limits.maxTotalBytes() + " bytes uncompressed");
        }
        counter.files++;
        counter.accept(parse(content, source));
      }
    } catch (java.util.zip.ZipException e) {
      throw new InvalidInputException(path + ": not a valid zip archive: " + e.getMessage(), e);
    }
  }

  private static String leaf(String entryName) {
    int slash = entryName.lastIndexOf('/');
    String leaf = slash >= 0 ? entryName.substring(slash + 1) : entryName;
    return leaf.isEmpty() ? "_" : leaf;
  }

  private byte[] readBounded(Path file) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxRecordBytes()) {
      throw new InvalidInputException(
          file + ": " + size + " bytes, the limit for one record is " + limits.maxRecordBytes());
    }
    return Files.readAllBytes(file);
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(64);
    }
  }

  private static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  private static final class Counter implements Consumer<OsvRecord> {
    private final Consumer<OsvRecord> sink;
    private final int max;
    private final Path path;
    int files;
    int records;

    Counter(Consumer<OsvRecord> sink, int max, Path path) {
      this.sink = sink;
      this.max = max;
      this.path = path;
    }

    @Override
    public void accept(OsvRecord record) {
      if (++records > max) {
        throw new InvalidInputException(path + ": more than " + max + " advisory records");
      }
      sink.accept(record);
    }
  }
}
