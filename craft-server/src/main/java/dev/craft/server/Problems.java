package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.craft.core.ConflictException;
import dev.craft.core.CraftException;
import dev.craft.core.ForbiddenException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.store.CraftJson;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to RFC 9457 {@code application/problem+json} answers. Only here do exceptions
 * meet HTTP.
 */
final class Problems {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  static int statusOf(Exception e) {
    return switch (e) {
      case InvalidInputException x -> 400;
      case UnauthorizedException x -> 401;
      case ForbiddenException x -> 403;
      case NotFoundException x -> 404;
      case ConflictException x -> 409;
      case TooManyRequestsException x -> 429;
      case HttpResponseException x -> x.getStatus();
      default -> 500;
    };
  }

  static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  /**
   * The detail shown to the caller: our own messages are meant for users; a 500 never leaks
   * internals.
   */
  static String detailOf(Exception e, int status) {
    if (status >= 500) {
      return "an internal error occurred; the server log has the details";
    }
    if (e instanceof CraftException || e instanceof HttpResponseException) {
      return e.getMessage() == null ? titleOf(status) : e.getMessage();
    }
    return titleOf(status);
  }

  static void write(Context ctx, int status, String detail) {
    write(ctx, status, detail, Map.of());
  }

  static void write(Context ctx, int status, String detail, Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>(extensions);
    body.put("type", "about:blank");
    body.put("title", titleOf(status));
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"craft\"");
    }
    try {
      ctx.status(status)
          .contentType(CONTENT_TYPE)
          .result(CraftJson.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      ctx.status(500).result("{\"status\":500}");
    }
  }

  static void logServerError(Exception e, Context ctx) {
    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
  }

  static void handle(Exception e, Context ctx) {
    int status = statusOf(e);
    if (status >= 500) {
      logServerError(e, ctx);
    }
    Map<String, Object> extensions =
        e instanceof SbomRejectedException rejected
            ? Map.of("errors", rejected.problems())
            : Map.of();
    write(ctx, status, detailOf(e, status), extensions);
  }
}
