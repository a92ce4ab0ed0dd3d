package dev.craft.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do in CRAFT. Product-scoped permissions are further limited by team membership
 * (see {@link #seesAllProducts()}).
 */
public enum Role implements WireEnum {
  ADMIN(EnumSet.allOf(Permission.class)),
  PSIRT(
      EnumSet.of(
          Permission.PRODUCT_READ, Permission.RELEASE_WRITE, Permission.VULNERABILITY_WRITE)),
  COMPLIANCE(
      EnumSet.of(
          Permission.PRODUCT_READ,
          Permission.PRODUCT_WRITE,
          Permission.RELEASE_WRITE,
          Permission.COMPLIANCE_WRITE)),
  DEVELOPER(EnumSet.of(Permission.PRODUCT_READ, Permission.RELEASE_WRITE)),
  /** Read-only access to everything, including the audit log. */
  AUDITOR(EnumSet.of(Permission.PRODUCT_READ, Permission.AUDIT_READ));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  /** Admins and auditors see every product; the other roles see the products of their teams. */
  public boolean seesAllProducts() {
    return this == ADMIN || this == AUDITOR;
  }

  public static Role fromWire(String value) {
    return WireEnum.parse(Role.class, "role", value);
  }
}
