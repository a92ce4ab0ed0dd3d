package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads FIRST's daily EPSS CSV ({@code epss_scores-YYYY-MM-DD.csv}, plain or gzip): an optional
 * comment line {@code #model_version:…,score_date:…}, the header {@code cve,epss,percentile}, then
 * one row per CVE.
 */
public final class EpssReader {
  private static final Pattern META = Pattern.compile("#model_version:([^,]*),score_date:(.*)");

  private EpssReader() {}

  public static EpssScores read(Path file, AdvisoryLimits limits) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1F && b1 == 0x8B ? new GZIPInputStream(raw) : raw;
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString(), limits);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static EpssScores read(Reader reader, String source, AdvisoryLimits limits) throws IOException {
    var csv = new Csv(reader, limits.maxLineBytes(), source);
    String model = "";
    String date = "";
    List<String> row = csv.next();
    if (!row.isEmpty() && row.get(0).startsWith("#")) {
      Matcher m = META.matcher(String.join(",", row));
      if (m.matches()) {
        model = m.group(1);
        date = m.group(2);
      }
      row = csv.next();
    }
    if (row.size() < 3
        || !row.get(0).strip().equals("cve")
        || !row.get(1).strip().equals("epss")
        || !row.get(2).strip().equals("percentile")) {
      throw new InvalidInputException(source + ": not an EPSS file (expected cve,epss,percentile)");
    }
    var scores = new HashMap<String, EpssScore>();
    int start = csv.line();
    while (!(row = csv.next()).isEmpty()) {
      int line = start;
      start = csv.line();
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() < 3) {
        throw new InvalidInputException(source + ": line " + line + ": expected 3 fields");
      }
      if (scores.size() >= limits.maxRecords()) {
        throw new InvalidInputException(source + ": more than " + limits.maxRecords() + " rows");
      }
      try {
        String cve = row.get(0).strip();
        scores.put(
            cve,
            new EpssScore(
                cve,
                Double.parseDouble(row.get(1).strip()),
                Double.parseDouble(row.get(2).strip())));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(source + ": line " + line + ": not a number", e);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(source + ": line " + line + ": " + e.getMessage(), e);
      }
    }
    return new EpssScores(model, date, scores);
  }
}
