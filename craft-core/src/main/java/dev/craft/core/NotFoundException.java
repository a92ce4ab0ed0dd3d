package dev.craft.core;

/** A record that the caller named does not exist (HTTP 404). */
public class NotFoundException extends CraftException {
  public NotFoundException(String entity, Object id) {
    super(entity + " " + id + " does not exist");
  }
}
