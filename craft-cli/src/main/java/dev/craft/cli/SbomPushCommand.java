package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft sbom push FILE --server URL --token T --product NAME --release VERSION [--create]}:
 * upload from CI.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = "Upload an SBOM to a release on a CRAFT server (from CI).")
public final class SbomPushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Mixin ReleaseOptions target;

  @Option(names = "--create", description = "Create the release if it does not exist.")
  boolean create;

  @Option(names = "--replace", description = "Replace the release's current SBOM (audited).")
  boolean replace;

  @Option(names = "--format", description = "text or json (default text).")
  OutputFormat format = OutputFormat.text;

  @Override
  public Integer call() throws IOException {
    byte[] content = Files.readAllBytes(file);
    ServerClient client = server.client();
    long productId = ProductsCommand.productId(client, target.product);
    long releaseId = releaseId(client, productId);
    JsonNode stored =
        client.postBytes(
            "/api/v1/products/"
                + productId
                + "/releases/"
                + releaseId
                + "/sbom"
                + (replace ? "?replace=true" : ""),
            content,
            "application/octet-stream");
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(stored);
    } else {
      out.printf(
          "stored %s %s SBOM with %d components for %s %s (sha256 %s)%n",
          stored.path("format").asText(),
          stored.path("specVersion").asText(),
          stored.path("components").asInt(),
          target.product,
          target.release,
          stored.path("sha256").asText());
      stored
          .path("quality")
          .properties()
          .forEach(
              q ->
                  out.printf(
                      "  %s: %s (score %s)%n",
                      q.getKey(),
                      q.getValue().path("passed").asBoolean() ? "passed" : "failed",
                      q.getValue().path("score").asText()));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private long releaseId(ServerClient client, long productId) {
    for (JsonNode r : client.get("/api/v1/products/" + productId + "/releases").get("items")) {
      if (r.get("version").asText().equals(target.release)) {
        return r.get("id").asLong();
      }
    }
    if (!create) {
      throw new InvalidInputException(
          "release " + target.release + " does not exist on the server; add --create to create it");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", target.release);
    return client.post("/api/v1/products/" + productId + "/releases", body).get("id").asLong();
  }
}
