package dev.craft.server;

import dev.craft.core.Permission;

/**
 * What the layout needs on every page: who is signed in, what they may do, the CSRF token for
 * forms.
 */
public record PageInfo(
    String title,
    String username,
    String role,
    String csrf,
    boolean canWriteProducts,
    boolean canWriteReleases,
    boolean canReadAudit,
    boolean canAdmin) {

  static PageInfo of(String title, Principal p) {
    return new PageInfo(
        title,
        p.actor().username(),
        p.actor().role().wireName(),
        p.csrfToken(),
        p.can(Permission.PRODUCT_WRITE),
        p.can(Permission.RELEASE_WRITE),
        p.can(Permission.AUDIT_READ),
        p.can(Permission.USER_ADMIN));
  }

  static PageInfo anonymous(String title) {
    return new PageInfo(title, "", "", "", false, false, false, false);
  }

  public boolean signedIn() {
    return !username.isEmpty();
  }
}
