package dev.craft.server;

import dev.craft.core.CraftException;
import dev.craft.core.ForbiddenException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.store.AuditLog;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.TokenStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The server-rendered web UI (jte + htmx): sign-in, products and releases, API tokens, audit log,
 * API docs.
 */
final class WebUi {
  private static final String LOGIN_CSRF_COOKIE = "craft_login_csrf";

  private final Pages pages;
  private final Auth auth;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final Accounts accounts;
  private final TokenStore tokens;
  private final AuditLog auditLog;
  private final OpenApiDoc openApi;

  WebUi(
      Pages pages,
      Auth auth,
      ProductStore products,
      ReleaseStore releases,
      Accounts accounts,
      TokenStore tokens,
      AuditLog auditLog,
      OpenApiDoc openApi) {
    this.pages = pages;
    this.auth = auth;
    this.products = products;
    this.releases = releases;
    this.accounts = accounts;
    this.tokens = tokens;
    this.auditLog = auditLog;
    this.openApi = openApi;
  }

  void routes(RoutesConfig r) {
    r.get("/login", this::loginPage);
    r.post("/login", this::login);
    r.post("/logout", this::logout);
    r.get("/products", this::productList);
    r.post("/products", this::createProduct);
    r.get("/products/{id}", this::productPage);
    r.post("/products/{id}", this::updateProduct);
    r.post("/products/{id}/archive", ctx -> archive(ctx, true));
    r.post("/products/{id}/unarchive", ctx -> archive(ctx, false));
    r.post("/products/{id}/releases", this::createRelease);
    r.get("/tokens", ctx -> tokenPage(ctx, ""));
    r.post("/tokens", this::createToken);
    r.post("/tokens/{id}/revoke", this::revokeToken);
    r.get("/audit", this::auditPage);
    r.get("/api/docs", this::apiDocs);
  }

  // --- sign-in -------------------------------------------------------------------------------

  private void loginPage(Context ctx) {
    if (auth.authenticate(ctx).isPresent()) {
      ctx.redirect("/products");
      return;
    }
    renderLogin(ctx, "", 200);
  }

  private void renderLogin(Context ctx, String error, int status) {
    String token = Secrets.newToken("");
    ctx.cookie(LOGIN_CSRF_COOKIE, token, 600);
    ctx.status(status);
    pages.render(
        ctx,
        "login.jte",
        Map.of(
            "page",
            PageInfo.anonymous("Sign in"),
            "csrf",
            token,
            "error",
            error,
            "next",
            safeNext(ctx.queryParam("next"))));
  }

  private void login(Context ctx) {
    String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
    String given = ctx.formParam("_csrf");
    if (expected == null || given == null || !Secrets.same(expected, given)) {
      renderLogin(ctx, "Your sign-in form expired; please try again.", 403);
      return;
    }
    String username = value(ctx.formParam("username"));
    try {
      auth.signIn(ctx, username, value(ctx.formParam("password")));
    } catch (UnauthorizedException | TooManyRequestsException e) {
      renderLogin(ctx, e.getMessage() == null ? "" : e.getMessage(), Problems.statusOf(e));
      return;
    }
    ctx.removeCookie(LOGIN_CSRF_COOKIE, "/");
    ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    auth.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  // --- products ------------------------------------------------------------------------------

  private void productList(Context ctx) {
    Principal p = signedIn(ctx);
    renderProducts(ctx, p, "", Map.of(), 200);
  }

  private void renderProducts(
      Context ctx, Principal p, String error, Map<String, String> form, int status) {
    boolean archived = Params.flag(ctx, "archived");
    ctx.status(status);
    pages.render(
        ctx,
        "products.jte",
        Map.of(
            "page", PageInfo.of("Products", p),
            "products", products.list(p.actor(), archived, 1000, 0),
            "showArchived", archived,
            "error", error,
            "form", form));
  }

  private void createProduct(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    p.require(Permission.PRODUCT_WRITE);
    try {
      Product product = products.create(p.actor(), productDraft(ctx));
      ctx.redirect("/products/" + product.id(), HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | dev.craft.core.ConflictException e) {
      renderProducts(ctx, p, e.getMessage(), formValues(ctx), Problems.statusOf(e));
    }
  }

  private void productPage(Context ctx) {
    Principal p = signedIn(ctx);
    long id = Params.id(ctx, "id", "product");
    renderProduct(ctx, p, products.get(p.actor(), id), "", 200);
  }

  private void renderProduct(Context ctx, Principal p, Product product, String error, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("page", PageInfo.of(product.name(), p));
    model.put("product", product);
    model.put("releases", releases.list(p.actor(), product.id()));
    model.put("error", error);
    pages.render(ctx, "product.jte", model);
  }

  private void updateProduct(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    Product current = products.get(p.actor(), id);
    p.require(Permission.PRODUCT_WRITE);
    try {
      products.update(p.actor(), id, productDraft(ctx));
      ctx.redirect("/products/" + id, HttpStatus.SEE_OTHER);
    } catch (InvalidInputException | dev.craft.core.ConflictException e) {
      renderProduct(ctx, p, current, e.getMessage(), Problems.statusOf(e));
    }
  }

  private void archive(Context ctx, boolean archived) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.PRODUCT_WRITE);
    products.setArchived(p.actor(), id, archived);
    ctx.redirect("/products/" + id, HttpStatus.SEE_OTHER);
  }

