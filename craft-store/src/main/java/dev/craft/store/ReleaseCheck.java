package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import org.jdbi.v3.core.Handle;

/** Shared guard: the release exists, belongs to the product, and the actor may see the product. */
final class ReleaseCheck {
  private ReleaseCheck() {}

  static void require(Handle h, Actor actor, long productId, long releaseId) {
    ProductStore.requireVisible(h, actor, productId);
    boolean found =
        h.createQuery("SELECT 1 FROM release WHERE id = :r AND product_id = :p")
            .bind("r", releaseId)
            .bind("p", productId)
            .mapTo(Integer.class)
            .findOne()
            .isPresent();
    if (!found) {
      throw new NotFoundException("release", releaseId);
    }
  }
}
