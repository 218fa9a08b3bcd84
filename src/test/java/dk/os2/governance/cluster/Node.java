package dk.os2.governance.cluster;

import static org.awaitility.Awaitility.await;

import dk.os2.governance.Os2GovernanceApplication;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application instance in a JVM of its own, started as an operator starts it (the application's
 * main class, command-line properties), on the cluster database and the test's SMTP server. Its
 * output goes to {@code target/cluster-logs/NAME.log}.
 */
final class Node implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "cluster-logs");

  final String name;
  final int port = TestMail.freePort();
  private final List<String> properties = new ArrayList<>();
  private Process process;

  private Node(String name, String jdbcUrl, String profile) {
    this.name = name;
    properties.add("--spring.profiles.active=" + profile);
    properties.add("--spring.datasource.url=" + jdbcUrl);
    properties.add("--spring.datasource.username=postgres");
    properties.add("--spring.datasource.password=postgres");
    properties.add("--spring.datasource.driver-class-name=org.postgresql.Driver");
    properties.add("--os2.demo.sample-data=false");
    properties.add("--os2.mail.retry-backoff=PT1S,PT1S");
    properties.add("--spring.mail.properties.mail.smtp.timeout=3000");
    properties.add("--camunda.bpm.job-execution.wait-time-in-millis=200");
    properties.add("--camunda.bpm.job-execution.max-wait=500");
    properties.add("--spring.jmx.enabled=false");
    smtp(TestMail.port());
  }

  /** A node with the demo logins (created by the first node that starts). */
  static Node demo(String name, String jdbcUrl) {
    return new Node(name, jdbcUrl, "demo");
  }

  /** A node in the production profile: it creates no logins and uses those in the database. */
  static Node production(String name, String jdbcUrl) {
    return new Node(name, jdbcUrl, "prod");
  }

  /** Adds or replaces a property (name=value, without the leading dashes). */
  Node with(String property) {
    String key = "--" + property.substring(0, property.indexOf('=') + 1);
    properties.removeIf(p -> p.startsWith(key));
    properties.add("--" + property);
    return this;
  }

  Node smtp(int smtpPort) {
    return with("spring.mail.host=127.0.0.1").with("spring.mail.port=" + smtpPort);
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  RestClient as(String user) {
    return RestClient.as(baseUrl(), user);
  }

  /** Starts the JVM and waits until its health route answers UP. */
  Node start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
    command.add("-cp");
    command.add(classPath());
    command.add(Os2GovernanceApplication.class.getName());
    command.add("--server.port=" + port);
    command.addAll(properties);
    try {
      Files.createDirectories(LOGS);
      File log = LOGS.resolve(name + ".log").toFile();
      // Run in the log folder: an empty class path entry means the working directory, and the
      // project root holds bpmn/ and forms/, which would be deployed a second time.
      process = new ProcessBuilder(command).directory(LOGS.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Should the test JVM end without closing the node, the node ends with it.
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitUp();
    return this;
  }

  /** The test's class path (surefire keeps it in a property of its own), without empty entries. */
  private static String classPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(path.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
        .map(entry -> new File(entry).getAbsolutePath()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  void awaitUp() {
    await(name + " answers on /actuator/health (log: target/cluster-logs/" + name + ".log)")
        .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " stopped with exit code " + process.exitValue()
                + "; see target/cluster-logs/" + name + ".log");
          }
          return health() == 200;
        });
  }

  int health() {
    try {
      return RestClient.anonymous(baseUrl()).get("/actuator/health").status();
    } catch (RuntimeException notListening) {
      return 0;
    }
  }

  /** Kills the JVM at once (SIGKILL): nothing is closed, nothing is flushed. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** Stops the JVM as an orchestrator does (SIGTERM: Spring closes the engine and the pool). */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private void waitFor() {
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
