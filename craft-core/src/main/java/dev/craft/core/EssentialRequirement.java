package dev.craft.core;

import java.util.Objects;

/**
 * One essential cybersecurity requirement of Annex I, worded as in the Regulation.
 *
 * @param id a stable id: "I-2-a" … "I-2-m" for Part I point (2)(a)–(m), "II-1" … "II-8" for Part II
 *     points (1)–(8)
 * @param basis where it is listed, e.g. "Annex I, Part I, point (2)(a)"
 * @param text the requirement as worded in the Regulation
 */
public record EssentialRequirement(String id, String basis, String text) {
  public EssentialRequirement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(text, "text");
  }

  /** Part I requirements are properties of the product; Part II ones are the manufacturer's. */
  public boolean partOne() {
    return id.startsWith("I-");
  }
}
