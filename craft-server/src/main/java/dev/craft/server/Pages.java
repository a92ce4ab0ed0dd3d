package dev.craft.server;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled jte templates into HTML responses. */
final class Pages {
  private final TemplateEngine engine;

  Pages(TemplateEngine engine) {
    this.engine = engine;
  }

  void render(Context ctx, String template, Map<String, Object> params) {
    var out = new StringOutput();
    engine.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
