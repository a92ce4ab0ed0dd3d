package dev.craft.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A progress line on stderr for long imports and scans, redrawn in place with a carriage return at
 * most every {@link #INTERVAL_NANOS}. It draws only when stderr is an interactive terminal and
 * {@code --no-progress} is absent; otherwise (pipes, files, CI logs, tests capturing output) it is
 * silent, so that nothing but results and errors reaches redirected output.
 */
final class Progress implements AutoCloseable {
  /** At most ten redraws a second. */
  static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final int DEFAULT_WIDTH = 80;

  private final @Nullable PrintWriter err;
  private final LongSupplier clock;
  private final int width;
  private String label = "";
  private String unit = "";
  private long lastDraw;
  private boolean drawn;
  private boolean started;

  Progress(@Nullable PrintWriter err, LongSupplier clock, int width) {
    this.err = err;
    this.clock = clock;
    this.width = width;
  }

  /** A silent progress: for non-terminal runs and {@code --no-progress}. */
  static Progress off() {
    return new Progress(null, System::nanoTime, DEFAULT_WIDTH);
  }

  /** Progress on {@code err} when stderr is a terminal and {@code disabled} is false. */
  static Progress onTerminal(PrintWriter err, boolean disabled) {
    if (disabled || !stderrIsTerminal()) {
      return off();
    }
    return new Progress(err, System::nanoTime, terminalWidth());
  }

  boolean enabled() {
    return err != null;
  }

  /** Starts a new phase, e.g. ("advisories", "records"); the next update draws at once. */
  void phase(String label, String unit) {
    this.label = label;
    this.unit = unit;
    this.started = false;
  }

  /** Reports {@code done} of {@code total} (0 or less: unknown); draws when the interval passed. */
  void update(long done, long total) {
    update(done, total, "");
  }

  void update(long done, long total, String extra) {
    if (err == null) {
      return;
    }
    long now = clock.getAsLong();
    if (started && now - lastDraw < INTERVAL_NANOS) {
      return;
    }
    started = true;
    lastDraw = now;
    String line = ProgressBar.render(label, done, total, unit, extra, width - 1);
    err.print("\r" + line + " ".repeat(Math.max(0, width - 1 - line.length())));
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    clear();
  }

  /** Clears the line so that what is printed next starts on a clean line. */
  void clear() {
    if (err != null && drawn) {
      err.print("\r" + " ".repeat(width - 1) + "\r");
      err.flush();
      drawn = false;
    }
  }

  /**
   * Whether stderr is an interactive terminal: the JVM has a console that is a terminal (on JDK 22+
   * {@code System.console()} exists even when redirected, so {@code isTerminal()} is asked), and,
   * where /proc tells, file descriptor 2 is a terminal device rather than a pipe or file.
   */
  static boolean stderrIsTerminal() {
    Console console = System.console();
    if (console == null || !consoleIsTerminal(console)) {
      return false;
    }
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (!Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean consoleIsTerminal(Console console) {
    try {
      // Console.isTerminal() is JDK 22+; the code is compiled for 21.
      Object answer = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(answer);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: System.console() is null unless both ends are a terminal
    }
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.strip());
        if (n >= 20 && n <= 1000) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return DEFAULT_WIDTH;
  }
}
