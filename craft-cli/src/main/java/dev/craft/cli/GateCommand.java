package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code craft gate --server URL --token T --product P --release V}: the release gate of Annex I
 * Part I (2)(a) for CI. Exit 4 while findings block the release, 0 when it is clear.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description =
        "Ask a CRAFT server whether a release may be placed on the market (Annex I Part I (2)(a)):"
            + " exit 4 while exploitable or unmitigated KEV findings block it, 0 when clear.")
public final class GateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServerOptions server;
  @Mixin ReleaseOptions target;

  @Option(names = "--format", description = "text or json (default text).")
  OutputFormat format = OutputFormat.text;

  @Override
  public Integer call() {
    ServerClient client = server.client();
    long productId = ProductsCommand.productId(client, target.product);
    long releaseId = -1;
    for (JsonNode r : client.get("/api/v1/products/" + productId + "/releases").get("items")) {
      if (r.get("version").asText().equals(target.release)) {
        releaseId = r.get("id").asLong();
      }
    }
    if (releaseId < 0) {
      throw new InvalidInputException(
          "release " + target.release + " does not exist on the server");
    }
    JsonNode gate =
        client.get("/api/v1/products/" + productId + "/releases/" + releaseId + "/gate");
    boolean blocked = gate.path("verdict").asText().equals("blocked");
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(gate);
    } else {
      out.printf("%s %s: %s%n", target.product, target.release, blocked ? "BLOCKED" : "clear");
      out.printf("rule: %s%n", gate.path("rule").asText());
      for (JsonNode f : gate.path("blocking")) {
        out.printf(
            "  %s %s (finding %d): %s%n",
            f.path("vulnerability").asText(),
            f.path("purl").asText(),
            f.path("id").asLong(),
            f.path("reason").asText());
      }
    }
    out.flush();
    return blocked ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
