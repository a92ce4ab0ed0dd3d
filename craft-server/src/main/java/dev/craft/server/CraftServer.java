package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.User;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.AuditLog;
import dev.craft.store.CaseStore;
import dev.craft.store.Database;
import dev.craft.store.DbSettings;
import dev.craft.store.EmbeddedDatabase;
import dev.craft.store.EscalationStore;
import dev.craft.store.FindingStore;
import dev.craft.store.LoginFailureStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SessionStore;
import dev.craft.store.SubmissionStore;
import dev.craft.store.TeamStore;
import dev.craft.store.TokenStore;
import dev.craft.store.UserStore;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's composition root: builds the object graph from a {@link ServerConfig}, starts HTTP,
 * and owns every resource it opened.
 */
public final class CraftServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CraftServer.class);

  private final List<AutoCloseable> resources;
  private final Javalin app;
  private final URI url;
  private final Optional<String> generatedAdminPassword;
  private final List<String> routes;

  private CraftServer(
      List<AutoCloseable> resources,
      Javalin app,
      URI url,
      Optional<String> generatedAdminPassword,
      List<String> routes) {
    this.resources = resources;
    this.app = app;
    this.url = url;
    this.generatedAdminPassword = generatedAdminPassword;
    this.routes = List.copyOf(routes);
  }

  public static CraftServer start(ServerConfig config) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      return start(config, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static CraftServer start(ServerConfig config, List<AutoCloseable> resources) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
    }
    DbSettings dbSettings;
    if (config.embeddedDatabase()) {
      EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
      resources.add(embedded);
      dbSettings = embedded.settings(config.dbPoolSize());
    } else {
      dbSettings =
          new DbSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
    }
    Database db = Database.open(dbSettings);
    resources.add(0, db);

    var jdbi = db.jdbi();
    var users = new UserStore(jdbi);
    var tokens = new TokenStore(jdbi);
    var teams = new TeamStore(jdbi);
    var products = new ProductStore(jdbi);
    var releases = new ReleaseStore(jdbi);
    var auditLog = new AuditLog(jdbi);
    var hasher = new PasswordHasher();
    var accounts = new Accounts(users, tokens, hasher);
    var signer = AuditSigner.loadOrCreate(config.dataDir(), auditLog);
    var csafSigner =
        CsafSigner.loadOrCreate(config.dataDir(), config.csaf().publisherName() + " CSAF signing");
    var auth =
        new Auth(
            users, new SessionStore(jdbi), tokens, new LoginFailureStore(jdbi), hasher, config);

    var sbomStore = new dev.craft.store.SbomStore(jdbi);
    var advisoryStore = new AdvisoryStore(jdbi);
    // A new SBOM's findings may be written on extra connections (ADR 098): two of the default ten.
    var findingStore = new FindingStore(jdbi, (config.dbPoolSize() - 2) / 4);
    // Components stored before findings existed get their package key once.
    advisoryStore.backfillPackageKeys();
    var nvdStore = new dev.craft.store.NvdStore(jdbi);
    var euvdStore = new dev.craft.store.EuvdStore(jdbi);
    var advisoryService =
        new AdvisoryService(
            advisoryStore,
            new dev.craft.store.ExploitationStore(jdbi),
            findingStore,
            dev.craft.formats.AdvisoryLimits.DEFAULT,
            new FeedEnrichment(nvdStore, euvdStore));
    var sbomService =
        new SbomService(
            sbomStore,
            dev.craft.formats.ReadLimits.DEFAULT.withMaxBytes(config.maxBodyBytes()),
            advisoryService);
    var csafStore = new dev.craft.store.CsafStore(jdbi);
    var csafRevisions = new dev.craft.store.CsafRevisionStore(jdbi, csafStore);
    var csafService =
        new CsafService(
            csafStore, csafRevisions, products, releases, sbomStore, config.csaf(), csafSigner);
    Optional<String> generatedPassword = bootstrapAdmin(config, users, accounts);
    if (config.demo()) {
      new DemoData(teams, products, releases, accounts, sbomService, advisoryService, csafService)
          .loadIfEmpty();
    }
    signer.checkpointHead();

    var metrics = new Metrics();
    resources.add(0, metrics);
    var openApi = OpenApiDoc.load();
    var pages = new Pages(TemplateEngine.createPrecompiled(ContentType.Html));
    var productApi = new ProductApi(products, releases);
    var accountApi = new AccountApi(accounts, users, tokens, teams, products);
    var auditApi = new AuditApi(auditLog, signer);
    var sbomApi = new SbomApi(sbomService, sbomStore);
    var feedQueue = new dev.craft.store.JobQueue(jdbi, java.time.Duration.ofHours(1));
    var feedState = new dev.craft.store.FeedStateStore(jdbi);
    var sourceFeeds =
        new SourceFeeds(
            config.feeds().sources(),
            advisoryService,
            advisoryStore,
            nvdStore,
            euvdStore,
            config.maxBodyBytes());
    var feeds =
        new AdvisoryFeeds(
            config.feeds(),
            advisoryService,
            advisoryStore,
            feedQueue,
            config.maxBodyBytes(),
            feedState,
            sourceFeeds);
    var feedApi =
        new FeedApi(advisoryService, nvdStore, euvdStore, feedState, feedQueue, sourceFeeds);
    var advisorySources =
        new AdvisorySources(
            advisoryStore, nvdStore, euvdStore, new dev.craft.store.ExploitationStore(jdbi));
    var web = new WebUi(pages, auth, products, releases, accounts, tokens, auditLog, openApi);
    var triage = TriageWiring.create(jdbi, products, releases, pages, web, config.triage());
    var vex = VexWiring.create(jdbi, products, releases, sbomStore, pages, web, config.csaf());
    var advisoryApi =
        new AdvisoryApi(
            advisoryService, advisoryStore, findingStore, feeds, triage, advisorySources);
    var escalations = new EscalationStore(jdbi);
    var art14 =
        new Art14Cases(
            new CaseStore(jdbi),
            new SubmissionStore(jdbi),
            escalations,
            config.escalation().dueSoon(),
            Clock.systemUTC());
    var caseApi = new CaseApi(art14, pages);
    var caseUi = new CaseUi(pages, auth, art14, products);
    var advisoryPages =
        new AdvisoryPages(pages, web, advisoryStore, findingStore, advisorySources, feedState);
    var releasePage =
        new ReleasePage(
            pages,
            web,
            products,
            releases,
            sbomStore,
            sbomService,
            findingStore,
            triage,
            advisorySources);
    var adminPage = new AdminPage(pages, web, accounts, users, teams, products);
    var compliance = ComplianceWiring.create(jdbi, products, releases, pages, auth, config.demo());
    var cvdStore = new dev.craft.store.CvdStore(jdbi);
    var csafApi =
        new CsafApi(
            csafService,
            csafStore,
            csafRevisions,
            new CsafFiles(config.publicUrl(), config.csaf(), csafSigner),
            csafSigner);
    var csafPages = new CsafPages(pages, web, auth, csafStore, csafRevisions);
    var csafForms =
        new CsafFormPages(
            pages,
            web,
            csafService,
            csafStore,
            csafRevisions,
            products,
            releases,
            new CsafFindingPrefill(findingStore, advisoryStore),
            cvdStore);
    var cvdService =
        new CvdService(
            cvdStore,
            config.cvd(),
            config.publicUrl(),
            CvdService.key(config.cvd(), config.dataDir()));
    var cvdApi = new CvdApi(cvdService, cvdStore);
    var cvdFindings =
        new CvdFindings(
            cvdStore, new dev.craft.store.ManualFindingStore(jdbi), products, releases, web);
    var cvdPages = new CvdPages(pages, web, auth, cvdService, cvdStore, art14, cvdFindings);
    var upstream =
        new UpstreamReports(
            new dev.craft.store.UpstreamReportStore(jdbi),
            findingStore,
            triage.queries(),
            sbomStore);
    var upstreamApi = new UpstreamReportApi(upstream);
    var upstreamPages = new UpstreamReportPages(pages, web, products, upstream);
    var dashboardPage =
        new DashboardPage(pages, web, new dev.craft.store.DashboardStore(jdbi), art14, cvdStore);
    List<String> routes = new ArrayList<>();

    Javalin app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.jsonMapper(new JsonBodyMapper());
              c.staticFiles.enableWebjars();
              c.staticFiles.add("/public", Location.CLASSPATH);
              c.jetty.host = config.host();
              c.jetty.port = config.port();
              c.events.handlerAdded(
                  meta -> {
                    if (meta.getHttpMethod().isHttpMethod()) {
                      routes.add(meta.getHttpMethod().name() + " " + meta.getPath());
                    }
                  });

              var r = c.routes;
              r.before(
                  ctx -> {
                    metrics.begin(ctx);
                    SecurityHeaders.apply(ctx);
                  });
              r.before("/api/v1/*", ctx -> ApiGuard.check(ctx, auth));
              r.after(metrics::end);

              r.get("/health/live", ctx -> ctx.json(java.util.Map.of("status", "up")));
              r.get(
                  "/health/ready",
                  ctx -> {
                    boolean ready = db.ready();
                    ctx.status(ready ? 200 : 503)
                        .json(java.util.Map.of("status", ready ? "ready" : "database unavailable"));
                  });
              r.get("/metrics", metrics::scrape);
              r.get("/api/openapi.json", openApi::serve);
              productApi.routes(r);
              accountApi.routes(r);
              auditApi.routes(r);
              caseApi.routes(r);
              sbomApi.routes(r);
              advisoryApi.routes(r);
              feedApi.routes(r);
              compliance.routes(r);
              web.routes(r);
              releasePage.routes(r);
              advisoryPages.routes(r);
              adminPage.routes(r);
              cvdApi.routes(r);
              cvdPages.routes(r);
              cvdFindings.routes(r);
              upstreamApi.routes(r);
              upstreamPages.routes(r);
              csafApi.routes(r);
              csafForms.routes(r);
              csafPages.routes(r);
              dashboardPage.routes(r);
              caseUi.routes(r);
              triage.routes(r);
              vex.routes(r);

              r.exception(HttpResponseException.class, (e, ctx) -> web.handle(e, ctx));
              r.exception(Exception.class, (e, ctx) -> web.handle(e, ctx));
              r.error(404, ctx -> web.notFound(ctx));
              r.error(405, ctx -> web.notFound(ctx));
            });
    app.start();
    resources.add(0, app::stop);

    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "craft-scheduler");
              t.setDaemon(true);
              return t;
            });
    resources.add(0, scheduler::shutdownNow);
    long every = config.auditCheckpointInterval().toSeconds();
    scheduler.scheduleAtFixedRate(
        () -> runQuietly("audit checkpoint", signer::checkpointHead),
        every,
        every,
        TimeUnit.SECONDS);
    var sessions = new SessionStore(jdbi);
    scheduler.scheduleAtFixedRate(
        () -> runQuietly("session purge", () -> sessions.purgeExpired(Instant.now())),
        1,
        60,
        TimeUnit.MINUTES);

    if (feeds.active()) {
      long feedEvery = config.feeds().interval().toSeconds();
      scheduler.scheduleWithFixedDelay(
          () -> runQuietly("advisory feeds", feeds::tick),
          Math.min(60, feedEvery),
          feedEvery,
          TimeUnit.SECONDS);
    }
    URI url = config.publicUrl();
    if (config.port() == 0) {
      url = URI.create("http://localhost:" + app.port());
    }
    var escalator = escalator(config.escalation(), art14, escalations, url);
    if (escalator.active()) {
      long check = config.escalation().checkInterval().toMillis();
      scheduler.scheduleWithFixedDelay(
          () -> runQuietly("Art. 14 escalation", () -> escalator.runOnce(Instant.now())),
          check,
          check,
          TimeUnit.MILLISECONDS);
    }
    LOG.info(
        "CRAFT listening on {} (database: {})",
        url,
        config.embeddedDatabase() ? "embedded" : "external");
    return new CraftServer(resources, app, url, generatedPassword, routes);
  }

  /**
   * First start: an {@code admin} account, and the fixed token of {@code admin.token} when
   * configured.
   */
  private static Optional<String> bootstrapAdmin(
      ServerConfig config, UserStore users, Accounts accounts) {
    Optional<String> generated = Optional.empty();
    if (users.count() == 0) {
      String password = config.adminPassword();
      if (password.isEmpty()) {
        password = Secrets.newPassword();
        generated = Optional.of(password);
      }
      accounts.createUser(Actor.SYSTEM, "admin", "Administrator", "", "admin", password);
    }
    if (!config.adminToken().isEmpty()) {
      User admin =
          users
              .findRowByUsername("admin")
              .map(dev.craft.store.UserRow::toUser)
              .orElseThrow(() -> new IllegalStateException("the admin account is missing"));
      accounts.ensureFixedToken(admin.actor(), config.adminToken());
    }
    return generated;
  }

  private static Art14Escalator escalator(
      EscalationSettings settings, Art14Cases cases, EscalationStore store, URI url) {
    List<EscalationChannel> channels = new ArrayList<>();
    if (settings.mailEnabled()) {
      channels.add(new MailChannel(settings));
    }
    settings
        .webhook()
        .ifPresent(u -> channels.add(new WebhookChannel(u, settings.webhookSecret())));
    return new Art14Escalator(cases, store, settings.offsets(), channels, url);
  }

  private static void runQuietly(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", what, e.getMessage());
    }
  }

  /** Every HTTP route, as "METHOD /path": lets a test hold the OpenAPI document to the code. */
  public List<String> routes() {
    return routes;
  }

  public int port() {
    return app.port();
  }

  public URI url() {
    return url;
  }

  /** The admin password generated on this first start, to be shown once; empty otherwise. */
  public Optional<String> generatedAdminPassword() {
    return generatedAdminPassword;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", r, e.getMessage());
      }
    }
    resources.clear();
  }
}
