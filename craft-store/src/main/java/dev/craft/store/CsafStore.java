package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** CSAF advisories written in CRAFT: drafts that can be edited, and immutable published ones. */
public final class CsafStore {
  private static final String COLUMNS =
      "id, tracking_id, title, tlp, status, product_id, input, document, signature, created_by,"
          + " created_at, updated_at, published_at, revised_at";

  private final Jdbi jdbi;

  public CsafStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A row of {@code csaf_advisory}; {@code input} and {@code document} are JSON texts. */
  public record CsafRow(
      long id,
      String trackingId,
      String title,
      String tlp,
      String status,
      long productId,
      String input,
      String document,
      String signature,
      String createdBy,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant publishedAt,
      @Nullable Instant revisedAt) {
    public boolean published() {
      return "final".equals(status);
    }

    /** When the served document last changed: its latest revision, else its first publication. */
    public @Nullable Instant changedAt() {
      return revisedAt != null ? revisedAt : publishedAt;
    }
  }

  /**
   * Stores a new draft. The tracking id ({@code <prefix>-<year>-<n>}) is numbered per year inside
   * the transaction, and {@code document} receives it to build the JSON document.
   */
  public CsafRow create(
      Actor actor,
      String prefix,
      int year,
      String title,
      String tlp,
      long productId,
      String input,
      Function<String, String> document) {
    return jdbi.inTransaction(
        h -> {
          // Serialises numbering: two drafts in the same year must not get the same number.
          h.execute("LOCK TABLE csaf_advisory IN SHARE ROW EXCLUSIVE MODE");
          int seq =
              h.createQuery("SELECT coalesce(max(seq), 0) + 1 FROM csaf_advisory WHERE year = :y")
                  .bind("y", year)
                  .mapTo(Integer.class)
                  .one();
          String trackingId = prefix + "-" + year + "-" + seq;
          CsafRow row =
              h.createQuery(
                      """
                      INSERT INTO csaf_advisory (tracking_id, year, seq, title, tlp, product_id, input,
                                                 document, created_by)
                      VALUES (:tid, :year, :seq, :title, :tlp, :product, :input, :doc, :by)
                      RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("tid", trackingId)
                  .bind("year", year)
                  .bind("seq", seq)
                  .bind("title", title)
                  .bind("tlp", tlp)
                  .bind("product", productId)
                  .bind("input", input)
                  .bind("doc", document.apply(trackingId))
                  .bind("by", actor.username())
                  .mapTo(CsafRow.class)
                  .one();
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.create",
              "csaf_advisory",
              trackingId,
              Map.of("title", title, "tlp", tlp));
          return row;
        });
  }

  /** Replaces a draft's input and document; a published advisory is a conflict. */
  public CsafRow updateDraft(
      Actor actor, long id, String title, String tlp, long productId, String input, String doc) {
    return jdbi.inTransaction(
        h -> {
          requireDraft(get(id));
          CsafRow row =
              h.createQuery(
                      """
                      UPDATE csaf_advisory SET title = :title, tlp = :tlp, product_id = :product,
                        input = :input, document = :doc, updated_at = now()
                      WHERE id = :id AND status = 'draft' RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("title", title)
                  .bind("tlp", tlp)
                  .bind("product", productId)
                  .bind("input", input)
                  .bind("doc", doc)
                  .bind("id", id)
                  .mapTo(CsafRow.class)
                  .one();
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.update",
              "csaf_advisory",
              row.trackingId(),
              Map.of("title", title, "tlp", tlp));
          return row;
        });
  }

  /** Marks a validated draft final with its final document and signature. */
  public CsafRow publish(
      Actor actor, long id, String doc, String signature, Instant at, String sha256) {
    return jdbi.inTransaction(
        h -> {
          requireDraft(get(id));
          CsafRow row =
              h.createQuery(
                      """
                      UPDATE csaf_advisory SET status = 'final', document = :doc, signature = :sig,
                        published_at = :at, updated_at = now()
                      WHERE id = :id AND status = 'draft' RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("doc", doc)
                  .bind("sig", signature)
                  .bind("at", at)
                  .bind("id", id)
                  .mapTo(CsafRow.class)
                  .one();
          CsafRevisionStore.insertPublished(
              h, row, "1", "Initial version.", at, sha256, actor.username());
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.publish",
              "csaf_advisory",
              row.trackingId(),
              Map.of("tlp", row.tlp(), "sha256", sha256));
          return row;
        });
  }

  public CsafRow get(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM csaf_advisory WHERE id = :id")
                .bind("id", id)
                .mapTo(CsafRow.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException("CSAF advisory", id)));
  }

  public Optional<CsafRow> findByTrackingId(String trackingId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM csaf_advisory WHERE lower(tracking_id) = lower(:t)")
                .bind("t", trackingId)
                .mapTo(CsafRow.class)
                .findOne());
  }

  /** All advisories, newest first. */
  public List<CsafRow> list(int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM csaf_advisory ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(CsafRow.class)
                .list());
  }

  /** Published advisories of one TLP label, newest publication first. */
  public List<CsafRow> published(String tlp) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM csaf_advisory WHERE status = 'final' AND tlp = :tlp"
                        + " ORDER BY coalesce(revised_at, published_at) DESC, id DESC")
                .bind("tlp", tlp)
                .mapTo(CsafRow.class)
                .list());
  }

  private static void requireDraft(CsafRow row) {
    if (row.published()) {
      throw new ConflictException(
          "CSAF advisory " + row.trackingId() + " is published and can no longer be changed");
    }
  }
}
