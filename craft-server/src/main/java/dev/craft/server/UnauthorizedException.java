package dev.craft.server;

import dev.craft.core.CraftException;

/** No valid credentials came with the request (HTTP 401). */
final class UnauthorizedException extends CraftException {
  UnauthorizedException(String message) {
    super(message);
  }
}
