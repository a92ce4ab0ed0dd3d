package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.formats.VexFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code craft vex export --server URL --token T --product P [--release V] --format F [-o OUT]}: a
 * release's (or every release's) findings and triage decisions as a VEX document.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Download a product's or release's VEX (findings with their triage decisions) from a"
            + " CRAFT server as OpenVEX, CycloneDX or CSAF.")
public final class VexExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Option(names = "--product", required = true, description = "Product name or id.")
  String product = "";

  @Option(
      names = "--release",
      paramLabel = "VERSION",
      description = "Release version (default: every release of the product).")
  String release = "";

  @Option(
      names = "--format",
      defaultValue = "openvex",
      description = "openvex, cyclonedx or csaf (default openvex).")
  String format = "openvex";

  @Option(
      names = {"-o", "--output"},
      description = "Output file (default: standard output).")
  Path output;

  @Override
  public Integer call() {
    VexFormat target = VexFormat.of(format);
    ServerClient client = server.client();
    long productId = ProductsCommand.productId(client, product);
    String path =
        "/api/v1/products/"
            + productId
            + (release.isBlank() ? "" : "/releases/" + releaseId(client, productId, release))
            + "/vex?format="
            + target.id();
    String document = client.getText(path);
    if (output != null) {
      try {
        Files.writeString(output, document, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      var out = spec.commandLine().getOut();
      out.print(document);
      out.flush();
    }
    return ExitCodes.OK;
  }

  static long releaseId(ServerClient client, long productId, String version) {
    for (JsonNode r : client.get("/api/v1/products/" + productId + "/releases").get("items")) {
      if (r.get("version").asText().equals(version)) {
        return r.get("id").asLong();
      }
    }
    throw new InvalidInputException("release " + version + " does not exist on the server");
  }
}
