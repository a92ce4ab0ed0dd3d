package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.Release;
import dev.craft.core.ReleaseDraft;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/** Releases of the products the acting user can see. */
public final class ReleaseStore {
  private final Jdbi jdbi;

  public ReleaseStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Release create(Actor actor, long productId, ReleaseDraft draft) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Release release =
              bindDraft(
                      h.createQuery(
                          """
                          INSERT INTO release (product_id, version, release_date, placed_on_market, status)
                          VALUES (:productId, :version, :releaseDate, :placedOnMarket, :status)
                          RETURNING *
                          """),
                      draft)
                  .bind("productId", productId)
                  .mapTo(ReleaseRow.class)
                  .one()
                  .toRelease();
          TriageStore.refreshRanges(h, productId);
          AuditLog.append(
              h, actor, "release.create", "release", Long.toString(release.id()), release);
          return release;
        },
        "release " + draft.version() + " already exists for this product");
  }

  public Release update(Actor actor, long productId, long releaseId, ReleaseDraft draft) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          ReleaseGate.check(h, releaseId, draft);
          Release release =
              bindDraft(
                      h.createQuery(
                          """
                          UPDATE release SET version = :version, release_date = :releaseDate,
                                 placed_on_market = :placedOnMarket, status = :status, updated_at = now()
                          WHERE id = :id AND product_id = :productId RETURNING *
                          """),
                      draft)
                  .bind("id", releaseId)
                  .bind("productId", productId)
                  .mapTo(ReleaseRow.class)
                  .findOne()
                  .orElseThrow(() -> new NotFoundException("release", releaseId))
                  .toRelease();
          TriageStore.refreshRanges(h, productId);
          AuditLog.append(
              h, actor, "release.update", "release", Long.toString(release.id()), release);
          return release;
        },
        "release " + draft.version() + " already exists for this product");
  }

  public List<Release> list(Actor actor, long productId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  """
                  SELECT * FROM release WHERE product_id = :p
                  ORDER BY coalesce(release_date, created_at::date) DESC, id DESC
                  """)
              .bind("p", productId)
              .mapTo(ReleaseRow.class)
              .map(ReleaseRow::toRelease)
              .list();
        });
  }

  public Optional<Release> find(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery("SELECT * FROM release WHERE id = :id AND product_id = :p")
              .bind("id", releaseId)
              .bind("p", productId)
              .mapTo(ReleaseRow.class)
              .map(ReleaseRow::toRelease)
              .findOne();
        });
  }

  public Release get(Actor actor, long productId, long releaseId) {
    return find(actor, productId, releaseId)
        .orElseThrow(() -> new NotFoundException("release", releaseId));
  }

  private static <S extends SqlStatement<S>> S bindDraft(S statement, ReleaseDraft d) {
    return statement
        .bind("version", d.version())
        .bind("releaseDate", d.releaseDate())
        .bind("placedOnMarket", d.placedOnMarket())
        .bind("status", d.status().wireName());
  }
}
