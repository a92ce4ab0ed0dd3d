package dev.craft.cli;

import dev.craft.core.CraftException;
import dev.craft.core.InvalidInputException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * CRAFT's exit-code contract (PRODUCT.md): 0 ok, 1 internal error, 2 usage, 3 invalid or unsafe
 * input, 4 check failed. Failures print one line on stderr, never a stack trace (set CRAFT_DEBUG=1
 * to see one).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int INVALID_INPUT = 3;
  public static final int CHECK_FAILED = 4;

  private ExitCodes() {}

  static int codeFor(Throwable error) {
    if (error instanceof CheckFailedException) {
      return CHECK_FAILED;
    }
    if (error instanceof InvalidInputException
        || error instanceof NoSuchFileException
        || error instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException) {
      return INVALID_INPUT;
    }
    if (error instanceof ServerClient.ApiException api) {
      return api.status >= 500 ? INTERNAL : INVALID_INPUT;
    }
    if (error instanceof CraftException) {
      return INVALID_INPUT;
    }
    return INTERNAL;
  }

  static String messageFor(Throwable error) {
    if (error instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    if (error instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    String message = error.getMessage();
    return message == null ? error.getClass().getSimpleName() : message;
  }

  static final class Handler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
      int code = codeFor(ex);
      String prefix = code == INTERNAL ? "craft: internal error: " : "craft: ";
      cmd.getErr().println(prefix + messageFor(ex).lines().findFirst().orElse(""));
      if (System.getenv("CRAFT_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return code;
    }
  }

  static final class UsageHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println("craft: " + ex.getMessage());
      cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    }
  }
}
