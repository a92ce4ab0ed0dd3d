package dev.craft.store;

import dev.craft.core.Classification;
import dev.craft.core.ConformityModule;
import dev.craft.core.ProductClass;
import dev.craft.core.Recorded;
import dev.craft.core.StandardsApplied;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code product_classification}. */
public record ClassificationRow(
    long productId,
    String productClass,
    @Nullable String annexCategory,
    String coreFunctionality,
    String standards,
    String standardsReferences,
    boolean euccRequired,
    boolean fossPublicDocs,
    @Nullable String chosenModule,
    String notifiedBody,
    String decidedBy,
    Instant decidedAt) {

  public Recorded<Classification> toRecorded() {
    return new Recorded<>(
        new Classification(
            ProductClass.parse(productClass),
            annexCategory,
            coreFunctionality,
            StandardsApplied.parse(standards),
            standardsReferences,
            euccRequired,
            fossPublicDocs,
            chosenModule == null ? null : ConformityModule.valueOf(chosenModule),
            notifiedBody),
        decidedBy,
        decidedAt);
  }
}
