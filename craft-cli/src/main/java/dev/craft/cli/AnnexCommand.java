package dev.craft.cli;

import dev.craft.core.AnnexCategories;
import dev.craft.core.AnnexCategory;
import dev.craft.core.ProductClass;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craft rules annex}: the product categories of Annexes III and IV, as worded. */
@Command(
    name = "annex",
    mixinStandardHelpOptions = true,
    description = "Lists the important (Annex III) and critical (Annex IV) product categories.")
public final class AnnexCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--class",
      paramLabel = "important-1|important-2|critical",
      description = "only this class")
  @Nullable String productClass;

  @Option(names = "--format", description = "text or json (default: text)")
  OutputFormat format = OutputFormat.text;

  @Override
  public void run() {
    List<AnnexCategory> categories =
        productClass == null
            ? AnnexCategories.all()
            : AnnexCategories.of(ProductClass.parse(productClass));
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      var array = CliJson.array();
      for (AnnexCategory c : categories) {
        var node = array.addObject();
        node.put("id", c.id());
        node.put("class", c.productClass().id());
        node.put("basis", c.basis());
        node.put("text", c.text());
      }
      out.println(CliJson.write(array));
    } else {
      categories.forEach(c -> out.printf("%-9s %s  [%s]%n", c.id(), c.text(), c.basis()));
    }
    out.flush();
  }
}
