package dev.craft.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Art. 14(7): the Member State whose CSIRT designated as coordinator receives the notifications.
 *
 * <ol>
 *   <li>Main establishment in the Union: where cybersecurity decisions are predominantly taken; if
 *       that cannot be determined, the establishment with the highest number of employees.
 *   <li>No main establishment in the Union, in this order: (a) the authorised representative acting
 *       for the most products, (b) the importer placing the most products on the market, (c) the
 *       distributor making the most products available, (d) the most users.
 * </ol>
 */
public final class CoordinatorRouting {
  private CoordinatorRouting() {}

  /** Empty when none of the facts is known: the coordinator cannot be determined yet. */
  public static Optional<CoordinatorRoute> route(RoutingFacts f) {
    return first(
            f.decisionsTakenIn(),
            "Art. 14(7), second subparagraph",
            "main establishment: cybersecurity decisions are predominantly taken there")
        .or(
            () ->
                first(
                    f.mostEmployeesIn(),
                    "Art. 14(7), second subparagraph",
                    "main establishment: where decisions are taken cannot be determined, so the"
                        + " establishment with the highest number of employees in the Union"))
        .or(
            () ->
                first(
                    f.authorisedRepresentativeIn(),
                    "Art. 14(7), third subparagraph, point (a)",
                    "no main establishment in the Union: authorised representative acting for the"
                        + " highest number of products"))
        .or(
            () ->
                first(
                    f.importerIn(),
                    "Art. 14(7), third subparagraph, point (b)",
                    "no main establishment in the Union and no authorised representative: importer"
                        + " placing the highest number of products on the market"))
        .or(
            () ->
                first(
                    f.distributorIn(),
                    "Art. 14(7), third subparagraph, point (c)",
                    "no main establishment, authorised representative or importer in the Union:"
                        + " distributor making the highest number of products available"))
        .or(
            () ->
                first(
                    f.mostUsersIn(),
                    "Art. 14(7), third subparagraph, point (d)",
                    "Member State with the highest number of users; later notifications may go to"
                        + " the same coordinator (Art. 14(7), fourth subparagraph)"));
  }

  private static Optional<CoordinatorRoute> first(
      @Nullable MemberState state, String basis, String reason) {
    if (state == null) {
      return Optional.empty();
    }
    return Optional.of(new CoordinatorRoute(state, Coordinators.of(state), basis, reason));
  }
}
