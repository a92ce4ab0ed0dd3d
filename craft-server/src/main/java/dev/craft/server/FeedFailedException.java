package dev.craft.server;

import io.javalin.http.HttpResponseException;

/**
 * One or more online feeds failed in a round (an upstream error or a response that does not read);
 * the message names each feed and why. Answered as 502: the fault is upstream.
 */
final class FeedFailedException extends HttpResponseException {
  FeedFailedException(String message) {
    super(502, message);
  }
}
