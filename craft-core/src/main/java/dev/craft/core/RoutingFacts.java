package dev.craft.core;

import org.jspecify.annotations.Nullable;

/**
 * What the manufacturer knows that decides its coordinator under Art. 14(7). All optional: the
 * first two describe a main establishment in the Union, the other four the cascade for a
 * manufacturer without one.
 *
 * @param decisionsTakenIn where decisions related to the cybersecurity of its products are
 *     predominantly taken
 * @param mostEmployeesIn the establishment with the highest number of employees in the Union
 * @param authorisedRepresentativeIn Art. 14(7)(a)
 * @param importerIn Art. 14(7)(b)
 * @param distributorIn Art. 14(7)(c)
 * @param mostUsersIn Art. 14(7)(d)
 */
public record RoutingFacts(
    @Nullable MemberState decisionsTakenIn,
    @Nullable MemberState mostEmployeesIn,
    @Nullable MemberState authorisedRepresentativeIn,
    @Nullable MemberState importerIn,
    @Nullable MemberState distributorIn,
    @Nullable MemberState mostUsersIn) {

  public static final RoutingFacts NONE = new RoutingFacts(null, null, null, null, null, null);
}
