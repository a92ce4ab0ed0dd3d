package dev.craft.core;

import java.util.Objects;

/**
 * A Member State's national CSIRT, the candidate for "CSIRT designated as coordinator" (Art. 3(51),
 * NIS2 Art. 12(1)).
 *
 * @param verified true only when the name was checked against a primary source CRAFT keeps; see
 *     {@link Coordinators#SOURCE}
 */
public record Csirt(MemberState state, String name, boolean verified, String note) {
  public Csirt {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(note, "note");
  }
}
