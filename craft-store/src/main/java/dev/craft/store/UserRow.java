package dev.craft.store;

import dev.craft.core.Role;
import dev.craft.core.User;
import java.time.Instant;

/** A row of {@code app_user}. */
public record UserRow(
    long id,
    String username,
    String displayName,
    String email,
    String passwordHash,
    String role,
    boolean disabled,
    Instant createdAt) {

  public User toUser() {
    return new User(id, username, displayName, email, Role.fromWire(role), disabled, createdAt);
  }
}
