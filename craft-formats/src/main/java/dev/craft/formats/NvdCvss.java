package dev.craft.formats;

import java.util.Objects;

/**
 * One CVSS metric of an NVD CVE ({@code metrics.cvssMetricV2/V30/V31/V40[]}).
 *
 * @param version {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the {@code vectorString} as published (v2 vectors have no prefix)
 * @param baseScore the published base score, -1 when absent
 * @param source who scored it ({@code nvd@nist.gov} or a CNA's address)
 * @param type {@code Primary} (NVD's own) or {@code Secondary} (the CNA's)
 */
public record NvdCvss(String version, String vector, double baseScore, String source, String type) {
  public NvdCvss {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
  }

  public boolean primary() {
    return type.equalsIgnoreCase("Primary");
  }

  /** The vector in OSV's form: CVSS v2 vectors get no prefix, v3/v4 ones keep theirs. */
  public OsvSeverity toOsv() {
    String osvType =
        switch (version) {
          case "2.0" -> "CVSS_V2";
          case "4.0" -> "CVSS_V4";
          default -> "CVSS_V3";
        };
    return new OsvSeverity(osvType, vector);
  }
}
