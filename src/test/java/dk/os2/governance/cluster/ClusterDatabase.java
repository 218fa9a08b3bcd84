package dk.os2.governance.cluster;

import dk.os2.governance.TestMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The cluster tests' PostgreSQL: one embedded server for the whole surefire execution, on a fixed
 * port and data directory, so that a test can stop it and start it again under running nodes, as
 * an operator's database restart does. Each test class gets a database of its own.
 */
final class ClusterDatabase {

  private static final File DATA = Path.of("target", "cluster-postgres").toFile();
  private static EmbeddedPostgres server;
  private static int port;

  private ClusterDatabase() {}

  /** A fresh database on the shared server, created on first use. */
  static synchronized String create(String name) {
    if (port == 0) {
      deleteData();
      port = TestMail.freePort();
      start();
      Runtime.getRuntime().addShutdownHook(new Thread(ClusterDatabase::stop));
    }
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + name + " with (force)");
      c.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url(name);
  }

  static String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** Stops the server (fast shutdown: open connections are cut, as in a real restart). */
  static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  /** Starts the server on the same port and data directory: the data is still there. */
  static synchronized void start() {
    try {
      server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(DATA).setCleanDataDirectory(false)
          .setRegisterShutdownHook(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  private static void deleteData() {
    if (!DATA.exists()) {
      return;
    }
    try (Stream<Path> files = Files.walk(DATA.toPath())) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
