package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.ForbiddenException;
import dev.craft.core.Permission;

/**
 * The authenticated caller of one request. {@code csrfToken} is set for cookie sessions, which must
 * echo it on every state-changing request; bearer-token calls carry no ambient credentials and need
 * none.
 */
record Principal(Actor actor, String displayName, boolean viaSession, String csrfToken) {

  void require(Permission permission) {
    if (!actor.can(permission)) {
      throw new ForbiddenException(
          "role '"
              + actor.role().wireName()
              + "' may not do this (needs "
              + permission.name().toLowerCase(java.util.Locale.ROOT)
              + ")");
    }
  }

  boolean can(Permission permission) {
    return actor.can(permission);
  }
}
