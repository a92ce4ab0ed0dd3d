package dev.craft.server;

import dev.craft.core.CaseDeadline;

/** One deadline of one case in the portfolio's deadline calendar. */
public record CalendarEntry(
    long caseId, String caseTitle, CaseDeadline deadline, long remainingSeconds) {}
