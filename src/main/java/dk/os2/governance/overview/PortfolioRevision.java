package dk.os2.governance.overview;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database's revision of what the portfolio page sums up ({@code overview_revision}, Flyway
 * {@code V21}): on PostgreSQL a trigger on every table the figures are read from moves it on in
 * the same commit as the change, whichever node or tool made it. Empty on H2 (no triggers there).
 */
@Repository
class PortfolioRevision {

  private final JdbcClient sql;

  PortfolioRevision(JdbcClient sql) {
    this.sql = sql;
  }

  /** The revision committed now; empty where the database keeps none. */
  Optional<Long> current() {
    return sql.sql("select revision from overview_revision where id = 1").query(Long.class).optional();
  }
}
