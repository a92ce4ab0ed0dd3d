package dev.craft.store;

import dev.craft.core.Recorded;
import dev.craft.core.ScopeExemption;
import dev.craft.core.ScopeFacts;
import dev.craft.core.WireEnum;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code product_scope}. */
public record ScopeRow(
    long productId,
    boolean dataConnection,
    String exemption,
    boolean freeOpenSource,
    boolean commercialActivity,
    @Nullable LocalDate placedOnMarket,
    boolean substantiallyModified,
    String rationale,
    boolean inScope,
    String decidedBy,
    Instant decidedAt) {

  public Recorded<ScopeFacts> toRecorded() {
    return new Recorded<>(
        new ScopeFacts(
            dataConnection,
            WireEnum.parse(ScopeExemption.class, "exemption", exemption),
            freeOpenSource,
            commercialActivity,
            placedOnMarket,
            substantiallyModified,
            rationale),
        decidedBy,
        decidedAt);
  }
}
