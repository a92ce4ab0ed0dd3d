package dev.craft.core;

/**
 * Input that CRAFT refuses: malformed, too large, too deep, unsafe, or failing a domain rule. The
 * message names the offending field or location so the caller can fix it (CLI exit 3, HTTP 400).
 */
public class InvalidInputException extends CraftException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
