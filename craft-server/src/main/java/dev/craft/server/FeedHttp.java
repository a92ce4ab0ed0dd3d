package dev.craft.server;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GETs for the source feeds: extra headers, a bounded body, and the {@code Link: next} URL. */
final class FeedHttp {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

  /** A response body and its next-page link (GitHub's {@code Link} header), if any. */
  record Page(byte[] body, Optional<URI> next) {}

  private final HttpClient http;
  private final long maxBytes;

  FeedHttp(long maxBytes) {
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Most retries of one request that the server answered 429 or 503 (rate limited, busy). */
  static final int RETRIES = 3;

  /**
   * GET; a 429 or 503 answer is retried after its {@code Retry-After} seconds (at most 60; 10 when
   * it gives none), up to {@link #RETRIES} times.
   */
  Page get(URI uri, Map<String, String> headers) {
    for (int attempt = 0; ; attempt++) {
      try {
        return once(uri, headers);
      } catch (RateLimitedException e) {
        if (attempt >= RETRIES) {
          throw new InvalidInputException(
              uri + ": HTTP " + e.status + " (rate limited) after " + RETRIES + " retries");
        }
        pause(e.retryAfter);
      }
    }
  }

  /** The server asked us to come back later. */
  private static final class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Duration retryAfter;

    RateLimitedException(int status, Duration retryAfter) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  private static Duration retryAfter(HttpResponse<?> r) {
    try {
      long seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElse("10").strip());
      return Duration.ofSeconds(Math.max(0, Math.min(60, seconds)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(10); // an HTTP date: wait a default time instead of parsing it
    }
  }

  private Page once(URI uri, Map<String, String> headers) {
    try {
      var request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofMinutes(5))
              .header("User-Agent", "CRAFT advisory feeds")
              .GET();
      headers.forEach(request::header);
      HttpResponse<InputStream> r =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() == 429 || r.statusCode() == 503) {
          throw new RateLimitedException(r.statusCode(), retryAfter(r));
        }
        if (r.statusCode() != 200) {
          throw new InvalidInputException(uri + ": HTTP " + r.statusCode());
        }
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
          throw new InvalidInputException(uri + ": larger than max-body-size (" + maxBytes + ")");
        }
        Optional<URI> next = Optional.empty();
        for (String link : r.headers().allValues("Link")) {
          Matcher m = NEXT.matcher(link);
          if (m.find()) {
            next = Optional.of(uri.resolve(m.group(1)));
          }
        }
        return new Page(body, next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while fetching " + uri, e));
    }
  }

  static void pause(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted between feed pages", e));
    }
  }
}
