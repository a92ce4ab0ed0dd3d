package dev.craft.cli;

import dev.craft.core.ConformityModule;
import dev.craft.core.ConformityRoute;
import dev.craft.core.ConformityRules;
import dev.craft.core.ProductClass;
import dev.craft.core.StandardsApplied;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules conformity}: the procedures Art. 32 allows for a product class. */
@Command(
    name = "conformity",
    mixinStandardHelpOptions = true,
    description = "Conformity assessment procedures allowed by Art. 32 (modules A, B+C, H, EUCC).")
public final class ConformityCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--class",
      required = true,
      paramLabel = "default|important-1|important-2|critical",
      description = "the product's class (Art. 7, Art. 8, Annexes III and IV)")
  String productClass = "";

  @Option(
      names = "--standards",
      paramLabel = "full|partial|none",
      description =
          "class I: harmonised standards, common specifications or an EUCC scheme at level"
              + " 'substantial' applied in full, in part, or not (Art. 32(2)); default: none")
  String standards = "none";

  @Option(
      names = "--eucc-required",
      description =
          "critical: a delegated act under Art. 8(1) requires a European cybersecurity"
              + " certificate")
  boolean euccRequired;

  @Option(
      names = "--foss-public-docs",
      description =
          "free and open-source software whose technical documentation is public (Art. 32(5))")
  boolean fossPublicDocs;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    ConformityRoute route =
        ConformityRules.route(
            ProductClass.parse(productClass),
            StandardsApplied.parse(standards),
            euccRequired,
            fossPublicDocs);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      var root = CliJson.object();
      var modules = root.putArray("modules");
      route.modules().forEach(m -> modules.add(m.id()));
      root.put("basis", route.basis());
      root.put("reason", route.reason());
      out.println(CliJson.write(root));
    } else {
      out.printf("%s: %s%n", route.basis(), route.reason());
      for (ConformityModule m : route.modules()) {
        out.printf("  %-5s %s%n", m.id(), m.description());
      }
    }
    out.flush();
  }
}
