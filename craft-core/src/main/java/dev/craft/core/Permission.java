package dev.craft.core;

/** A capability granted by a {@link Role}. */
public enum Permission {
  PRODUCT_READ,
  PRODUCT_WRITE,
  RELEASE_WRITE,
  VULNERABILITY_WRITE,
  COMPLIANCE_WRITE,
  AUDIT_READ,
  USER_ADMIN
}
