package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.User;
import dev.craft.store.LoginFailureStore;
import dev.craft.store.SessionStore;
import dev.craft.store.TokenStore;
import dev.craft.store.UserRow;
import dev.craft.store.UserStore;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Instant;
import java.util.Optional;

/** Sign-in, sessions and API tokens: turns a request's credentials into a {@link Principal}. */
final class Auth {
  static final String SESSION_COOKIE = "craft_session";
  static final String PRINCIPAL = "craft.principal";

  private final UserStore users;
  private final SessionStore sessions;
  private final TokenStore tokens;
  private final LoginFailureStore failures;
  private final PasswordHasher hasher;
  private final ServerConfig config;
  private final String dummyHash;

  Auth(
      UserStore users,
      SessionStore sessions,
      TokenStore tokens,
      LoginFailureStore failures,
      PasswordHasher hasher,
      ServerConfig config) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.failures = failures;
    this.hasher = hasher;
    this.config = config;
    this.dummyHash = hasher.hash("craft-no-such-user");
  }

  /** The caller, from a bearer token or else the session cookie; empty when neither is valid. */
  Optional<Principal> authenticate(Context ctx) {
    Principal cached = ctx.attribute(PRINCIPAL);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Principal> principal = fromBearer(ctx).or(() -> fromSession(ctx));
    principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    return principal;
  }

  private Optional<Principal> fromBearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String secret = header.substring(7).strip();
    if (secret.isEmpty() || secret.length() > 200) {
      throw new UnauthorizedException("the bearer token is not valid");
    }
    var token = tokens.findUsable(Secrets.digest(secret), Instant.now());
    if (token.isEmpty()) {
      throw new UnauthorizedException("the bearer token is unknown, expired or revoked");
    }
    User user =
        users
            .find(token.get().userId())
            .filter(u -> !u.disabled())
            .orElseThrow(() -> new UnauthorizedException("the token's user is disabled"));
    return Optional.of(new Principal(user.actor(), user.displayName(), false, ""));
  }

  private Optional<Principal> fromSession(Context ctx) {
    String cookie = ctx.cookie(SESSION_COOKIE);
    if (cookie == null || cookie.length() > 200) {
      return Optional.empty();
    }
    return sessions
        .findLive(Secrets.digest(cookie), Instant.now())
        .flatMap(
            s ->
                users
                    .find(s.userId())
                    .filter(u -> !u.disabled())
                    .map(u -> new Principal(u.actor(), u.displayName(), true, s.csrfToken())));
  }

  /**
   * Checks a user name and password and opens a session. Too many recent failures for the name or
   * the address refuse the attempt before the password is even checked.
   */
  void signIn(Context ctx, String username, String password) {
    String ip = ctx.ip();
    Instant since = Instant.now().minus(config.loginWindow());
    if (failures.recentFailures(username, ip, since) >= config.loginMaxFailures()) {
      throw new TooManyRequestsException(
          "too many failed sign-ins; try again in "
              + config.loginWindow().toMinutes()
              + " minutes");
    }
    Optional<UserRow> row = users.findRowByUsername(username).filter(u -> !u.disabled());
    // Hash even for unknown users, so that response time does not reveal which names exist.
    boolean ok = hasher.matches(password, row.map(UserRow::passwordHash).orElse(dummyHash));
    if (row.isEmpty() || !ok) {
      failures.record(username, ip);
      throw new UnauthorizedException("unknown user name or wrong password");
    }
    failures.clear(username);
    String secret = Secrets.newToken("");
    sessions.create(
        Secrets.digest(secret),
        row.get().id(),
        Secrets.newToken(""),
        Instant.now().plus(config.sessionTtl()));
    var cookie =
        new Cookie(
            SESSION_COOKIE,
            secret,
            "/",
            (int) config.sessionTtl().toSeconds(),
            config.cookieSecure(),
            true,
            null,
            SameSite.LAX);
    ctx.cookie(cookie);
  }

  void signOut(Context ctx) {
    String cookie = ctx.cookie(SESSION_COOKIE);
    if (cookie != null) {
      sessions.delete(Secrets.digest(cookie));
    }
    ctx.removeCookie(SESSION_COOKIE, "/");
  }

  static Actor actorOf(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new UnauthorizedException("sign in or send an API token");
    }
    return p.actor();
  }

  static Principal principalOf(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new UnauthorizedException("sign in or send an API token");
    }
    return p;
  }
}
