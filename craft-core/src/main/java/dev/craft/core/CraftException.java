package dev.craft.core;

/**
 * Root of CRAFT's unchecked exceptions. Each subclass says what went wrong in terms a user can act
 * on; the HTTP edge maps them to problem+json and the CLI to exit codes.
 */
public abstract class CraftException extends RuntimeException {
  protected CraftException(String message) {
    super(message);
  }

  protected CraftException(String message, Throwable cause) {
    super(message, cause);
  }
}
