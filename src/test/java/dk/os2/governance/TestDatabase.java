package dk.os2.governance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL server for the whole test run, started on first use. */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  private static void awaitSpringShutdown() throws InterruptedException {
    // JVM shutdown hooks start together: give Spring's hook a moment to appear, then wait for it.
    for (int i = 0; i < 40; i++) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals("SpringApplicationShutdownHook")) {
          thread.join(20_000);
          return;
        }
      }
      Thread.sleep(50);
    }
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
