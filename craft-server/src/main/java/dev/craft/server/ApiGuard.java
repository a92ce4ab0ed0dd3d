package dev.craft.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Every {@code /api/v1} call needs credentials. A call authenticated by the session cookie (the web
 * UI) must also echo the session's CSRF token in {@code X-CSRF-Token} when it changes state; a
 * bearer token needs no such echo.
 */
final class ApiGuard {
  private ApiGuard() {}

  static void check(Context ctx, Auth auth) {
    Principal p =
        auth.authenticate(ctx)
            .orElseThrow(
                () -> new UnauthorizedException("sign in or send 'Authorization: Bearer <token>'"));
    if (p.viaSession() && changesState(ctx.method())) {
      String echoed = ctx.header("X-CSRF-Token");
      if (echoed == null || !Secrets.same(p.csrfToken(), echoed)) {
        throw new dev.craft.core.ForbiddenException(
            "missing or wrong X-CSRF-Token header for a cookie-authenticated change");
      }
    }
  }

  static boolean changesState(HandlerType method) {
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }
}
