package dev.craft.core;

/** Who is acting: the signed-in user or the owner of an API token, or the system itself. */
public record Actor(long userId, String username, Role role) {
  /** Changes made by CRAFT itself (first start, demo data, schedulers). */
  public static final Actor SYSTEM = new Actor(0, "system", Role.ADMIN);

  public boolean can(Permission permission) {
    return role.can(permission);
  }
}
