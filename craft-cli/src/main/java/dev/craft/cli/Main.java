package dev.craft.cli;

import picocli.CommandLine;

/**
 * Entry point of the {@code craft} command: builds the command tree and maps failures to exit
 * codes.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      // Offline commands print data on stdout: keep library logging out of it.
      System.setProperty("craft.log.target", "System.err");
      System.setProperty("craft.log.level", "ERROR");
    }
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
