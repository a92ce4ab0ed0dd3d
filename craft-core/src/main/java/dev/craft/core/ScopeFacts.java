package dev.craft.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a compliance officer records to decide whether the Regulation applies to a product.
 *
 * @param dataConnection the intended purpose or reasonably foreseeable use includes a direct or
 *     indirect logical or physical data connection to a device or network (Art. 2(1))
 * @param exemption an exclusion of Art. 2(2)–(7), or {@link ScopeExemption#NONE}
 * @param freeOpenSource the product is free and open-source software (Art. 3(48))
 * @param commercialActivity it is made available in the course of a commercial activity (Art.
 *     3(22))
 * @param placedOnMarket the first making available on the Union market (Art. 3(21)); null while not
 *     yet placed
 * @param substantiallyModified a substantial modification (Art. 3(30)) was made on or after 11
 *     December 2027 (Art. 69(2))
 * @param rationale the reasons for the decision, in the officer's words
 */
public record ScopeFacts(
    boolean dataConnection,
    ScopeExemption exemption,
    boolean freeOpenSource,
    boolean commercialActivity,
    @Nullable LocalDate placedOnMarket,
    boolean substantiallyModified,
    String rationale) {
  public ScopeFacts {
    Objects.requireNonNull(exemption, "exemption");
    rationale = Text.required("rationale", rationale, 10_000);
  }

  public Optional<LocalDate> placedOnMarketDate() {
    return Optional.ofNullable(placedOnMarket);
  }
}
