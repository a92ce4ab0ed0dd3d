package dev.craft.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code craft} command: builds the command tree and maps failures to exit
 * codes.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by tests without exiting the JVM. */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    var cli = new CommandLine(new CraftCommand());
    cli.setExecutionExceptionHandler(new ExitCodes.Handler());
    cli.setParameterExceptionHandler(new ExitCodes.UsageHandler());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
