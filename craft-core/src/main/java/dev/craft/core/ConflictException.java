package dev.craft.core;

/** The request is valid but clashes with the current state, e.g. a duplicate name (HTTP 409). */
public class ConflictException extends CraftException {
  public ConflictException(String message) {
    super(message);
  }
}
