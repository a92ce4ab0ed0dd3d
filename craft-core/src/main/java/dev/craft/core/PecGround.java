package dev.craft.core;

/**
 * The "particularly exceptional circumstances" of Art. 16(2), third subparagraph, that a
 * manufacturer may indicate in the vulnerability notification (Art. 14(2)(b)); while they hold,
 * only limited information is made available to ENISA until the full notification is disseminated.
 * SRP fields v28/v29.
 */
public enum PecGround implements WireEnum {
  /** Art. 16(2)(a): exploited in no other Member State than the one of the coordinator. */
  EXPLOITED_ONLY_IN_COORDINATOR_STATE(
      "Art. 16(2)(a)",
      "the vulnerability has been actively exploited by a malicious actor and, according to the"
          + " information available, in no other Member State than the one of the CSIRT designated"
          + " as coordinator"),
  /** Art. 16(2)(b): further dissemination contrary to that Member State's essential interests. */
  ESSENTIAL_INTERESTS_OF_STATE(
      "Art. 16(2)(b)",
      "any immediate further dissemination would likely result in the supply of information the"
          + " disclosure of which would be contrary to the essential interests of that Member State"),
  /** Art. 16(2)(c): imminent high cybersecurity risk stemming from further dissemination. */
  IMMINENT_HIGH_RISK(
      "Art. 16(2)(c)",
      "the vulnerability poses an imminent high cybersecurity risk stemming from the further"
          + " dissemination");

  private final String basis;
  private final String text;

  PecGround(String basis, String text) {
    this.basis = basis;
    this.text = text;
  }

  public String basis() {
    return basis;
  }

  public String text() {
    return text;
  }

  public static PecGround fromWire(String value) {
    return WireEnum.parse(PecGround.class, "pecGrounds", value);
  }
}
