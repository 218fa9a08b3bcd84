package dk.os2.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 13: the application against a bare Camunda engine, side by side on one
 * embedded PostgreSQL (a database each), each side in a JVM of its own. Run with
 * {@code ./mvnw -B -Pbenchmark verify} ({@code -Dbenchmark.quick=true}: short rounds, small data).
 * It fails when a lifecycle does not complete, never because a goal is missed: the report says so.
 */
class Benchmark {

  static final String PEOPLE_PASSWORD = "hemmeligt-kodeord";

  final boolean quick = Boolean.getBoolean("benchmark.quick");
  final Path basedir = Path.of(System.getProperty("benchmark.basedir", "."));
  final int roundSeconds = Integer.getInteger("benchmark.round-seconds", quick ? 10 : 60);
  final int products = Integer.getInteger("benchmark.products", quick ? 1_000 : 10_000);
  final int tasksPerBody = Integer.getInteger("benchmark.tasks-per-body", quick ? 25 : 500);
  final int repetitions = quick ? 1 : 3;
  final int samples = quick ? 15 : 50;
  final int threads = 4;
  /** Phases can be left out while working on one figure; such a partial run does not touch docs/ or README. */
  final boolean skipCounting = Boolean.getBoolean("benchmark.skip-counting");
  final boolean skipThroughput = Boolean.getBoolean("benchmark.skip-throughput");
  final boolean skipScale = Boolean.getBoolean("benchmark.skip-scale");
  /** Comma-separated parts of query labels: only those queries are measured at scale (all when empty). */
  final List<String> onlyQueries = Arrays.stream(System.getProperty("benchmark.queries", "").split(","))
      .map(String::trim).filter(part -> !part.isEmpty()).toList();
  final Report report = new Report();

  @Test
  void run() throws Exception {
    report.mode = quick ? "quick" : "full";
    report.settings = "rounds " + roundSeconds + " s, " + products + " products, " + tasksPerBody
        + " open tasks per body, " + repetitions + " measured lifecycle(s) of each kind, " + samples + " samples per query";
    report.loadBefore = loadAverage();
    long began = System.nanoTime();
    Path logs = basedir.resolve("target/benchmark");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String mainClasses = basedir.resolve("target/classes").toAbsolutePath().normalize().toString();
    // Absolute entries only: an empty entry would put the working directory (the repository, with
    // its bpmn/ folder) on the class path a second time.
    classPath = Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
    String bareClassPath = Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.equals(mainClasses)).collect(Collectors.joining(File.pathSeparator));
    Side app = new Side("app", AppMain.class.getName(), classPath, logs);
    Side bare = new Side("bare", "dk.os2.benchmark.bare.BareApp", bareClassPath, logs);
    Catalogue catalogue;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      catalogue = CatalogueReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Lifecycles lifecycles = new Lifecycles(catalogue);

    try {
      phases(app, bare, logs, lifecycles);
    } catch (Exception | AssertionError e) {
      // Write what was measured, then fail loudly.
      e.printStackTrace();
      report.failures.add("run stopped: " + e);
    }

