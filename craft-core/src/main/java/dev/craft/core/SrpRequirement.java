package dev.craft.core;

/**
 * How ENISA's single reporting platform (SRP) treats a field at one stage, as its glossary states
 * it.
 */
public enum SrpRequirement implements WireEnum {
  REQUIRED,
  OPTIONAL,
  /** "By default copied from previous step, or updated". */
  CARRIED,
  /** "Required if such information available". */
  REQUIRED_IF_AVAILABLE,
  NOT_APPLICABLE
}
