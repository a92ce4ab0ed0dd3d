package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import io.javalin.http.Context;

/** Path and query parameters, validated with errors that name the parameter. */
final class Params {
  private Params() {}

  /**
   * A numeric id from the path; anything else is a 404 (no such resource), as for an unknown id.
   */
  static long id(Context ctx, String name, String entity) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id <= 0) {
        throw new NotFoundException(entity, raw);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new NotFoundException(entity, raw);
    }
  }

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw new InvalidInputException(name + ": must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + ": must be a whole number");
    }
  }

  static boolean flag(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    return raw != null && (raw.equals("true") || raw.equals("1") || raw.equals("yes"));
  }
}
