package dev.craft.core;

/** The input form of an SRP field. */
public enum SrpFormat implements WireEnum {
  TEXT,
  DATE_TIME,
  /** One of {@link SrpField#options()}. */
  CHOICE,
  /** Several Member States or several options. */
  MULTI_CHOICE,
  /** Filled in by the platform itself (e.g. the manufacturer's registered name). */
  SYSTEM
}
