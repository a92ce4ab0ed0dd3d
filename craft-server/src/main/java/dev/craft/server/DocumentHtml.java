package dev.craft.server;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders a {@link ComplianceDocument} as a stand-alone, printable HTML page. */
final class DocumentHtml {
  private final TemplateEngine engine;

  DocumentHtml(TemplateEngine engine) {
    this.engine = engine;
  }

  String render(ComplianceDocument doc) {
    var out = new StringOutput();
    engine.render("document.jte", Map.of("doc", doc), out);
    return out.toString();
  }
}
