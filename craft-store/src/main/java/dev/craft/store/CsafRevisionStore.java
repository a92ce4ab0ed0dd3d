package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.NotFoundException;
import dev.craft.store.CsafStore.CsafRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Revisions of published CSAF advisories: the one revision being edited and every published one,
 * whose bytes and signature are kept unchanged after the advisory moved on.
 */
public final class CsafRevisionStore {
  private static final String COLUMNS =
      "id, advisory_id, number, status, summary, input, document, signature, sha256, created_by,"
          + " created_at, published_at";

  private final Jdbi jdbi;
  private final CsafStore advisories;

  public CsafRevisionStore(Jdbi jdbi, CsafStore advisories) {
    this.jdbi = jdbi;
    this.advisories = advisories;
  }

  /** A row of {@code csaf_revision}; {@code input} and {@code document} are JSON texts. */
  public record RevisionRow(
      long id,
      long advisoryId,
      String number,
      String status,
      String summary,
      String input,
      String document,
      String signature,
      String sha256,
      String createdBy,
      Instant createdAt,
      @Nullable Instant publishedAt) {
    public boolean published() {
      return "final".equals(status);
    }
  }

  /** Called by {@link CsafStore#publish}: the first publication is revision {@code number}. */
  static void insertPublished(
      Handle h, CsafRow row, String number, String summary, Instant at, String sha256, String by) {
    h.createUpdate(
            """
            INSERT INTO csaf_revision (advisory_id, number, status, summary, input, document,
                                       signature, sha256, created_by, created_at, published_at)
            VALUES (:a, :n, 'final', :s, :input, :doc, :sig, :sha, :by, :at, :at)
            """)
        .bind("a", row.id())
        .bind("n", number)
        .bind("s", summary)
        .bind("input", row.input())
        .bind("doc", row.document())
        .bind("sig", row.signature())
        .bind("sha", sha256)
        .bind("by", by)
        .bind("at", at)
        .execute();
  }

  /** Starts a revision of a published advisory; one at a time. */
  public RevisionRow start(
      Actor actor, long advisoryId, String number, String summary, String input, String doc) {
    return jdbi.inTransaction(
        h -> {
          CsafRow advisory = advisories.get(advisoryId);
          if (!advisory.published()) {
            throw new ConflictException(
                advisory.trackingId() + " is not published yet: edit the draft instead");
          }
          if (findDraft(advisoryId).isPresent()) {
            throw new ConflictException(
                advisory.trackingId() + " already has a revision being edited");
          }
          RevisionRow row =
              h.createQuery(
                      """
                      INSERT INTO csaf_revision (advisory_id, number, summary, input, document,
                                                 created_by)
                      VALUES (:a, :n, :s, :input, :doc, :by) RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("a", advisoryId)
                  .bind("n", number)
                  .bind("s", summary)
                  .bind("input", input)
                  .bind("doc", doc)
                  .bind("by", actor.username())
                  .mapTo(RevisionRow.class)
                  .one();
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.revise",
              "csaf_advisory",
              advisory.trackingId(),
              Map.of("number", number, "summary", summary));
          return row;
        });
  }

  /** Replaces the input, summary and document of the revision being edited. */
  public RevisionRow update(
      Actor actor, long advisoryId, String summary, String input, String doc) {
    return jdbi.inTransaction(
        h -> {
          CsafRow advisory = advisories.get(advisoryId);
          RevisionRow row =
              h.createQuery(
                      """
                      UPDATE csaf_revision SET summary = :s, input = :input, document = :doc
                      WHERE advisory_id = :a AND status = 'draft' RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("s", summary)
                  .bind("input", input)
                  .bind("doc", doc)
                  .bind("a", advisoryId)
                  .mapTo(RevisionRow.class)
                  .findOne()
                  .orElseThrow(() -> noDraft(advisory));
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.revision.update",
              "csaf_advisory",
              advisory.trackingId(),
              Map.of("number", row.number(), "summary", summary));
          return row;
        });
  }

  /**
   * Publishes the revision being edited: it keeps its bytes, and the advisory serves them (same
   * path, new hashes and signature) from now on.
   */
  public CsafRow publish(
      Actor actor,
      long advisoryId,
      String title,
      String doc,
      String signature,
      Instant at,
      String sha256) {
    return jdbi.inTransaction(
        h -> {
          CsafRow advisory = advisories.get(advisoryId);
          RevisionRow rev =
              h.createQuery(
                      """
                      UPDATE csaf_revision SET status = 'final', document = :doc, signature = :sig,
                        sha256 = :sha, published_at = :at
                      WHERE advisory_id = :a AND status = 'draft' RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("doc", doc)
                  .bind("sig", signature)
                  .bind("sha", sha256)
                  .bind("at", at)
                  .bind("a", advisoryId)
                  .mapTo(RevisionRow.class)
                  .findOne()
                  .orElseThrow(() -> noDraft(advisory));
          h.createUpdate(
                  """
                  UPDATE csaf_advisory SET title = :title, input = :input, document = :doc,
                    signature = :sig, revised_at = :at, updated_at = now()
                  WHERE id = :a AND status = 'final'
                  """)
              .bind("title", title)
              .bind("input", rev.input())
              .bind("doc", doc)
              .bind("sig", signature)
              .bind("at", at)
              .bind("a", advisoryId)
              .execute();
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.revision.publish",
              "csaf_advisory",
              advisory.trackingId(),
              Map.of("number", rev.number(), "tlp", advisory.tlp(), "sha256", sha256));
          return advisories.get(advisoryId);
        });
  }

  /** Abandons the revision being edited; the published revisions are untouched. */
  public void discard(Actor actor, long advisoryId) {
    jdbi.useTransaction(
        h -> {
          CsafRow advisory = advisories.get(advisoryId);
          RevisionRow row =
              h.createQuery(
                      "DELETE FROM csaf_revision WHERE advisory_id = :a AND status = 'draft'"
                          + " RETURNING "
                          + COLUMNS)
                  .bind("a", advisoryId)
                  .mapTo(RevisionRow.class)
                  .findOne()
                  .orElseThrow(() -> noDraft(advisory));
          AuditLog.append(
              h,
              actor,
              "csaf.advisory.revision.discard",
              "csaf_advisory",
              advisory.trackingId(),
              Map.of("number", row.number()));
        });
  }

  public Optional<RevisionRow> findDraft(long advisoryId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM csaf_revision WHERE advisory_id = :a AND status = 'draft'")
                .bind("a", advisoryId)
                .mapTo(RevisionRow.class)
                .findOne());
  }

  /** Every published revision, oldest first. */
  public List<RevisionRow> published(long advisoryId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM csaf_revision WHERE advisory_id = :a AND status = 'final'"
                        + " ORDER BY published_at, id")
                .bind("a", advisoryId)
                .mapTo(RevisionRow.class)
                .list());
  }

  /** One published revision by its number. */
  public RevisionRow get(long advisoryId, String number) {
    return published(advisoryId).stream()
        .filter(r -> r.number().equals(number))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("CSAF revision", number));
  }

  private static ConflictException noDraft(CsafRow advisory) {
    return new ConflictException(
        advisory.trackingId() + " has no revision being edited: revise it first");
  }
}
