package dev.craft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.craft.core.Actor;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.Recorded;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The free-text facts of Annexes II, V and VII per product, audited on every change. */
public final class DocumentationStore {
  private final Jdbi jdbi;

  public DocumentationStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Recorded<DocumentationFacts> save(Actor actor, long productId, DocumentationFacts facts) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          var at =
              h.createQuery(
                      """
                      INSERT INTO product_documentation (product_id, facts, updated_by)
                      VALUES (:p, CAST(:facts AS jsonb), :by)
                      ON CONFLICT (product_id) DO UPDATE SET facts = excluded.facts,
                          updated_by = excluded.updated_by, updated_at = now()
                      RETURNING updated_at
                      """)
                  .bind("p", productId)
                  .bind("facts", CraftJson.write(facts))
                  .bind("by", actor.username())
                  .mapTo(java.time.Instant.class)
                  .one();
          AuditLog.append(
              h, actor, "compliance.documentation.set", "product", Long.toString(productId), facts);
          return new Recorded<>(facts, actor.username(), at);
        });
  }

  public Optional<Recorded<DocumentationFacts>> find(Actor actor, long productId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  "SELECT facts::text, updated_by, updated_at FROM product_documentation WHERE product_id = :p")
              .bind("p", productId)
              .map(
                  (rs, ctx) ->
                      new Recorded<>(
                          read(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant()))
              .findOne();
        });
  }

  /** The recorded facts, or {@link DocumentationFacts#empty()} when none are recorded. */
  public DocumentationFacts get(Actor actor, long productId) {
    return find(actor, productId).map(Recorded::value).orElseGet(DocumentationFacts::empty);
  }

  private static DocumentationFacts read(String json) {
    try {
      return CraftJson.mapper().readValue(json, DocumentationFacts.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored documentation facts are not readable", e);
    }
  }
}
