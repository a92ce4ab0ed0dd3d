package dev.craft.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own, so that one request's independent database reads run at the
 * same time on their own connections (ADR 098). A failure is rethrown, unwrapped, by {@link
 * #await}.
 */
final class Async {
  private Async() {}

  static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    var result = new CompletableFuture<T>();
    Thread.ofPlatform()
        .name(name)
        .daemon()
        .start(
            () -> {
              try {
                result.complete(work.get());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    return result;
  }

  /** The result of {@code work}, or its failure thrown as it was thrown. */
  static <T> T await(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