    report.loadAfter = loadAverage();
    report.minutes = (System.nanoTime() - began) / 60e9;
    String markdown = report.markdown();
    System.out.println(markdown);
    boolean partial = skipCounting || skipThroughput || skipScale || !onlyQueries.isEmpty()
        || Boolean.getBoolean("benchmark.skip-startup");
    if (partial) {
      Files.createDirectories(logs);
      Files.writeString(logs.resolve("partial.md"), markdown);
      log("partial run: the table is in %s (docs/ and README are left as they are)", logs.resolve("partial.md"));
    } else {
      Files.createDirectories(basedir.resolve("docs"));
      Files.writeString(basedir.resolve("docs/benchmark.md"), markdown);
    }
    if (!partial && report.failures.isEmpty() && !Boolean.getBoolean("benchmark.startup-only")) {
      report.updateReadme(basedir.resolve("README.md"));
    }
    if (!report.failures.isEmpty()) {
      throw new AssertionError("Lifecycles did not complete: " + report.failures);
    }
  }

  void phases(Side app, Side bare, Path logs, Lifecycles lifecycles) throws Exception {
    if (!Boolean.getBoolean("benchmark.skip-startup")) {
      startUp(app, bare, logs);
    }
    if (Boolean.getBoolean("benchmark.startup-only")) {
      return;
    }
    GreenMail smtp = new GreenMail(new ServerSetup(Side.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        s.execute("create database app");
        s.execute("create database bare");
        try (var rs = s.executeQuery("show server_version")) {
          rs.next();
          report.postgres = rs.getString(1);
        }
      }
      app.jdbcUrl = postgres.getJdbcUrl("postgres", "app");
      bare.jdbcUrl = postgres.getJdbcUrl("postgres", "bare");
      try {
        app.start("postgres", appProperties(app.jdbcUrl, smtp.getSmtp().getPort()));
        bare.start("postgres", bareProperties(bare.jdbcUrl));
        long now = System.nanoTime();
        app.awaitFirstAnswer(now, Duration.ofMinutes(15));
        bare.awaitFirstAnswer(now, Duration.ofMinutes(15));
        people(app);
        people(bare);

        if (!skipCounting) {
          counting(app, true, lifecycles);
          counting(bare, false, lifecycles);
          purge(smtp);
        }
        if (!skipThroughput) {
          throughput(app, bare, lifecycles, smtp);
        }
        if (!skipScale) {
          scale(app, bare);
        }
      } finally {
        app.stop();
        bare.stop();
        smtp.stop();
      }
    }
  }

  List<String> appProperties(String jdbcUrl, int smtpPort) {
    List<String> properties = new ArrayList<>(common());
    properties.addAll(List.of("--spring.profiles.active=demo", "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--spring.datasource.driver-class-name=org.postgresql.Driver", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort, "--os2.mail.scan-enabled=false", "--os2.demo.sample-data=false"));
    return properties;
  }

  List<String> bareProperties(String jdbcUrl) {
    List<String> properties = new ArrayList<>(common());
    properties.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--spring.datasource.driver-class-name=org.postgresql.Driver"));
    properties.addAll(bareEngine());
    return properties;
  }

  /** The bare engine's settings: those of the application's engine that matter, nothing else. */
  static List<String> bareEngine() {
    return List.of("--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
        // Spring Session JDBC is on the shared class path for the application; the bare side keeps no sessions.
        + "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
        "--spring.flyway.enabled=false", "--spring.application.name=bare-engine",
        "--camunda.bpm.deployment-resource-pattern=classpath*:benchmark/bare/*.bpmn",
        "--camunda.bpm.authorization.enabled=true", "--camunda.bpm.history-level=full",
        "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.generic-properties.properties.default-user-permission-name-for-task=TASK_WORK",
        "--camunda.bpm.generic-properties.properties.enforce-history-time-to-live=true",
        "--camunda.bpm.generic-properties.properties.enable-expressions-in-adhoc-queries=false",
        "--camunda.bpm.generic-properties.properties.history-cleanup-enabled=false",
        "--camunda.bpm.job-execution.enabled=true");
  }

  /** Both sides: the job executor looks for due jobs at least every second when idle. */
  static List<String> common() {
    return List.of("--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.level.root=WARN", "--logging.level.org.springframework.boot.web.embedded=INFO");
  }

  // --- start-up ---

  void startUp(Side app, Side bare, Path logs) throws IOException {
    Path h2 = Files.createTempDirectory("benchmark-h2");
    List<String> appH2 = new ArrayList<>(common());
    appH2.addAll(List.of("--spring.profiles.active=demo", "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("app"),
        "--os2.mail.scan-enabled=false", "--os2.demo.sample-data=false"));
    List<String> bareH2 = new ArrayList<>(common());
    bareH2.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + h2.resolve("bare"), "--spring.datasource.username=sa",
        "--spring.datasource.password="));
    bareH2.addAll(bareEngine());
    for (String phase : List.of("first", "restart")) {
      for (Side side : List.of(app, bare)) {
        long began = System.nanoTime();
        side.start("h2-" + phase, side == app ? appH2 : bareH2);
        double seconds = side.awaitFirstAnswer(began, Duration.ofMinutes(15));
        side.stop();
        report.startUp.put(side.name + " " + phase, seconds);
        log("start-up (H2, %s) %s: %.1f s", phase, side.name, seconds);
      }
    }
  }

  /** The steering-group chair and a supplier, through the administrator (as Camunda Admin would). */
  void people(Side side) {
    if (side.name.equals("bare")) {
      return;
    }
    for (String user : List.of("styreformand", "leverandoer")) {
      Lifecycles.ok(side.as("admin").post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", user, "firstName", user, "lastName", "Benchmark", "email", user + "@eksempel.dk"),
          "credentials", Map.of("password", PEOPLE_PASSWORD))), 204);
    }
  }

  // --- statements and transactions per lifecycle ---

  void counting(Side side, boolean app, Lifecycles lifecycles) {
    // One unmeasured round first: class loading, caches, first deployments' queries.
    runAll(side, app, lifecycles, Lifecycles.PLAIN, Lifecycles.PLAIN, Lifecycles.PLAIN);
    side.awaitIdle(Duration.ofMinutes(2));
    for (int r = 0; r < repetitions; r++) {
      Measured proposal = new Measured(side);
      Measured levelChange = new Measured(side);
      Measured evaluation = new Measured(side);
      runAll(side, app, lifecycles, proposal, levelChange, evaluation);
      report.add(side.name, "proposal", proposal.steps);
      report.add(side.name, "levelChange", levelChange.steps);
      report.add(side.name, "evaluation", evaluation.steps);
    }
    log("counted %s", side.name);
  }

  private void runAll(Side side, boolean app, Lifecycles lifecycles, Lifecycles.Steps proposal,
      Lifecycles.Steps levelChange, Lifecycles.Steps evaluation) {
    String name = "Maaling " + UUID.randomUUID().toString().substring(0, 8);
    lifecycles.proposal(side, app, name, proposal);
    side.awaitIdle(Duration.ofMinutes(2));
    String product = lifecycles.prepareProduct(side, app, name);
    side.awaitIdle(Duration.ofMinutes(2));
    lifecycles.levelChange(side, app, product, levelChange);
    side.awaitIdle(Duration.ofMinutes(2));
    lifecycles.evaluation(side, app, product, evaluation);
    side.awaitIdle(Duration.ofMinutes(2));
  }

  /** Counts around each step, the job executor's work after it included (it waits until idle). */
  static final class Measured implements Lifecycles.Steps {
    final Side side;
    final Map<String, Side.Counts> steps = new LinkedHashMap<>();

    Measured(Side side) {
      this.side = side;
    }

    @Override
    public void step(String label, Runnable action) {
      Side.Counts before = side.counts();
      action.run();
      side.awaitIdle(Duration.ofMinutes(2));
      steps.put(label, side.counts().minus(before));
    }
  }

  // --- throughput ---

  void throughput(Side app, Side bare, Lifecycles lifecycles, GreenMail smtp) {
    for (int round = 1; round <= 2; round++) {
      for (Side side : List.of(app, bare)) {
        boolean isApp = side == app;
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + roundSeconds * 1_000_000_000L;
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          clients.add(pool.submit(() -> {
            while (System.nanoTime() < deadline) {
              try {
                lifecycles.proposal(side, isApp, "Last " + UUID.randomUUID().toString().substring(0, 8), Lifecycles.PLAIN);
                done.incrementAndGet();
              } catch (RuntimeException e) {
                report.failures.add(side.name + " throughput: " + e.getMessage());
                return;
              }
            }
          }));
        }
        for (Future<?> client : clients) {
          try {
            client.get();
          } catch (Exception e) {
            report.failures.add(side.name + " throughput: " + e);
          }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - began) / 1e9;
        double drain = side.awaitIdle(Duration.ofMinutes(5));
        report.rounds.add(new Report.Round(round, side.name, done.get(), seconds, drain));
        log("throughput round %d %s: %d lifecycles in %.1f s (%.2f/s), job executor drained in %.1f s",
            round, side.name, done.get(), seconds, done.get() / seconds, drain);
        purge(smtp);
      }
    }
  }

  static void purge(GreenMail smtp) {
    try {
      smtp.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- at scale ---

  void scale(Side app, Side bare) throws Exception {
    Map<String, Object> inserted = ScaleData.insertProducts(app.jdbcUrl, products);
    report.seeding.put("products and decisions (SQL batch insert)", inserted.toString());
    log("seeded %s", inserted);
    long began = System.nanoTime();
    report.seeding.put("app open tasks (engine API, 2 threads)", app.control("/seed?perBody=" + tasksPerBody, "POST").toString());
    report.seeding.put("app job executor drained (s)", String.format("%.1f", app.awaitIdle(Duration.ofMinutes(20))));
    report.seeding.put("app seeding in all (s)", String.format("%.1f", (System.nanoTime() - began) / 1e9));
    report.seeding.put("bare open tasks (engine API)", bare.control("/seed?perBody=" + tasksPerBody, "POST").toString());
    bare.awaitIdle(Duration.ofMinutes(5));
    log("seeded open tasks: %s", report.seeding);

    RestClient secretariat = app.as("sekretariat");
    String someProduct = secretariat.get("/api/products?q=" + ScaleData.PREFIX.trim() + "&size=1").json()
        .path("items").get(0).path("id").asText();
    List<Query> queries = new ArrayList<>();
    queries.add(new Query("GET /api/products (first page)", "sekretariat", "/api/products", null, false));
    queries.add(new Query("GET /api/products?level=N2&status=ACTIVE", "sekretariat", "/api/products?level=N2&status=ACTIVE",
        null, false));
    queries.add(new Query("GET /api/products?q=borgerservice", "sekretariat", "/api/products?q=borgerservice", null, false));
    queries.add(new Query("/app/produkter (portfolio page)", "sekretariat", "/app/produkter", null, false));
    queries.add(new Query("GET /api/products/{id}", "sekretariat", "/api/products/" + someProduct, null, false));
    queries.add(new Query("GET /api/board-agenda", "bestyrelse", "/api/board-agenda", null, false));
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("sekretariat", "forretningsledelse");
    bodies.put("forretningsudvalg", "forretningsudvalg");
    bodies.put("bestyrelse", "bestyrelse");
    bodies.put("koordinationsudvalg", "koordinationsudvalg");
    for (Map.Entry<String, String> body : bodies.entrySet()) {
      String group = body.getValue();
      queries.add(new Query("task list, candidateGroup=" + group, body.getKey(),
          "/engine-rest/task?candidateGroup=" + group + "&firstResult=0&maxResults=15&sortBy=created&sortOrder=desc", null, true));
      queries.add(new Query("task count, candidateGroup=" + group, body.getKey(),
          "/engine-rest/task/count?candidateGroup=" + group, null, true));
      Map<String, Object> tasklist = new LinkedHashMap<>();
      tasklist.put("candidateGroups", List.of(group));
      tasklist.put("withCandidateGroups", true);
      tasklist.put("includeAssignedTasks", true);
      tasklist.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
      queries.add(new Query("Tasklist query (POST, candidateGroups of " + body.getKey() + ")", body.getKey(),
          "/engine-rest/task?firstResult=0&maxResults=15", tasklist, true));
      queries.add(new Query("Tasklist count (POST, candidateGroups of " + body.getKey() + ")", body.getKey(),
          "/engine-rest/task/count", tasklist, true));
    }
    queries.removeIf(query -> !onlyQueries.isEmpty() && onlyQueries.stream().noneMatch(query.label()::contains));
    for (Query query : queries) {
      report.latencies.add(measure(app, query));
      if (query.bare()) {
        report.latencies.add(measure(bare, query));
      }
    }
  }

  record Query(String label, String user, String path, Object body, boolean bare) {}

  Report.Latency measure(Side side, Query query) {
    RestClient client = side.as(query.user());
    side.awaitIdle(Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      send(client, query);
    }
    Side.Counts before = side.counts();
    double[] ms = new double[samples];
    String answer = null;
    for (int i = 0; i < samples; i++) {
      long began = System.nanoTime();
      RestClient.Response response = send(client, query);
      ms[i] = (System.nanoTime() - began) / 1e6;
      if (response.status() != 200) {
        report.failures.add(side.name + " " + query.label() + ": " + response.status() + " " + response.body());
        break;
      }
      answer = response.body();
    }
    Side.Counts used = side.counts().minus(before);
    Arrays.sort(ms);
    Report.Latency latency = new Report.Latency(query.label(), side.name, percentile(ms, 50), percentile(ms, 95),
        ms[ms.length - 1], (double) used.statements() / samples, answer == null ? 0 : answer.length());
    log("%s %s: p50 %.1f ms, p95 %.1f ms, %.1f statements", side.name, query.label(), latency.p50(), latency.p95(),
        latency.statementsPerRequest());
    return latency;
  }

  private static RestClient.Response send(RestClient client, Query query) {
    return query.body() == null ? client.get(query.path()) : client.post(query.path(), query.body());
  }

  static double percentile(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void log(String format, Object... args) {
    System.out.println("[benchmark] " + String.format(format, args));
  }
}
