package dev.craft.core;

import java.util.Objects;

/**
 * The coordinator that receives a case's notifications, and why.
 *
 * @param basis the paragraph and point, e.g. "Art. 14(7), first subparagraph"
 */
public record CoordinatorRoute(MemberState state, Csirt csirt, String basis, String reason) {
  public CoordinatorRoute {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(csirt, "csirt");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(reason, "reason");
  }
}
