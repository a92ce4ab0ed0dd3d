package dev.craft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.CraftException;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small client of CRAFT's REST API for the commands that talk to a server. */
final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ServerClient(String server, String token) {
    if (server.isBlank()) {
      throw new InvalidInputException("--server (or CRAFT_SERVER) is required");
    }
    if (token.isBlank()) {
      throw new InvalidInputException("--token (or CRAFT_TOKEN) is required");
    }
    this.base = URI.create(server.endsWith("/") ? server : server + "/");
    this.token = token;
  }

  /** The server answered with a problem; the message is its detail. */
  static final class ApiException extends CraftException {
    final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  JsonNode get(String path) {
    return send(request(path).GET(), "application/json");
  }

  JsonNode post(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body))),
        "application/json");
  }

  JsonNode postBytes(String path, byte[] body, String contentType) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        contentType);
  }

  /** A non-JSON (or verbatim) answer, such as a document to download. */
  String getText(String path) {
    HttpResponse<String> response = exchange(request(path).GET());
    if (response.statusCode() >= 400) {
      String detail = parse(response.body()).path("detail").asText(response.body());
      throw new ApiException(
          response.statusCode(), "server answered " + response.statusCode() + ": " + detail);
    }
    return response.body();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder builder, String what) {
    HttpResponse<String> response = exchange(builder);
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 400) {
      String detail = body.path("detail").asText(response.body());
      throw new ApiException(
          response.statusCode(), "server answered " + response.statusCode() + ": " + detail);
    }
    return body;
  }

  private HttpResponse<String> exchange(HttpRequest.Builder builder) {
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new UncheckedIOException("cannot connect to " + base, e);
    } catch (IOException e) {
      throw new UncheckedIOException("request to " + base + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return response;
  }

  private static JsonNode parse(String text) {
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode().put("detail", text);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
