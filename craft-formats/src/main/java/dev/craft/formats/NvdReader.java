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
 * Reads a response of the NVD CVE API 2.0 ({@code /rest/json/cves/2.0}), or a file saved from it:
 * {@code {"resultsPerPage":…,"startIndex":…,"totalResults":…,"vulnerabilities":[{"cve":{…}}]}}.
 * Bounded by {@link AdvisoryLimits}: the document by {@code maxTotalBytes}, each CVE object by
 * {@code maxRecordBytes}, their number by {@code maxRecords}, nesting by {@code maxDepth}.
 */
public final class NvdReader {
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern CWE = Pattern.compile("CWE-\\d{1,6}");
  private static final String[][] METRICS = {
    {"cvssMetricV2", "2.0"},
    {"cvssMetricV30", "3.0"},
    {"cvssMetricV31", "3.1"},
    {"cvssMetricV40", "4.0"}
  };
  private static final int MAX_CPE_MATCHES = 10_000;

  private final AdvisoryLimits limits;

  public NvdReader(AdvisoryLimits limits) {
    this.limits = limits;
  }

  public NvdPage read(byte[] content, String source) {
    if (content.length > limits.maxTotalBytes()) {
      throw new InvalidInputException(
          source + ": too large for an NVD response (" + content.length + " bytes)");
    }
    try {
      JsonNode tree =
          Json.parse(content, new ReadLimits(content.length + 1L, 1, limits.maxDepth()));
      JsonNode vulns = tree.path("vulnerabilities");
      if (!tree.isObject() || !vulns.isArray()) {
        throw new InvalidInputException(
            "not an NVD CVE API 2.0 response: no 'vulnerabilities' array");
      }
      if (vulns.size() > limits.maxRecords()) {
        throw new InvalidInputException(
            "more than " + limits.maxRecords() + " CVEs in one response");
      }
      var cves = new ArrayList<NvdCve>(vulns.size());
      for (int i = 0; i < vulns.size(); i++) {
        cves.add(cve(vulns.get(i).path("cve"), "/vulnerabilities/" + i + "/cve"));
      }
      return new NvdPage(
          tree.path("startIndex").asInt(0),
          tree.path("resultsPerPage").asInt(cves.size()),
          tree.path("totalResults").asInt(cves.size()),
          cves);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private NvdCve cve(JsonNode c, String at) {
    if (!c.isObject()) {
      throw new InvalidInputException(at + ": not an object");
    }
    String id = Json.text(c, "id").strip();
    if (!CVE.matcher(id).matches()) {
      throw new InvalidInputException(at + "/id: '" + id + "' is not a CVE id");
    }
    String lastModified = Json.text(c, "lastModified").strip();
    if (lastModified.isEmpty()) {
      throw new InvalidInputException(at + ": " + id + " has no lastModified");
    }
    String raw = Json.compact(c);
    if (raw.getBytes(StandardCharsets.UTF_8).length > limits.maxRecordBytes()) {
      throw new InvalidInputException(at + ": " + id + " is larger than the record limit");
    }
    String description = "";
    for (JsonNode d : c.path("descriptions")) {
      if (Json.text(d, "lang").equals("en")) {
        description = Json.text(d, "value");
        break;
      }
    }
    var metrics = new ArrayList<NvdCvss>();
    for (String[] m : METRICS) {
      for (JsonNode metric : c.path("metrics").path(m[0])) {
        JsonNode data = metric.path("cvssData");
        String vector = Json.text(data, "vectorString").strip();
        if (vector.isEmpty()) {
          continue;
        }
        metrics.add(
            new NvdCvss(
                m[1],
                vector,
                data.path("baseScore").isNumber() ? data.path("baseScore").asDouble() : -1,
                Json.text(metric, "source"),
                Json.text(metric, "type")));
      }
    }
    Set<String> cwes = new LinkedHashSet<>();
    for (JsonNode w : c.path("weaknesses")) {
      for (JsonNode d : w.path("description")) {
        String value = Json.text(d, "value").strip();
        if (CWE.matcher(value).matches()) {
          cwes.add(value);
        }
      }
    }
    var matches = new ArrayList<NvdCpeMatch>();
    for (JsonNode config : c.path("configurations")) {
      for (JsonNode node : config.path("nodes")) {
        for (JsonNode m : node.path("cpeMatch")) {
          if (matches.size() >= MAX_CPE_MATCHES) {
            throw new InvalidInputException(
                at + ": " + id + " has more than " + MAX_CPE_MATCHES + " CPE matches");
          }
          matches.add(
              new NvdCpeMatch(
                  Json.text(m, "criteria").strip(),
                  m.path("vulnerable").asBoolean(false),
                  Json.text(m, "versionStartIncluding"),
                  Json.text(m, "versionStartExcluding"),
                  Json.text(m, "versionEndIncluding"),
                  Json.text(m, "versionEndExcluding")));
        }
      }
    }
    var refs = new ArrayList<String>();
    for (JsonNode r : c.path("references")) {
      String url = Json.text(r, "url").strip();
      if (!url.isEmpty()) {
        refs.add(url);
      }
    }
    return new NvdCve(
        id,
        Json.text(c, "published").strip(),
        lastModified,
        Json.text(c, "vulnStatus").strip(),
        description,
        metrics,
        List.copyOf(cwes),
        matches,
        refs,
        raw);
  }
}
