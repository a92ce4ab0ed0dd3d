package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Release;
import dev.craft.core.ReleaseStatus;
import dev.craft.core.RetentionGuard;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Deletes a release only when no retention duty holds it (Art. 13(9), 13(13), 13(18)), with its
 * risk-assessment revisions. A release that was placed on the market stays until its horizon;
 * archiving the product is always possible instead.
 */
public final class ReleaseRemoval {
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final Jdbi jdbi;

  public ReleaseRemoval(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void delete(Actor actor, long productId, long releaseId, LocalDate today) {
    try {
      deleteChecked(actor, productId, releaseId, today);
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException sql
          && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
        throw new ConflictException(
            "release " + releaseId + " is still referenced by other records");
      }
      throw e;
    }
  }

  private void deleteChecked(Actor actor, long productId, long releaseId, LocalDate today) {
    jdbi.useTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Release release =
              h.createQuery("SELECT * FROM release WHERE id = :r AND product_id = :p FOR UPDATE")
                  .bind("r", releaseId)
                  .bind("p", productId)
                  .mapTo(ReleaseRow.class)
                  .findOne()
                  .orElseThrow(() -> new NotFoundException("release", releaseId))
                  .toRelease();
          Optional<LocalDate> placed = Optional.ofNullable(release.placedOnMarket());
          if (placed.isEmpty() && wasSupplied(release.status())) {
            throw new ConflictException(
                "release "
                    + release.version()
                    + " is "
                    + release.status().wireName()
                    + " but has no placing-on-market date, so its retention horizon (Art. 13(13))"
                    + " cannot be established; record the date or archive instead");
          }
          Optional<LocalDate> supportEnd =
              h.createQuery("SELECT end_date FROM product_support_period WHERE product_id = :p")
                  .bind("p", productId)
                  .mapTo(LocalDate.class)
                  .findOne();
          Optional<LocalDate> issued = Optional.ofNullable(release.releaseDate()).or(() -> placed);
          RetentionGuard.checkDeletable(
              "release " + release.version(), placed, supportEnd, issued, today);
          h.createUpdate("DELETE FROM risk_assessment WHERE release_id = :r")
              .bind("r", releaseId)
              .execute();
          h.createUpdate("DELETE FROM release WHERE id = :r").bind("r", releaseId).execute();
          AuditLog.append(h, actor, "release.delete", "release", Long.toString(releaseId), release);
        });
  }

  private static boolean wasSupplied(ReleaseStatus status) {
    return status != ReleaseStatus.PLANNED && status != ReleaseStatus.IN_DEVELOPMENT;
  }
}
