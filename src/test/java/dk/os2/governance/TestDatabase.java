package dk.os2.governance;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/** One real PostgreSQL server for the whole test run, started on first use. */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  private static Optional<Thread> springShutdownHook() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook")).findFirst();
  }

  private static void awaitSpringShutdown() throws InterruptedException {
    // JVM shutdown hooks start together: give Spring's hook a moment to appear, then wait for it.
    Optional<Thread> hook;
    try {
      hook = await("Spring's shutdown hook").pollInSameThread().pollInterval(Duration.ofMillis(50))
          .atMost(Duration.ofSeconds(2)).until(TestDatabase::springShutdownHook, Optional::isPresent);
    } catch (ConditionTimeoutException noSpringContextToClose) {
      return;
    }
    hook.orElseThrow().join(20_000);
  }

  public static synchronized String jdbcUrl() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
      // Stop the server only after Spring has closed its contexts (and the engine with them),
      // or their shutdown would wait for a database that is gone.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          awaitSpringShutdown();
          postgres.close();
        } catch (IOException | InterruptedException ignored) {
          // the JVM is ending anyway
        }
      }));
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }
}
