package dev.craft.server;

import dev.craft.core.CraftException;

/** A rate limit was hit (HTTP 429); the message says when to try again. */
final class TooManyRequestsException extends CraftException {
  TooManyRequestsException(String message) {
    super(message);
  }
}
