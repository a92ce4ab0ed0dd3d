package dev.craft.server;

import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Text;
import dev.craft.store.ProductStore;
import dev.craft.store.TeamStore;
import dev.craft.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * Admin pages: users with their roles, teams with their members, and which teams see which product.
 */
final class AdminPage {
  private final Pages pages;
  private final WebUi web;
  private final Accounts accounts;
  private final UserStore users;
  private final TeamStore teams;
  private final ProductStore products;

  AdminPage(
      Pages pages,
      WebUi web,
      Accounts accounts,
      UserStore users,
      TeamStore teams,
      ProductStore products) {
    this.pages = pages;
    this.web = web;
    this.accounts = accounts;
    this.users = users;
    this.teams = teams;
    this.products = products;
  }

  void routes(RoutesConfig r) {
    r.get("/admin", ctx -> render(ctx, admin(ctx), "", 200));
    r.post("/admin/users", this::createUser);
    r.post("/admin/teams", this::createTeam);
    r.post("/admin/teams/members", this::addMember);
    r.post("/admin/teams/products", this::grantProduct);
  }

  private Principal admin(Context ctx) {
    Principal p = web.signedIn(ctx);
    p.require(Permission.USER_ADMIN);
    return p;
  }

  private void render(Context ctx, Principal p, String error, int status) {
    ctx.status(status);
    pages.render(
        ctx,
        "admin.jte",
        Map.of(
            "page", PageInfo.of("Users and teams", p),
            "users", users.list(),
            "teams", teams.listWithMembers(),
            "products", products.list(p.actor(), true, 1000, 0),
            "error", error));
  }

  private void createUser(Context ctx) {
    change(
        ctx,
        p ->
            accounts.createUser(
                p.actor(),
                ctx.formParam("username"),
                ctx.formParam("displayName"),
                ctx.formParam("email"),
                ctx.formParam("role"),
                ctx.formParam("password")));
  }

  private void createTeam(Context ctx) {
    change(ctx, p -> teams.create(p.actor(), Text.required("name", ctx.formParam("name"), 100)));
  }

  private void addMember(Context ctx) {
    change(ctx, p -> teams.addMember(p.actor(), number(ctx, "teamId"), number(ctx, "userId")));
  }

  private void grantProduct(Context ctx) {
    change(
        ctx, p -> products.grantTeam(p.actor(), number(ctx, "productId"), number(ctx, "teamId")));
  }

  private void change(Context ctx, java.util.function.Consumer<Principal> action) {
    Principal p = admin(ctx);
    WebUi.requireCsrf(ctx, p);
    try {
      action.accept(p);
    } catch (InvalidInputException | ConflictException e) {
      render(ctx, p, e.getMessage(), Problems.statusOf(e));
      return;
    }
    ctx.redirect("/admin", HttpStatus.SEE_OTHER);
  }

  private static long number(Context ctx, String field) {
    try {
      return Long.parseLong(Text.required(field, ctx.formParam(field), 20));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field + ": choose one from the list");
    }
  }
}
