package dev.craft.server;

import java.util.List;
import java.util.Objects;

/** A heading of a generated document and its items. */
public record DocSection(String heading, List<DocItem> items) {
  public DocSection {
    Objects.requireNonNull(heading, "heading");
    items = List.copyOf(items);
  }
}
