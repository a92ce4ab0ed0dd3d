package dev.craft.cli;

import dev.craft.server.ConfigLoader;
import dev.craft.server.CraftServer;
import dev.craft.server.Logging;
import dev.craft.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code craft serve}: starts the server (embedded PostgreSQL unless CRAFT_DB_URL is set) and
 * blocks.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the CRAFT server.",
      "Configuration: --config FILE (YAML), CRAFT_* environment variables, then these flags;"
          + " see docs/configuration.md."
    })
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "HTTP port (default 8080; 0 = any free port).")
  Integer port;

  @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
  String host;

  @Option(names = "--data-dir", description = "Data directory (default ./craft-data).")
  Path dataDir;

  @Option(names = "--config", description = "YAML configuration file.")
  Path config;

  @Option(names = "--demo", description = "Load a demo manufacturer into an empty database.")
  boolean demo;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> flags = new HashMap<>();
    if (port != null) {
      flags.put("port", port.toString());
    }
    if (host != null) {
      flags.put("host", host);
    }
    if (dataDir != null) {
      flags.put("data-dir", dataDir.toString());
    }
    if (demo) {
      flags.put("demo", "true");
    }
    ServerConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv(), flags);
    Logging.configure(cfg.logFormat());
    long started = System.nanoTime();
    CraftServer server = CraftServer.start(cfg);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "craft-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%nCRAFT is running at %s (started in %.1f s, %s database in %s)%n",
        server.url(),
        (System.nanoTime() - started) / 1e9,
        cfg.embeddedDatabase() ? "embedded" : "external",
        cfg.embeddedDatabase() ? cfg.dataDir().toAbsolutePath() : "CRAFT_DB_URL");
    if (server.generatedAdminPassword().isPresent()) {
      out.printf(
          "Sign in as 'admin' with the generated password: %s%n"
              + "(shown only this once; set CRAFT_ADMIN_PASSWORD to choose it)%n",
          server.generatedAdminPassword().get());
    } else if (!cfg.adminPassword().isEmpty()) {
      out.println("Sign in as 'admin' with the password from CRAFT_ADMIN_PASSWORD.");
    } else {
      out.println("Sign in as 'admin' with the password set on first start.");
    }
    if (cfg.demo()) {
      out.println("Demo users psirt, compliance, developer, auditor: password demo-password-2026");
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
