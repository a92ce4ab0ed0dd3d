package dev.craft.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference implementation (dpkg, Python, Ruby, node) as a child process: one input line per
 * pair, one output line per pair. Tests skip when the tool is missing, never fail for it.
 */
final class ExternalOracle {
  private ExternalOracle() {}

  /** Whether {@code command} runs and exits 0 within a few seconds. */
  static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Feeds {@code lines} to the command's stdin and returns its stdout lines. */
  static List<String> run(List<String> lines, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getInputStream().readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try (OutputStream in = p.getOutputStream()) {
      in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("oracle did not finish: " + String.join(" ", command));
    }
    return new String(out.join(), StandardCharsets.UTF_8).lines().toList();
  }

  static boolean exists(String path) {
    return Files.isExecutable(Path.of(path));
  }
}
