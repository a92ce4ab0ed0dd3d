package dev.craft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command tree in-process and captures what it prints. */
final class Cli {
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
