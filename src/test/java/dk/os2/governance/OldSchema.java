package dk.os2.governance;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database migrated up to a given version, to hold rows in the shape they had then, and
 * then migrated to the current version: on the test run's PostgreSQL (a schema of its own) or on
 * an in-memory H2 database, the default runtime database.
 */
public final class OldSchema {

  public enum Database { POSTGRESQL, H2 }

  private final DataSource dataSource;
  private final String schema;

  private OldSchema(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = schema;
  }

  /** A new, empty database with the application's migrations applied up to {@code version}. */
  public static OldSchema at(Database database, String version) {
    String name = "v" + version + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    OldSchema old = switch (database) {
      case POSTGRESQL -> new OldSchema(
          new DriverManagerDataSource(TestDatabase.jdbcUrl() + "&password=postgres&currentSchema=" + name), name);
      case H2 -> new OldSchema(new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""),
          null);
    };
    old.flyway(version).migrate();
    return old;
  }

  /** Applies the remaining migrations. */
  public void migrateToCurrent() {
    flyway(null).migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  private Flyway flyway(String target) {
    var configuration = Flyway.configure().dataSource(dataSource).table("os2_schema_history")
        .locations("classpath:db/migration");
    if (schema != null) {
      configuration.schemas(schema);
    }
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }
}
