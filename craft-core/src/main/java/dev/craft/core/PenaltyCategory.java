package dev.craft.core;

import java.math.BigDecimal;
import java.util.Locale;

/** The three ceilings of administrative fines in Art. 64(2)–(4). */
public enum PenaltyCategory {
  /** Annex I essential requirements, Art. 13 and Art. 14 (Art. 64(2)). */
  ESSENTIAL(
      "essential",
      15_000_000L,
      "2.5",
      "Art. 64(2)",
      "non-compliance with the essential cybersecurity requirements of Annex I and the"
          + " obligations of Articles 13 and 14"),
  /** The other obligations listed in Art. 64(3). */
  OTHER(
      "other",
      10_000_000L,
      "2",
      "Art. 64(3)",
      "non-compliance with Articles 18 to 23, 28, 30(1) to (4), 31(1) to (4), 32(1), (2) and"
          + " (3), 33(5), 39, 41, 47, 49 and 53"),
  /** Incorrect, incomplete or misleading information in reply to a request (Art. 64(4)). */
  MISLEADING(
      "misleading",
      5_000_000L,
      "1",
      "Art. 64(4)",
      "incorrect, incomplete or misleading information to notified bodies and market"
          + " surveillance authorities in reply to a request");

  private final String id;
  private final BigDecimal fixedCapEur;
  private final BigDecimal turnoverPercent;
  private final String basis;
  private final String infringement;

  PenaltyCategory(
      String id, long fixedCapEur, String turnoverPercent, String basis, String infringement) {
    this.id = id;
    this.fixedCapEur = BigDecimal.valueOf(fixedCapEur);
    this.turnoverPercent = new BigDecimal(turnoverPercent);
    this.basis = basis;
    this.infringement = infringement;
  }

  public String id() {
    return id;
  }

  public BigDecimal fixedCapEur() {
    return fixedCapEur;
  }

  /** Percent of the total worldwide annual turnover for the preceding financial year. */
  public BigDecimal turnoverPercent() {
    return turnoverPercent;
  }

  public String basis() {
    return basis;
  }

  public String infringement() {
    return infringement;
  }

  public static PenaltyCategory parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (PenaltyCategory c : values()) {
      if (c.id.equals(wanted)) {
        return c;
      }
    }
    throw new InvalidInputException(
        "unknown penalty category '" + text + "' (expected essential, other or misleading)");
  }
}
