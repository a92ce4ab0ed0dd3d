package dev.craft.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.AuditChain;
import dev.craft.core.AuditCheckpoint;
import dev.craft.core.AuditEntry;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Pem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code craft audit verify FILE --public-key KEY}: checks an audit export without the server. Exit
 * 0 when intact, 4 naming the first bad entry when anything was edited, deleted, inserted or
 * reordered, 3 when unreadable.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify an audit export (JSON lines) against the server's Ed25519 public key.")
public final class AuditVerifyCommand implements Callable<Integer> {
  private static final long MAX_LINE_CHARS = 1_000_000;
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(8)
                      .maxStringLength((int) MAX_LINE_CHARS)
                      .build())
              .build());

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The export (GET /api/v1/audit/export).")
  Path file;

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "KEY",
      description = "PEM file from GET /api/v1/audit/public-key.")
  Path publicKey;

  @Option(names = "--format", description = "text or json (default text).")
  OutputFormat format = OutputFormat.text;

  @Override
  public Integer call() throws IOException {
    var key = Pem.readEd25519PublicKey(Files.readString(publicKey));
    List<AuditEntry> entries = new ArrayList<>();
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE_CHARS) {
          throw new InvalidInputException(file + ":" + number + ": line too long");
        }
        parseLine(line, number, entries, checkpoints);
      }
    }
    AuditChain.Verdict verdict = AuditChain.verify(entries, checkpoints, key);
    var out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", file.toString());
      result.put("intact", verdict.intact());
      result.put("entries", verdict.entries());
      result.put("checkpoints", verdict.checkpoints());
      result.put("problem", verdict.problem());
      out.println(JSON.writeValueAsString(result));
    } else if (verdict.intact()) {
      out.printf(
          "intact: %d entries, %d signed checkpoints%n", verdict.entries(), verdict.checkpoints());
    }
    out.flush();
    if (!verdict.intact()) {
      throw new CheckFailedException("audit log NOT intact: " + verdict.problem());
    }
    return ExitCodes.OK;
  }

  private void parseLine(
      String line, int number, List<AuditEntry> entries, List<AuditCheckpoint> checkpoints) {
    String where = file + ":" + number + ": ";
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(where + "not JSON (" + e.getOriginalMessage() + ")");
    }
    if (n == null || !n.isObject()) {
      throw new InvalidInputException(where + "each line must be a JSON object");
    }
    try {
      switch (text(n, "type", where)) {
        case "entry" ->
            entries.add(
                new AuditEntry(
                    number(n, "seq", where),
                    Instant.parse(text(n, "at", where)),
                    text(n, "actor", where),
                    text(n, "action", where),
                    text(n, "entityType", where),
                    text(n, "entityId", where),
                    text(n, "state", where),
                    text(n, "prevHash", where),
                    text(n, "hash", where)));
        case "checkpoint" ->
            checkpoints.add(
                new AuditCheckpoint(
                    number(n, "seq", where),
                    text(n, "hash", where),
                    Instant.parse(text(n, "at", where)),
                    text(n, "signature", where)));
        default -> throw new InvalidInputException(where + "unknown line type");
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(where + "'at' is not an ISO-8601 instant");
    }
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidInputException(where + "missing text field '" + field + "'");
    }
    return v.textValue();
  }

  private static long number(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new InvalidInputException(where + "missing whole-number field '" + field + "'");
    }
    return v.longValue();
  }
}
