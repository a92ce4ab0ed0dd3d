package dev.craft.server;

import dev.craft.core.CraftException;

/** An escalation could not be delivered; the scheduler retries it on its next run. */
final class DeliveryException extends CraftException {
  DeliveryException(String message) {
    super(message);
  }

  DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
