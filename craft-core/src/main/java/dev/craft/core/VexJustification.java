package dev.craft.core;

/**
 * Why a product is not affected: the union of the OpenVEX/CSAF vocabulary (the five CISA labels,
 * CSAF flags) and the CycloneDX {@code analysis.justification} vocabulary, so that a statement
 * keeps the code its source used. {@link #NONE} means no justification was given.
 */
public enum VexJustification implements WireEnum {
  NONE(Vocabulary.BOTH),
  COMPONENT_NOT_PRESENT(Vocabulary.OPENVEX_CSAF),
  VULNERABLE_CODE_NOT_PRESENT(Vocabulary.OPENVEX_CSAF),
  VULNERABLE_CODE_NOT_IN_EXECUTE_PATH(Vocabulary.OPENVEX_CSAF),
  VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY(Vocabulary.OPENVEX_CSAF),
  INLINE_MITIGATIONS_ALREADY_EXIST(Vocabulary.OPENVEX_CSAF),
  CODE_NOT_PRESENT(Vocabulary.CYCLONEDX),
  CODE_NOT_REACHABLE(Vocabulary.CYCLONEDX),
  REQUIRES_CONFIGURATION(Vocabulary.CYCLONEDX),
  REQUIRES_DEPENDENCY(Vocabulary.CYCLONEDX),
  REQUIRES_ENVIRONMENT(Vocabulary.CYCLONEDX),
  PROTECTED_BY_COMPILER(Vocabulary.CYCLONEDX),
  PROTECTED_AT_RUNTIME(Vocabulary.CYCLONEDX),
  PROTECTED_AT_PERIMETER(Vocabulary.CYCLONEDX),
  PROTECTED_BY_MITIGATING_CONTROL(Vocabulary.CYCLONEDX);

  /** Which format family defines a code. */
  public enum Vocabulary {
    OPENVEX_CSAF,
    CYCLONEDX,
    BOTH
  }

  private final Vocabulary vocabulary;

  VexJustification(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The nearest OpenVEX/CSAF label (the table in docs/vex.md). Exact for the five shared labels;
   * the CycloneDX codes are folded into the closer, coarser label.
   */
  public VexJustification toOpenVex() {
    return switch (this) {
      case CODE_NOT_PRESENT -> VULNERABLE_CODE_NOT_PRESENT;
      case CODE_NOT_REACHABLE -> VULNERABLE_CODE_NOT_IN_EXECUTE_PATH;
      case REQUIRES_CONFIGURATION, REQUIRES_DEPENDENCY, REQUIRES_ENVIRONMENT ->
          VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY;
      case PROTECTED_BY_COMPILER,
          PROTECTED_AT_RUNTIME,
          PROTECTED_AT_PERIMETER,
          PROTECTED_BY_MITIGATING_CONTROL ->
          INLINE_MITIGATIONS_ALREADY_EXIST;
      default -> this;
    };
  }

  /** The nearest CycloneDX code (the table in docs/vex.md). */
  public VexJustification toCycloneDx() {
    return switch (this) {
      case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> CODE_NOT_PRESENT;
      case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> CODE_NOT_REACHABLE;
      case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY -> REQUIRES_ENVIRONMENT;
      case INLINE_MITIGATIONS_ALREADY_EXIST -> PROTECTED_BY_MITIGATING_CONTROL;
      default -> this;
    };
  }
}
