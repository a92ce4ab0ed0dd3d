package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft vex push --server URL --token T --product P [--release V] FILE}: import a VEX
 * document (OpenVEX, CycloneDX, CSAF) as triage decisions on a CRAFT server, from CI.
 */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Import a VEX document as triage decisions on a CRAFT server: prints what was applied,"
            + " unchanged and unmatched (with reasons).")
public final class VexPushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Parameters(index = "0", paramLabel = "FILE", description = "The VEX document.")
  Path file;

  @Option(names = "--product", required = true, description = "Product name or id.")
  String product = "";

  @Option(
      names = "--release",
      paramLabel = "VERSION",
      description =
          "Restrict the import to this release (default: the releases each statement names, or"
              + " every release).")
  String release = "";

  @Option(names = "--format", description = "text or json (default text).")
  OutputFormat format = OutputFormat.text;

  @Override
  public Integer call() throws IOException {
    byte[] content = Files.readAllBytes(file);
    ServerClient client = server.client();
    long productId = ProductsCommand.productId(client, product);
    String path =
        release.isBlank()
            ? "/api/v1/products/" + productId + "/vex"
            : "/api/v1/products/"
                + productId
                + "/releases/"
                + VexExportCommand.releaseId(client, productId, release)
                + "/vex";
    JsonNode report = client.postBytes(path, content, "application/octet-stream");
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(report);
    } else {
      out.printf(
          "%s %s: %d statement(s), %d decision(s) applied, %d unchanged, %d statement(s)"
              + " unmatched%n",
          report.path("format").asText(),
          report.path("specVersion").asText(),
          report.path("statements").asInt(),
          report.path("applied").size(),
          report.path("unchanged").size(),
          report.path("unmatched").size());
      for (JsonNode a : report.path("applied")) {
        out.printf(
            "  applied   %s %s %s (%s)%n",
            a.path("vulnerability").asText(),
            a.path("component").asText(),
            a.path("state").asText(),
            a.path("scope").asText());
      }
      for (JsonNode u : report.path("unmatched")) {
        out.printf(
            "  unmatched #%d %s: %s%n",
            u.path("statement").asInt(),
            u.path("vulnerability").asText(),
            u.path("reason").asText());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
