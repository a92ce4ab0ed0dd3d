package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the CISA KEV catalog in its JSON form ({@code known_exploited_vulnerabilities.json}) or its
 * CSV form (header row {@code cveID,vendorProject,...}); the form is recognised from the content.
 */
public final class KevReader {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  private KevReader() {}

  public static KevCatalog read(Path file, AdvisoryLimits limits) {
    try {
      long size = Files.size(file);
      if (size > limits.maxTotalBytes() || size > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(
            file + ": too large for a KEV catalog (" + size + " bytes)");
      }
      return read(Files.readAllBytes(file), file.toString(), limits);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static KevCatalog read(byte[] content, String source, AdvisoryLimits limits) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    try {
      if (text.startsWith("{")) {
        return json(Json.parse(content, new ReadLimits(content.length + 1L, 1, limits.maxDepth())));
      }
      return csv(text, source, limits);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static KevCatalog json(JsonNode tree) {
    JsonNode vulns = tree.path("vulnerabilities");
    if (!vulns.isArray()) {
      throw new InvalidInputException("not a KEV catalog: no 'vulnerabilities' array");
    }
    var entries = new ArrayList<KevEntry>(vulns.size());
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      entries.add(
          entry(
              "/vulnerabilities/" + i,
              Json.text(v, "cveID").strip(),
              Json.text(v, "vendorProject").strip(),
              Json.text(v, "product").strip(),
              Json.text(v, "vulnerabilityName").strip(),
              Json.text(v, "dateAdded").strip(),
              Json.text(v, "dueDate").strip(),
              Json.text(v, "knownRansomwareCampaignUse").strip()));
    }
    return new KevCatalog(Json.text(tree, "catalogVersion"), entries);
  }

  private static KevCatalog csv(String text, String source, AdvisoryLimits limits) {
    try {
      var csv = new Csv(new StringReader(text), limits.maxLineBytes(), source);
      List<String> header = csv.next();
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        col.put(header.get(i).strip(), i);
      }
      if (!col.containsKey("cveID")) {
        throw new InvalidInputException(
            "neither a KEV JSON catalog nor a KEV CSV file (no cveID column)");
      }
      var entries = new ArrayList<KevEntry>();
      List<String> row;
      int start = csv.line();
      while (!(row = csv.next()).isEmpty()) {
        String at = "line " + start;
        start = csv.line();
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        entries.add(
            entry(
                at,
                field(row, col, "cveID"),
                field(row, col, "vendorProject"),
                field(row, col, "product"),
                field(row, col, "vulnerabilityName"),
                field(row, col, "dateAdded"),
                field(row, col, "dueDate"),
                field(row, col, "knownRansomwareCampaignUse")));
      }
      return new KevCatalog("", entries);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read CSV: " + e.getMessage(), e);
    }
  }

  private static String field(List<String> row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.size() ? "" : row.get(i).strip();
  }

  private static KevEntry entry(
      String at,
      String cve,
      String vendor,
      String product,
      String name,
      String added,
      String due,
      String ransomware) {
    if (!CVE.matcher(cve).matches()) {
      throw new InvalidInputException(at + ": '" + cve + "' is not a CVE id");
    }
    return new KevEntry(cve, vendor, product, name, added, due, ransomware);
  }
}
