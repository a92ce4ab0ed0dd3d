package dev.craft.cli;

import dev.craft.core.CraftException;

/**
 * A check ran to the end and its verdict is "no": validation, quality profile, policy gate, audit
 * chain (exit 4). The report has already been printed; the message is the one-line summary.
 */
public final class CheckFailedException extends CraftException {
  public CheckFailedException(String message) {
    super(message);
  }
}
