package dev.craft.store;

import dev.craft.core.CraftException;

/** The database could not be reached, migrated or used. */
public class StoreException extends CraftException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
