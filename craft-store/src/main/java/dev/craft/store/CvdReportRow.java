package dev.craft.store;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code cvd_report} (without the tracking digest). When {@code encrypted}, the
 * description is the ASCII-armored OpenPGP message as received.
 */
public record CvdReportRow(
    long id,
    String productName,
    String affectedVersion,
    String title,
    String description,
    String reporterName,
    String reporterEmail,
    String creditAs,
    String status,
    Instant receivedAt,
    Instant ackDueAt,
    @Nullable Instant acknowledgedAt,
    @Nullable String acknowledgedBy,
    @Nullable LocalDate embargoUntil,
    boolean encrypted) {}
