package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.Product;
import dev.craft.core.ProductDraft;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Products, scoped to what the acting user may see (admins and auditors: all; others: their
 * teams').
 */
public final class ProductStore {
  private final Jdbi jdbi;

  public ProductStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Creates a product; the creator's teams get access to it so that the creator can see what they
   * made.
   */
  public Product create(Actor actor, ProductDraft draft) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          ProductRow row =
              bindDraft(
                      h.createQuery(
                          """
                          INSERT INTO product (name, description, manufacturer_role, type,
                                               intended_purpose, website, security_contact)
                          VALUES (:name, :description, :manufacturerRole, :type,
                                  :intendedPurpose, :website, :securityContact)
                          RETURNING *
                          """),
                      draft)
                  .mapTo(ProductRow.class)
                  .one();
          h.createUpdate(
                  """
                  INSERT INTO product_team (product_id, team_id)
                  SELECT :product, team_id FROM team_member WHERE user_id = :user
                  """)
              .bind("product", row.id())
              .bind("user", actor.userId())
              .execute();
          Product product = row.toProduct();
          AuditLog.append(h, actor, "product.create", "product", idOf(product), product);
          return product;
        },
        "a product named '" + draft.name() + "' already exists");
  }

  public Product update(Actor actor, long id, ProductDraft draft) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          requireVisible(h, actor, id);
          ProductRow row =
              bindDraft(
                      h.createQuery(
                          """
                          UPDATE product SET name = :name, description = :description,
                                 manufacturer_role = :manufacturerRole, type = :type,
                                 intended_purpose = :intendedPurpose, website = :website,
                                 security_contact = :securityContact, updated_at = now()
                          WHERE id = :id RETURNING *
                          """),
                      draft)
                  .bind("id", id)
                  .mapTo(ProductRow.class)
                  .one();
          Product product = row.toProduct();
          AuditLog.append(h, actor, "product.update", "product", idOf(product), product);
          return product;
        },
        "a product named '" + draft.name() + "' already exists");
  }

  public Product setArchived(Actor actor, long id, boolean archived) {
    return jdbi.inTransaction(
        h -> {
          requireVisible(h, actor, id);
          Product product =
              h.createQuery(
                      "UPDATE product SET archived = :a, updated_at = now() WHERE id = :id RETURNING *")
                  .bind("a", archived)
                  .bind("id", id)
                  .mapTo(ProductRow.class)
                  .one()
                  .toProduct();
          AuditLog.append(
              h,
              actor,
              archived ? "product.archive" : "product.unarchive",
              "product",
              idOf(product),
              product);
          return product;
        });
  }

  public Optional<Product> find(Actor actor, long id) {
    return jdbi.withHandle(h -> find(h, actor, id));
  }

  /**
   * The product, or {@link NotFoundException} when it does not exist or the actor may not see it.
   */
  public Product get(Actor actor, long id) {
    return find(actor, id).orElseThrow(() -> new NotFoundException("product", id));
  }

  public List<Product> list(Actor actor, boolean includeArchived, int limit, int offset) {
    return jdbi.withHandle(
        h -> {
          String sql =
              "SELECT p.* FROM product p WHERE (:all OR "
                  + Sql.VISIBLE_TO_USER
                  + ") AND (:archived OR NOT p.archived) ORDER BY lower(p.name) LIMIT :limit OFFSET :offset";
          return h.createQuery(sql)
              .bind("all", actor.role().seesAllProducts())
              .bind("viewerId", actor.userId())
              .bind("archived", includeArchived)
              .bind("limit", limit)
              .bind("offset", offset)
              .mapTo(ProductRow.class)
              .map(ProductRow::toProduct)
              .list();
        });
  }

  /** Gives a team access to a product. */
  public void grantTeam(Actor actor, long productId, long teamId) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO product_team (product_id, team_id) VALUES (:p, :t) ON CONFLICT DO NOTHING")
              .bind("p", productId)
              .bind("t", teamId)
              .execute();
          AuditLog.append(
              h,
              actor,
              "product.grant-team",
              "product",
              Long.toString(productId),
              "{\"teamId\":" + teamId + "}");
        });
  }

  static Optional<Product> find(Handle h, Actor actor, long id) {
    return h.createQuery(
            "SELECT p.* FROM product p WHERE p.id = :id AND (:all OR " + Sql.VISIBLE_TO_USER + ")")
        .bind("id", id)
        .bind("all", actor.role().seesAllProducts())
        .bind("viewerId", actor.userId())
        .mapTo(ProductRow.class)
        .map(ProductRow::toProduct)
        .findOne();
  }

  static Product requireVisible(Handle h, Actor actor, long id) {
    return find(h, actor, id).orElseThrow(() -> new NotFoundException("product", id));
  }

  private static <S extends SqlStatement<S>> S bindDraft(S statement, ProductDraft d) {
    return statement
        .bind("name", d.name())
        .bind("description", d.description())
        .bind("manufacturerRole", d.manufacturerRole().wireName())
        .bind("type", d.type().wireName())
        .bind("intendedPurpose", d.intendedPurpose())
        .bind("website", d.website())
        .bind("securityContact", d.securityContact());
  }

  private static String idOf(Product p) {
    return Long.toString(p.id());
  }
}
