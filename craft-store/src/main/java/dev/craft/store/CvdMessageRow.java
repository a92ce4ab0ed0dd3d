package dev.craft.store;

import java.time.Instant;

/** A row of {@code cvd_message}: one message of the conversation between reporter and vendor. */
public record CvdMessageRow(
    long id, long reportId, String author, String authorName, String body, Instant at) {}
