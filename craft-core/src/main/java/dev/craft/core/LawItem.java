package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * One piece of content that Art. 14 requires at a stage, with the SRP fields that carry it.
 *
 * @param basis e.g. "Art. 14(2)(b)"
 * @param text what the law asks for, in its words
 * @param conditional true where the law qualifies it ("where applicable", "as available", "where
 *     available"): missing content is then a warning, not a gap
 * @param fields the SRP field keys that hold it; any one filled satisfies the item
 */
public record LawItem(String basis, String text, boolean conditional, List<String> fields) {
  public LawItem {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(text, "text");
    fields = List.copyOf(fields);
  }
}
