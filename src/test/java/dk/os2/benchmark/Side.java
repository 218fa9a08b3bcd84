package dk.os2.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.RestClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** One side of the benchmark (the application or the bare engine), in a JVM of its own. */
final class Side {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  final String mainClass;
  final String classPath;
  final Path logDir;
  int port;
  int controlPort;
  String jdbcUrl;
  private Process process;
  private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
  private Connection watch;

  Side(String name, String mainClass, String classPath, Path logDir) {
    this.name = name;
    this.mainClass = mainClass;
    this.classPath = classPath;
    this.logDir = logDir;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  RestClient as(String user) {
    String password = user.equals("styreformand") || user.equals("leverandoer") ? Benchmark.PEOPLE_PASSWORD : "demo";
    return clients.computeIfAbsent(user, u -> new RestClient(baseUrl(), u, password));
  }

  /** Starts the JVM; the arguments are Spring Boot properties ({@code --name=value}). */
  void start(String phase, List<String> properties) {
    port = freePort();
    controlPort = freePort();
    clients.clear();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4", "-Dbenchmark.control.port=" + controlPort,
        "-Dfile.encoding=UTF-8"));
    // For profiling a side: -Dbenchmark.app-jvm-args="-XX:StartFlightRecording=filename=app.jfr" (or bare-)
    String extra = System.getProperty("benchmark." + name + "-jvm-args", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-cp", classPath, mainClass, "--server.port=" + port));
    command.addAll(properties);
    try {
      logDir.toFile().mkdirs();
      File log = logDir.resolve(name + "-" + phase + ".log").toFile();
      process = new ProcessBuilder(command).directory(logDir.toFile()).redirectErrorStream(true).redirectOutput(log).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seconds from {@code began} (nanoTime) until the engine REST API answers a logged-in user. */
  double awaitFirstAnswer(long began, Duration atMost) {
    try {
      Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
          .failFast(name + " stopped while starting; see " + logDir.resolve(name + "-*.log"), () -> !process.isAlive())
          .until(this::answers);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " did not answer within " + atMost);
    }
    return (System.nanoTime() - began) / 1e9;
  }

  /** Whether the engine REST API answers a logged-in user. */
  private boolean answers() throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/process-definition/count"))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("kommune:demo".getBytes()))
          .timeout(Duration.ofSeconds(10)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    if (watch != null) {
      try {
        watch.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
      watch = null;
    }
  }

  JsonNode control(String path, String method) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
          .timeout(Duration.ofMinutes(30));
      request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " control " + path + ": " + response.body());
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Counts counts() {
    JsonNode c = control("/counts", "GET");
    return new Counts(c.path("statements").asLong(), c.path("selects").asLong(), c.path("writes").asLong(),
        c.path("executions").asLong(), c.path("transactions").asLong(), c.path("rollbacks").asLong());
  }

  record Counts(long statements, long selects, long writes, long executions, long transactions, long rollbacks) {
    Counts minus(Counts o) {
      return new Counts(statements - o.statements, selects - o.selects, writes - o.writes,
          executions - o.executions, transactions - o.transactions, rollbacks - o.rollbacks);
    }

    Counts plus(Counts o) {
      return new Counts(statements + o.statements, selects + o.selects, writes + o.writes,
          executions + o.executions, transactions + o.transactions, rollbacks + o.rollbacks);
    }
  }

  /** Jobs the job executor still has to run (due, with retries left) or is running (locked). */
  long pendingJobs() {
    try {
      if (watch == null || watch.isClosed()) {
        watch = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
      }
      try (Statement statement = watch.createStatement(); ResultSet rs = statement.executeQuery("""
          select count(*) from act_ru_job
          where (retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= localtimestamp))
             or lock_owner_ is not null""")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the side is quiet: no job due or running and no counted statement for a while, so
   * that the statements the job executor runs after a request are counted with it.
   */
  double awaitIdle(Duration atMost) {
    long began = System.nanoTime();
    AtomicInteger quiet = new AtomicInteger();
    AtomicLong last = new AtomicLong(-1);
    try {
      Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(150)).until(() -> {
        long statements = counts().statements();
        boolean noneRan = statements == last.getAndSet(statements);
        if (noneRan && pendingJobs() == 0) {
          return quiet.incrementAndGet() >= 3;
        }
        quiet.set(0);
        return false;
      });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " did not become idle within " + atMost + " (" + pendingJobs() + " jobs)");
    }
    return (System.nanoTime() - began) / 1e9;
  }

}
