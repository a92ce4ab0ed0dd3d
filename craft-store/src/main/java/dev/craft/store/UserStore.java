package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Role;
import dev.craft.core.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Local accounts. */
public final class UserStore {
  private final Jdbi jdbi;

  public UserStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public User create(
      Actor actor,
      String username,
      String displayName,
      String email,
      Role role,
      String passwordHash) {
    if (!username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new InvalidInputException(
          "username: 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
    }
    return Sql.inTransaction(
        jdbi,
        h -> {
          UserRow row =
              h.createQuery(
                      """
                      INSERT INTO app_user (username, display_name, email, password_hash, role)
                      VALUES (:username, :displayName, :email, :hash, :role) RETURNING *
                      """)
                  .bind("username", username)
                  .bind("displayName", displayName)
                  .bind("email", email)
                  .bind("hash", passwordHash)
                  .bind("role", role.wireName())
                  .mapTo(UserRow.class)
                  .one();
          User user = row.toUser();
          AuditLog.append(h, actor, "user.create", "user", Long.toString(user.id()), user);
          return user;
        },
        "a user named '" + username + "' already exists");
  }

  public Optional<UserRow> findRowByUsername(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM app_user WHERE username = :u")
                .bind("u", username)
                .mapTo(UserRow.class)
                .findOne());
  }

  public Optional<User> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM app_user WHERE id = :id")
                .bind("id", id)
                .mapTo(UserRow.class)
                .findOne()
                .map(UserRow::toUser));
  }

  public List<User> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM app_user ORDER BY username")
                .mapTo(UserRow.class)
                .map(UserRow::toUser)
                .list());
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM app_user").mapTo(Long.class).one());
  }

  public void setPasswordHash(Actor actor, long userId, String passwordHash) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("UPDATE app_user SET password_hash = :h WHERE id = :id")
              .bindMap(Map.of("h", passwordHash, "id", userId))
              .execute();
          AuditLog.append(
              h,
              actor,
              "user.password",
              "user",
              Long.toString(userId),
              "{\"passwordChanged\":true}");
        });
  }
}
