package dev.craft.core;

/** Qualitative severity ratings of a CVSS score. */
public enum CvssSeverity {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * The rating for a score of the given version. v3.x and v4.0 use the scale of their
   * specifications (None 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0). The v2
   * specification defines no ratings; v2 uses NVD's scale (Low 0.0–3.9, Medium 4.0–6.9, High
   * 7.0–10.0), which is what v2 ratings in advisories mean.
   */
  public static CvssSeverity of(CvssVersion version, double score) {
    if (score < 0.0 || score > 10.0) {
      throw new IllegalArgumentException("CVSS score out of range: " + score);
    }
    if (version == CvssVersion.V2) {
      return score < 4.0 ? LOW : score < 7.0 ? MEDIUM : HIGH;
    }
    if (score == 0.0) {
      return NONE;
    }
    return score < 4.0 ? LOW : score < 7.0 ? MEDIUM : score < 9.0 ? HIGH : CRITICAL;
  }
}
