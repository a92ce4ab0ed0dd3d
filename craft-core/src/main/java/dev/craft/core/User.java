package dev.craft.core;

import java.time.Instant;

/** A local account. The password hash never leaves the store. */
public record User(
    long id,
    String username,
    String displayName,
    String email,
    Role role,
    boolean disabled,
    Instant createdAt) {

  public Actor actor() {
    return new Actor(id, username, role);
  }
}
