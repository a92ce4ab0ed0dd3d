package dev.craft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Permission;
import dev.craft.core.Product;
import dev.craft.core.ProductDraft;
import dev.craft.core.Release;
import dev.craft.core.ReleaseDraft;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/products} and their releases. */
final class ProductApi {
  private final ProductStore products;
  private final ReleaseStore releases;

  ProductApi(ProductStore products, ReleaseStore releases) {
    this.products = products;
    this.releases = releases;
  }

  void routes(RoutesConfig r) {
    r.get("/api/v1/products", this::list);
    r.post("/api/v1/products", this::create);
    r.get("/api/v1/products/{id}", this::get);
    r.put("/api/v1/products/{id}", this::update);
    r.post("/api/v1/products/{id}/archive", ctx -> setArchived(ctx, true));
    r.post("/api/v1/products/{id}/unarchive", ctx -> setArchived(ctx, false));
    r.get("/api/v1/products/{id}/releases", this::listReleases);
    r.post("/api/v1/products/{id}/releases", this::createRelease);
    r.get("/api/v1/products/{id}/releases/{rid}", this::getRelease);
    r.put("/api/v1/products/{id}/releases/{rid}", this::updateRelease);
  }

  static ProductDraft productDraft(ObjectNode b) {
    return ProductDraft.of(
        Body.text(b, "name"),
        Body.text(b, "description"),
        Body.text(b, "manufacturerRole"),
        Body.text(b, "type"),
        Body.text(b, "intendedPurpose"),
        Body.text(b, "website"),
        Body.text(b, "securityContact"));
  }

  static ReleaseDraft releaseDraft(ObjectNode b) {
    return ReleaseDraft.of(
        Body.text(b, "version"),
        Body.text(b, "releaseDate"),
        Body.text(b, "placedOnMarket"),
        Body.text(b, "status"));
  }

  private void list(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    int limit = Params.integer(ctx, "limit", 100, 1, 1000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    List<Product> items =
        products.list(p.actor(), Params.flag(ctx, "includeArchived"), limit, offset);
    ctx.json(Map.of("items", items, "limit", limit, "offset", offset));
  }

  private void create(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_WRITE);
    Product product = products.create(p.actor(), productDraft(Body.object(ctx)));
    ctx.status(201).header("Location", "/api/v1/products/" + product.id()).json(product);
  }

  private void get(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(products.get(p.actor(), Params.id(ctx, "id", "product")));
  }

  private void update(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.PRODUCT_WRITE);
    ctx.json(products.update(p.actor(), id, productDraft(Body.object(ctx))));
  }

  private void setArchived(Context ctx, boolean archived) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.PRODUCT_WRITE);
    ctx.json(products.setArchived(p.actor(), id, archived));
  }

  private void listReleases(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(Map.of("items", releases.list(p.actor(), Params.id(ctx, "id", "product"))));
  }

  private void createRelease(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    products.get(p.actor(), id);
    p.require(Permission.RELEASE_WRITE);
    Release release = releases.create(p.actor(), id, releaseDraft(Body.object(ctx)));
    ctx.status(201)
        .header("Location", "/api/v1/products/" + id + "/releases/" + release.id())
        .json(release);
  }

  private void getRelease(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    ctx.json(
        releases.get(p.actor(), Params.id(ctx, "id", "product"), Params.id(ctx, "rid", "release")));
  }

  private void updateRelease(Context ctx) {
    var p = Auth.principalOf(ctx);
    long id = Params.id(ctx, "id", "product");
    long rid = Params.id(ctx, "rid", "release");
    releases.get(p.actor(), id, rid);
    p.require(Permission.RELEASE_WRITE);
    ctx.json(releases.update(p.actor(), id, rid, releaseDraft(Body.object(ctx))));
  }
}