  /** htmx posts here and swaps the returned releases section; a plain form post gets a redirect. */
  private void createRelease(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    long id = Params.id(ctx, "id", "product");
    Product product = products.get(p.actor(), id);
    p.require(Permission.RELEASE_WRITE);
    String error = "";
    try {
      releases.create(
          p.actor(),
          id,
          ReleaseDraft.of(
              ctx.formParam("version"),
              ctx.formParam("releaseDate"),
              ctx.formParam("placedOnMarket"),
              ctx.formParam("status")));
    } catch (InvalidInputException | dev.craft.core.ConflictException e) {
      error = e.getMessage();
    }
    if (ctx.header("HX-Request") == null) {
      if (error.isEmpty()) {
        ctx.redirect("/products/" + id, HttpStatus.SEE_OTHER);
      } else {
        renderProduct(ctx, p, product, error, 400);
      }
      return;
    }
    pages.render(
        ctx,
        "releases.jte",
        Map.of(
            "page",
            PageInfo.of(product.name(), p),
            "product",
            product,
            "releases",
            releases.list(p.actor(), id),
            "error",
            error));
  }

  private static ProductDraft productDraft(Context ctx) {
    return ProductDraft.of(
        ctx.formParam("name"),
        ctx.formParam("description"),
        ctx.formParam("manufacturerRole"),
        ctx.formParam("type"),
        ctx.formParam("intendedPurpose"),
        ctx.formParam("website"),
        ctx.formParam("securityContact"));
  }

  private static Map<String, String> formValues(Context ctx) {
    Map<String, String> values = new HashMap<>();
    for (String key :
        new String[] {
          "name",
          "description",
          "manufacturerRole",
          "type",
          "intendedPurpose",
          "website",
          "securityContact"
        }) {
      values.put(key, value(ctx.formParam(key)));
    }
    return values;
  }

  // --- tokens, audit, API docs -----------------------------------------------------------------

  private void tokenPage(Context ctx, String newSecret) {
    Principal p = signedIn(ctx);
    pages.render(
        ctx,
        "tokens.jte",
        Map.of(
            "page", PageInfo.of("API tokens", p),
            "tokens", tokens.listForUser(p.actor().userId()).stream().map(TokenView::of).toList(),
            "newSecret", newSecret));
  }

  private void createToken(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    String days = value(ctx.formParam("expiresInDays"));
    Long expires;
    try {
      expires = days.isEmpty() ? null : Long.valueOf(days);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("expiresInDays: must be a whole number");
    }
    var issued = accounts.issueToken(p.actor(), ctx.formParam("name"), expires);
    tokenPage(ctx, issued.secret());
  }

  private void revokeToken(Context ctx) {
    Principal p = signedIn(ctx);
    requireCsrf(ctx, p);
    tokens.revoke(p.actor(), p.actor().userId(), Params.id(ctx, "id", "api token"));
    ctx.redirect("/tokens", HttpStatus.SEE_OTHER);
  }

  private void auditPage(Context ctx) {
    Principal p = signedIn(ctx);
    p.require(Permission.AUDIT_READ);
    pages.render(
        ctx,
        "audit.jte",
        Map.of("page", PageInfo.of("Audit log", p), "entries", auditLog.recent(200)));
  }

  private void apiDocs(Context ctx) {
    var p = auth.authenticate(ctx);
    pages.render(
        ctx,
        "api-docs.jte",
        Map.of(
            "page",
            p.map(x -> PageInfo.of("API", x)).orElse(PageInfo.anonymous("API")),
            "title",
            openApi.title(),
            "operations",
            openApi.operations()));
  }

  // --- errors ----------------------------------------------------------------------------------

  void handle(Exception e, Context ctx) {
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/health")) {
      Problems.handle(e, ctx);
      return;
    }
    if (e instanceof RedirectToLogin) {
      String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
      ctx.redirect("/login?next=" + next, HttpStatus.SEE_OTHER);
      return;
    }
    int status = Problems.statusOf(e);
    if (status >= 500) {
      Problems.logServerError(e, ctx);
    }
    renderError(ctx, status, Problems.detailOf(e, status));
  }

  void notFound(Context ctx) {
    if (ctx.result() != null && !ctx.result().isEmpty()) {
      return;
    }
    if (ctx.path().startsWith("/api/")) {
      Problems.write(
          ctx, ctx.statusCode(), "no such resource or method: " + ctx.method() + " " + ctx.path());
      return;
    }
    renderError(ctx, ctx.statusCode(), "There is no page at " + ctx.path() + ".");
  }

  private void renderError(Context ctx, int status, String detail) {
    var p = auth.authenticate(ctx);
    ctx.status(status);
    pages.render(
        ctx,
        "error.jte",
        Map.of(
            "page",
            p.map(x -> PageInfo.of(Problems.titleOf(status), x))
                .orElse(PageInfo.anonymous(Problems.titleOf(status))),
            "status",
            status,
            "detail",
            detail));
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Thrown when a page needs a signed-in user; the error handler turns it into a redirect. */
  static final class RedirectToLogin extends CraftException {
    RedirectToLogin() {
      super("sign in first");
    }
  }

  Principal signedIn(Context ctx) {
    return auth.authenticate(ctx).orElseThrow(RedirectToLogin::new);
  }

  static void requireCsrf(Context ctx, Principal p) {
    String given = ctx.formParam("_csrf");
    if (given == null) {
      given = ctx.header("X-CSRF-Token");
    }
    if (!p.viaSession() || given == null || !Secrets.same(given, p.csrfToken())) {
      throw new ForbiddenException("the form's CSRF token is missing or wrong; reload the page");
    }
  }

  private static String value(String v) {
    return v == null ? "" : v;
  }

  /** Only local paths, so that the sign-in page cannot be used to redirect to another site. */
  private static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/";
    }
    return next;
  }
}
