package dev.craft.core;

/** The caller is known but not allowed to do this (HTTP 403). */
public class ForbiddenException extends CraftException {
  public ForbiddenException(String message) {
    super(message);
  }
}
