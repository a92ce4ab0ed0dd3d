package dev.craft.formats;

import java.util.Objects;

/**
 * One statement that two identifiers name the same vulnerability: record {@code declaredBy} (read
 * from {@code source}) lists {@code alias} among its aliases.
 */
public record AliasLink(String declaredBy, String alias, String source) {
  public AliasLink {
    Objects.requireNonNull(declaredBy, "declaredBy");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(source, "source");
  }
}
