package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Text;
import dev.craft.store.ProductStore;
import dev.craft.store.TeamStore;
import dev.craft.store.TokenStore;
import dev.craft.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/me}, API tokens, users and teams. */
final class AccountApi {
  private final Accounts accounts;
  private final UserStore users;
  private final TokenStore tokens;
  private final TeamStore teams;
  private final ProductStore products;

  AccountApi(
      Accounts accounts,
      UserStore users,
      TokenStore tokens,
      TeamStore teams,
      ProductStore products) {
    this.accounts = accounts;
    this.users = users;
    this.tokens = tokens;
    this.teams = teams;
    this.products = products;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/me", this::me);
    r.get("/api/v1/tokens", this::listTokens);
    r.post("/api/v1/tokens", this::createToken);
    r.delete("/api/v1/tokens/{id}", this::revokeToken);
    r.get("/api/v1/users", this::listUsers);
    r.post("/api/v1/users", this::createUser);
    r.get("/api/v1/teams", this::listTeams);
    r.post("/api/v1/teams", this::createTeam);
    r.post("/api/v1/teams/{id}/members", this::addMember);
    r.post("/api/v1/products/{id}/teams", this::grantTeam);
  }

  private void me(Context ctx) {
    var p = Auth.principalOf(ctx);
    ctx.json(users.find(p.actor().userId()).orElseThrow());
  }

  private void listTokens(Context ctx) {
    var p = Auth.principalOf(ctx);
    List<TokenView> items =
        tokens.listForUser(p.actor().userId()).stream().map(TokenView::of).toList();
    ctx.json(Map.of("items", items));
  }

  private void createToken(Context ctx) {
    var p = Auth.principalOf(ctx);
    var body = Body.object(ctx);
    var issued =
        accounts.issueToken(p.actor(), Body.text(body, "name"), Body.number(body, "expiresInDays"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", issued.row().id());
    out.put("name", issued.row().name());
    out.put("token", issued.secret());
    out.put("expiresAt", issued.row().expiresAt());
    out.put("note", "the token is shown only once; store it now");
    ctx.status(201).header("Location", "/api/v1/tokens/" + issued.row().id()).json(out);
  }

  private void revokeToken(Context ctx) {
    var p = Auth.principalOf(ctx);
    tokens.revoke(p.actor(), p.actor().userId(), Params.id(ctx, "id", "api token"));
    ctx.status(204);
  }

  private void listUsers(Context ctx) {
    Auth.principalOf(ctx).require(Permission.USER_ADMIN);
    ctx.json(Map.of("items", users.list()));
  }

  private void createUser(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.USER_ADMIN);
    var b = Body.object(ctx);
    var user =
        accounts.createUser(
            p.actor(),
            Body.text(b, "username"),
            Body.text(b, "displayName"),
            Body.text(b, "email"),
            Body.text(b, "role"),
            Body.text(b, "password"));
    ctx.status(201).header("Location", "/api/v1/users/" + user.id()).json(user);
  }

  private void listTeams(Context ctx) {
    Auth.principalOf(ctx).require(Permission.USER_ADMIN);
    ctx.json(Map.of("items", teams.list()));
  }

  private void createTeam(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.USER_ADMIN);
    var team =
        teams.create(p.actor(), Text.required("name", Body.text(Body.object(ctx), "name"), 100));
    ctx.status(201).header("Location", "/api/v1/teams/" + team.id()).json(team);
  }

  private void addMember(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.USER_ADMIN);
    long teamId = Params.id(ctx, "id", "team");
    Long userId = Body.number(Body.object(ctx), "userId");
    if (userId == null || users.find(userId).isEmpty()) {
      throw new InvalidInputException("userId: no such user");
    }
    teams.addMember(p.actor(), teamId, userId);
    ctx.status(204);
  }

  private void grantTeam(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.USER_ADMIN);
    long productId = Params.id(ctx, "id", "product");
    products.get(p.actor(), productId);
    Long teamId = Body.number(Body.object(ctx), "teamId");
    if (teamId == null || teams.list().stream().noneMatch(t -> t.id() == teamId)) {
      throw new InvalidInputException("teamId: no such team");
    }
    products.grantTeam(p.actor(), productId, teamId);
    ctx.status(204);
  }
}
