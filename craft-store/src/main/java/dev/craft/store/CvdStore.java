package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** Vulnerability reports from outside researchers and the conversation about each. */
public final class CvdStore {
  private static final String COLUMNS =
      "id, product_name, affected_version, title, description, reporter_name, reporter_email, credit_as,"
          + " status, received_at, ack_due_at, acknowledged_at, acknowledged_by, embargo_until, encrypted";
  private static final List<String> STATUSES =
      List.of("received", "acknowledged", "triaged", "resolved", "rejected");

  private final Jdbi jdbi;

  public CvdStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What a researcher submits; all texts already validated and bounded by the caller. */
  public record Submission(
      String productName,
      String affectedVersion,
      String title,
      String description,
      String reporterName,
      String reporterEmail,
      String creditAs,
      boolean encrypted) {}

  public CvdReportRow receive(
      Submission s, String trackingHash, String clientIp, Instant ackDueAt) {
    return jdbi.inTransaction(
        h -> {
          CvdReportRow row =
              h.createQuery(
                      """
                      INSERT INTO cvd_report (tracking_hash, product_name, affected_version, title, description,
                                              reporter_name, reporter_email, credit_as, client_ip, ack_due_at, encrypted)
                      VALUES (:hash, :product, :version, :title, :description, :name, :email, :credit, :ip, :due,
                              :encrypted)
                      RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("hash", trackingHash)
                  .bind("product", s.productName())
                  .bind("version", s.affectedVersion())
                  .bind("title", s.title())
                  .bind("description", s.description())
                  .bind("name", s.reporterName())
                  .bind("email", s.reporterEmail())
                  .bind("credit", s.creditAs())
                  .bind("ip", clientIp)
                  .bind("due", ackDueAt)
                  .bind("encrypted", s.encrypted())
                  .mapTo(CvdReportRow.class)
                  .one();
          // The report text itself is not copied into the audit log: it may be embargoed.
          AuditLog.append(
              h,
              new Actor(0, "reporter", dev.craft.core.Role.AUDITOR),
              "cvd.report.receive",
              "cvd_report",
              Long.toString(row.id()),
              Map.of(
                  "title",
                  row.title(),
                  "ackDueAt",
                  row.ackDueAt().toString(),
                  "encrypted",
                  row.encrypted()));
          return row;
        });
  }

  /** Reports received from this address since {@code since}: the public form's rate limit. */
  public int recentFromAddress(String clientIp, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM cvd_report WHERE client_ip = :ip AND received_at > :since")
                .bind("ip", clientIp)
                .bind("since", since)
                .mapTo(Integer.class)
                .one());
  }

  public Optional<CvdReportRow> findByTracking(String trackingHash) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM cvd_report WHERE tracking_hash = :h")
                .bind("h", trackingHash)
                .mapTo(CvdReportRow.class)
                .findOne());
  }

  public CvdReportRow get(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM cvd_report WHERE id = :id")
                .bind("id", id)
                .mapTo(CvdReportRow.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException("CVD report", id)));
  }

  /** Unacknowledged reports first, by acknowledgement due time, then the rest newest first. */
  public List<CvdReportRow> list(int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM cvd_report ORDER BY (acknowledged_at IS NOT NULL), ack_due_at,"
                        + " received_at DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(CvdReportRow.class)
                .list());
  }

  public List<CvdMessageRow> messages(long reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM cvd_message WHERE report_id = :r ORDER BY at, id")
                .bind("r", reportId)
                .mapTo(CvdMessageRow.class)
                .list());
  }

  /** Adds a message; a vendor message is audited under the acting user. */
  public CvdMessageRow addMessage(
      @Nullable Actor vendor, long reportId, String authorName, String body) {
    return jdbi.inTransaction(
        h -> {
          CvdMessageRow row =
              h.createQuery(
                      """
                      INSERT INTO cvd_message (report_id, author, author_name, body)
                      VALUES (:r, :author, :name, :body) RETURNING *
                      """)
                  .bind("r", reportId)
                  .bind("author", vendor == null ? "reporter" : "vendor")
                  .bind("name", authorName)
                  .bind("body", body)
                  .mapTo(CvdMessageRow.class)
                  .one();
          if (vendor != null) {
            AuditLog.append(
                h,
                vendor,
                "cvd.message",
                "cvd_report",
                Long.toString(reportId),
                Map.of("messageId", row.id()));
          }
          return row;
        });
  }

  /**
   * Acknowledges receipt (once), optionally moves the status and sets or clears the embargo date.
   */
  public CvdReportRow update(
      Actor actor,
      long id,
      boolean acknowledge,
      @Nullable String status,
      @Nullable LocalDate embargoUntil,
      boolean clearEmbargo) {
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidInputException("status: one of " + STATUSES);
    }
    return jdbi.inTransaction(
        h -> {
          get(id);
          CvdReportRow row =
              h.createQuery(
                      """
                      UPDATE cvd_report SET
                        acknowledged_at = CASE WHEN :ack AND acknowledged_at IS NULL THEN now() ELSE acknowledged_at END,
                        acknowledged_by = CASE WHEN :ack AND acknowledged_at IS NULL THEN :by ELSE acknowledged_by END,
                        status = CASE WHEN :ack AND coalesce(:status, status) = 'received' THEN 'acknowledged'
                                      ELSE coalesce(:status, status) END,
                        embargo_until = CASE WHEN :clear THEN NULL ELSE coalesce(:embargo, embargo_until) END
                      WHERE id = :id RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("ack", acknowledge)
                  .bind("by", actor.username())
                  .bind("status", status)
                  .bind("embargo", embargoUntil)
                  .bind("clear", clearEmbargo)
                  .bind("id", id)
                  .mapTo(CvdReportRow.class)
                  .one();
          AuditLog.append(
              h,
              actor,
              "cvd.report.update",
              "cvd_report",
              Long.toString(id),
              Map.of(
                  "status", row.status(),
                  "acknowledgedAt", String.valueOf(row.acknowledgedAt()),
                  "embargoUntil", String.valueOf(row.embargoUntil())));
          return row;
        });
  }
}
