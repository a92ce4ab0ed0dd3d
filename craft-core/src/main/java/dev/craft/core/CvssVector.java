package dev.craft.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A CVSS vector checked strictly against its specification: known prefix, known metrics and values
 * (case-sensitive), no metric twice, every base metric present, and for v4.0 the fixed metric order
 * that its specification (section 7) requires. v2 and v3.x allow any order, as their specifications
 * do. A v2 vector may be wrapped in parentheses, as NVD used to print it.
 *
 * @param metrics the metrics in the order given
 */
public record CvssVector(CvssVersion version, String text, Map<String, String> metrics) {
  /** Longest accepted vector: all v4.0 metrics with their longest values fit in ~200 chars. */
  public static final int MAX_LENGTH = 512;

  public CvssVector {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public static CvssVector parse(String input) {
    Objects.requireNonNull(input, "vector");
    String text = input.strip();
    if (text.isEmpty()) {
      throw invalid(input, "empty vector");
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(text.substring(0, 40) + "...", "longer than " + MAX_LENGTH + " characters");
    }
    CvssVersion version;
    String body;
    if (text.startsWith("CVSS:")) {
      int slash = text.indexOf('/');
      String label = slash < 0 ? text.substring(5) : text.substring(5, slash);
      version =
          switch (label) {
            case "3.0" -> CvssVersion.V3_0;
            case "3.1" -> CvssVersion.V3_1;
            case "4.0" -> CvssVersion.V4_0;
            default -> throw invalid(text, "unsupported CVSS version '" + label + "'");
          };
      body = slash < 0 ? "" : text.substring(slash + 1);
    } else {
      version = CvssVersion.V2;
      body =
          text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
    }
    Map<String, CvssMetrics.Metric> table =
        switch (version) {
          case V2 -> CvssMetrics.V2;
          case V3_0, V3_1 -> CvssMetrics.V3;
          case V4_0 -> CvssMetrics.V4;
        };
    var metrics = new LinkedHashMap<String, String>();
    List<String> order = new ArrayList<>(table.keySet());
    int lastIndex = -1;
    for (String part : body.split("/", -1)) {
      int colon = part.indexOf(':');
      if (colon <= 0 || colon != part.lastIndexOf(':')) {
        throw invalid(text, "malformed metric '" + part + "' (expected KEY:VALUE)");
      }
      String key = part.substring(0, colon);
      String value = part.substring(colon + 1);
      CvssMetrics.Metric metric = table.get(key);
      if (metric == null) {
        throw invalid(text, "unknown metric '" + key + "' for CVSS " + version.label());
      }
      if (!metric.values().contains(value)) {
        throw invalid(text, "invalid value '" + value + "' for metric " + key);
      }
      if (metrics.put(key, value) != null) {
        throw invalid(text, "metric " + key + " given more than once");
      }
      int index = order.indexOf(key);
      if (version == CvssVersion.V4_0 && index < lastIndex) {
        throw invalid(text, "metric " + key + " out of the order required by CVSS 4.0");
      }
      lastIndex = index;
    }
    for (CvssMetrics.Metric metric : table.values()) {
      if (metric.mandatory() && !metrics.containsKey(metric.key())) {
        throw invalid(text, "base metric " + metric.key() + " is missing");
      }
    }
    return new CvssVector(version, text, metrics);
  }

  /** The vector rebuilt from the given metrics only, in specification order, with its prefix. */
  String canonical(Set<String> keep) {
    Map<String, CvssMetrics.Metric> table =
        switch (version) {
          case V2 -> CvssMetrics.V2;
          case V3_0, V3_1 -> CvssMetrics.V3;
          case V4_0 -> CvssMetrics.V4;
        };
    var parts = new ArrayList<String>();
    for (String key : table.keySet()) {
      String value = metrics.get(key);
      if (value != null && (table.get(key).mandatory() || keep.contains(key))) {
        parts.add(key + ":" + value);
      }
    }
    String prefix = version == CvssVersion.V2 ? "" : "CVSS:" + version.label() + "/";
    return prefix + String.join("/", parts);
  }

  /** Whether any of the keys is present with a value other than "not defined". */
  boolean definesAny(Set<String> keys) {
    return keys.stream()
        .map(metrics::get)
        .anyMatch(v -> v != null && !v.equals("X") && !v.equals("ND"));
  }

  private static InvalidInputException invalid(String vector, String reason) {
    return new InvalidInputException("invalid CVSS vector '" + vector + "': " + reason);
  }
}
