package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code craft products list|create|releases|add-release}: products and releases on a CRAFT server.
 */
@Command(
    name = "products",
    mixinStandardHelpOptions = true,
    description = "List and create products and releases on a CRAFT server.",
    subcommands = {
      ProductsCommand.ListProducts.class,
      ProductsCommand.CreateProduct.class,
      ProductsCommand.AddRelease.class
    })
public final class ProductsCommand {

  /** Finds a product by id or by exact name (case-insensitive). */
  static long productId(ServerClient client, String nameOrId) {
    if (nameOrId.matches("\\d+")) {
      return Long.parseLong(nameOrId);
    }
    for (JsonNode p : client.get("/api/v1/products?limit=1000&includeArchived=true").get("items")) {
      if (p.get("name").asText().equalsIgnoreCase(nameOrId)) {
        return p.get("id").asLong();
      }
    }
    throw new InvalidInputException("no product named '" + nameOrId + "' on the server");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List products.")
  static final class ListProducts implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerOptions server;

    @Option(names = "--format", description = "text or json (default text).")
    OutputFormat format = OutputFormat.text;

    @Override
    public Integer call() {
      JsonNode items = server.client().get("/api/v1/products?limit=1000").get("items");
      var out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.println(items);
      } else {
        for (JsonNode p : items) {
          out.printf(
              "%d\t%s\t%s%n", p.get("id").asLong(), p.get("name").asText(), p.get("type").asText());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a product.")
  static final class CreateProduct implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerOptions server;

    @Option(names = "--name", required = true)
    String name;

    @Option(
        names = "--type",
        description = "software, hardware, firmware, library, remote_data_processing")
    String type = "software";

    @Option(
        names = "--role",
        description = "manufacturer, importer, distributor, open_source_steward")
    String role = "manufacturer";

    @Option(names = "--security-contact")
    String securityContact = "";

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("type", type);
      body.put("manufacturerRole", role);
      body.put("securityContact", securityContact);
      JsonNode created = server.client().post("/api/v1/products", body);
      spec.commandLine().getOut().println(created.get("id").asLong());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "add-release",
      mixinStandardHelpOptions = true,
      description = "Add a release to a product (by name or id).")
  static final class AddRelease implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ServerOptions server;

    @Mixin ReleaseOptions target;

    @Option(names = "--status", description = "planned, in_development, released, …")
    String status = "planned";

    @Option(names = "--release-date", description = "YYYY-MM-DD")
    String releaseDate = "";

    @Override
    public Integer call() {
      ServerClient client = server.client();
      long id = productId(client, target.product);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("version", target.release);
      body.put("status", status);
      body.put("releaseDate", releaseDate.isEmpty() ? null : releaseDate);
      JsonNode created = client.post("/api/v1/products/" + id + "/releases", body);
      spec.commandLine().getOut().println(created.get("id").asLong());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
