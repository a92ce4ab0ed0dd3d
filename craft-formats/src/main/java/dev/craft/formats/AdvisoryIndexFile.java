package dev.craft.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * CRAFT's local advisory index: a gzip stream of JSON values, a header object then one object per
 * record with its source, its verbatim text and, for YAML records, the record as a JSON tree (so
 * that loading never runs a YAML parser). Loading goes through the same {@link OsvParser} as
 * importing, so an index always means what the imported files meant.
 */
public final class AdvisoryIndexFile {
  static final String FORMAT = "craft-advisory-index";
  static final int VERSION = 1;

  private AdvisoryIndexFile() {}

  /** Whether the first bytes of a file are gzip's, the index's container. */
  static boolean isIndex(byte[] head) {
    return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
  }

  /** A writer that appends records to a new index file; close it to finish the file. */
  public static Writer create(Path file, AdvisoryLimits limits) {
    try {
      return new Writer(Files.newOutputStream(file), limits);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Appends records to an index; not thread-safe. */
  public static final class Writer implements AutoCloseable {
    private final JsonGenerator generator;
    private final AdvisoryLimits limits;
    private int records;

    Writer(OutputStream out, AdvisoryLimits limits) throws IOException {
      this.limits = limits;
      var gzip = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16);
      this.generator = Json.WRITER.getFactory().createGenerator(gzip);
      generator.writeStartObject();
      generator.writeStringField("format", FORMAT);
      generator.writeNumberField("version", VERSION);
      generator.writeEndObject();
      generator.writeRaw('\n');
    }

    public void add(OsvRecord record) {
      try {
        generator.writeStartObject();
        generator.writeStringField("source", record.source());
        generator.writeStringField("raw", record.raw());
        if (OsvReader.isYaml(record.source())) {
          generator.writeFieldName("tree");
          generator.writeTree(
              YamlTrees.parse(
                  record.raw().getBytes(StandardCharsets.UTF_8),
                  limits.maxDepth(),
                  limits.maxRecordBytes()));
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
        records++;
      } catch (IOException e) {
        throw new InvalidInputException("cannot write the index: " + e.getMessage(), e);
      }
    }

    public int records() {
      return records;
    }

    @Override
    public void close() {
      try {
        generator.close();
      } catch (IOException e) {
        throw new InvalidInputException("cannot write the index: " + e.getMessage(), e);
      }
    }
  }

  /** Reads an index written by {@link Writer}, handing each record to the sink. */
  static void read(Path file, AdvisoryLimits limits, Consumer<OsvRecord> sink) {
    ObjectMapper mapper =
        Json.mapper(new ReadLimits(limits.maxRecordBytes() * 2, 1, limits.maxDepth()));
    try (InputStream in =
            new Bounded(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16),
                limits.maxTotalBytes(),
                file);
        JsonParser parser = mapper.createParser(in)) {
      JsonNode header = next(parser, mapper);
      if (header == null
          || !FORMAT.equals(Json.text(header, "format"))
          || header.path("version").asInt() != VERSION) {
        throw new InvalidInputException(
            file + ": not a CRAFT advisory index (version " + VERSION + ")");
      }
      int line = 1;
      JsonNode node;
      while ((node = next(parser, mapper)) != null) {
        line++;
        sink.accept(record(node, file, line, limits));
      }
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the index: " + e.getMessage(), e);
    }
  }

  private static @Nullable JsonNode next(JsonParser parser, ObjectMapper mapper)
      throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    return mapper.readTree(parser);
  }

  private static OsvRecord record(JsonNode node, Path file, int line, AdvisoryLimits limits) {
    String source = Json.text(node, "source");
    String raw = Json.text(node, "raw");
    if (source.isEmpty() || raw.isEmpty()) {
      throw new InvalidInputException(file + ": entry " + line + " lacks source or raw text");
    }
    try {
      JsonNode tree =
          node.has("tree")
              ? node.get("tree")
              : Json.parse(
                  raw.getBytes(StandardCharsets.UTF_8),
                  new ReadLimits(limits.maxRecordBytes(), 1, limits.maxDepth()));
      // Checked when the index was built, by the rules of that version.
      return OsvParser.parseAccepted(tree, source, raw);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          file + ": entry " + line + " (" + source + "): " + e.getMessage(), e);
    }
  }

  /** Stops a decompression bomb: fails once more than {@code max} bytes have been read. */
  private static final class Bounded extends FilterInputStream {
    private final long max;
    private final Path file;
    private long count;

    Bounded(InputStream in, long max, Path file) {
      super(in);
      this.max = max;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > max) {
        throw new InvalidInputException(file + ": more than " + max + " bytes uncompressed");
      }
    }
  }
}
