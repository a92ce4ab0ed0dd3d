package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ENISA EUVD API responses or files saved from them: a JSON array of records (the {@code
 * exploitedvulnerabilities} and {@code lastvulnerabilities} endpoints), a search response {@code
 * {"items":[…],"total":N}} ({@code vulnerabilities}), or one record ({@code enisaid}). A record's
 * {@code aliases} is newline-separated text; CVE and GHSA ids are kept from it.
 */
public final class EuvdReader {
  private static final Pattern EUVD = Pattern.compile("EUVD-\\d{4}-\\d{1,9}");
  private static final Pattern ALIAS =
      Pattern.compile("CVE-\\d{4}-\\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
  private static final int MAX_ALIASES = 1000;

  private final AdvisoryLimits limits;

  public EuvdReader(AdvisoryLimits limits) {
    this.limits = limits;
  }

  /**
   * @param exploitedList the content is ENISA's exploited-vulnerabilities list: every record in it
   *     counts as exploited
   */
  public EuvdPage read(byte[] content, String source, boolean exploitedList) {
    if (content.length > limits.maxTotalBytes()) {
      throw new InvalidInputException(
          source + ": too large for an EUVD response (" + content.length + " bytes)");
    }
    try {
      JsonNode tree =
          Json.parse(content, new ReadLimits(content.length + 1L, 1, limits.maxDepth()));
      JsonNode items;
      int total;
      if (tree.isArray()) {
        items = tree;
        total = tree.size();
      } else if (tree.isObject() && tree.path("items").isArray()) {
        items = tree.get("items");
        total = tree.path("total").asInt(items.size());
      } else if (tree.isObject() && tree.has("id")) {
        items = Json.NODES.arrayNode().add(tree);
        total = 1;
      } else {
        throw new InvalidInputException(
            "not an EUVD response: expected an array of records, {\"items\": […]} or one record");
      }
      if (items.size() > limits.maxRecords()) {
        throw new InvalidInputException(
            "more than " + limits.maxRecords() + " records in one response");
      }
      var out = new ArrayList<EuvdRecord>(items.size());
      for (int i = 0; i < items.size(); i++) {
        out.add(record(items.get(i), "/" + i, exploitedList));
      }
      return new EuvdPage(total, out);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private EuvdRecord record(JsonNode r, String at, boolean exploitedList) {
    if (!r.isObject()) {
      throw new InvalidInputException(at + ": not an object");
    }
    String id = Json.text(r, "id").strip();
    if (!EUVD.matcher(id).matches()) {
      throw new InvalidInputException(at + "/id: '" + id + "' is not an EUVD id");
    }
    String raw = Json.compact(r);
    if (raw.getBytes(StandardCharsets.UTF_8).length > limits.maxRecordBytes()) {
      throw new InvalidInputException(at + ": " + id + " is larger than the record limit");
    }
    Set<String> aliases = new LinkedHashSet<>();
    for (String part : Json.text(r, "aliases").split("[\\n\\r,; ]+")) {
      String alias = part.strip();
      if (ALIAS.matcher(alias).matches() && aliases.size() < MAX_ALIASES) {
        aliases.add(alias);
      }
    }
    String since = Json.text(r, "exploitedSince").strip();
    JsonNode score = r.path("baseScore");
    return new EuvdRecord(
        id,
        List.copyOf(aliases),
        exploitedList || !since.isEmpty(),
        since,
        score.isNumber() ? score.asDouble() : -1,
        Json.text(r, "baseScoreVersion").strip(),
        Json.text(r, "baseScoreVector").strip(),
        Json.text(r, "datePublished").strip(),
        Json.text(r, "dateUpdated").strip(),
        raw);
  }
}
