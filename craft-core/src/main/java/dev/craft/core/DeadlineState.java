package dev.craft.core;

/** Where one of a case's deadlines stands, as shown in lists, countdowns and the calendar. */
public enum DeadlineState implements WireEnum {
  OVERDUE,
  DUE_SOON,
  UPCOMING,
  /** The final report's anchor (measure available / notification submitted) is not known yet. */
  NO_DEADLINE_YET,
  SUBMITTED;

  static DeadlineState of(DueState state) {
    return switch (state) {
      case UPCOMING -> UPCOMING;
      case DUE_SOON -> DUE_SOON;
      case OVERDUE -> OVERDUE;
      case SUBMITTED -> SUBMITTED;
    };
  }

  /** Still needs doing. */
  public boolean pending() {
    return this == OVERDUE || this == DUE_SOON || this == UPCOMING;
  }
}
