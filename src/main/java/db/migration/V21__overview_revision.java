package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code overview_revision}: one row whose {@code revision} changes with every committed
 * transaction that changes what the portfolio page sums up (products, the municipalities using
 * them, evaluations and their items, the deviation register, criteria catalogues). The page keeps
 * its figures, charts and municipality list for one revision, so a change made on any node, or by
 * hand in SQL, shows on the next page load on every node.
 *
 * <p>On PostgreSQL the database keeps it: a deferred constraint trigger on each of those tables
 * bumps the revision once per transaction, at commit (the row is locked only for the commit, not
 * for the transaction). H2, the one-JVM demo database, has no triggers without a Java class on its
 * class path; there the revision stays null, and the page reads its figures on every load.
 */
public class V21__overview_revision extends BaseJavaMigration {

  /** The tables the portfolio page's figures, charts, lights and filter choices are read from. */
  static final List<String> WATCHED = List.of("product", "product_municipality", "evaluation", "evaluation_item",
      "deviation", "criteria_catalogue");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("""
          create table overview_revision (
            id         integer primary key check (id = 1),
            revision   bigint,
            changed_by bigint
          )""");
      ddl.execute("insert into overview_revision (id, revision) values (1, " + (postgres ? "0" : "null") + ")");
      if (!postgres) {
        return;
      }
      // Once per transaction: the first watched row's trigger bumps, the others find their own transaction's mark.
      // search_path from the migration's: a schema of its own (tests) bumps its own row.
      ddl.execute("""
          create function overview_revision_bump() returns trigger language plpgsql
          set search_path from current as $$
          begin
            update overview_revision set revision = revision + 1, changed_by = txid_current()
              where id = 1 and changed_by is distinct from txid_current();
            return null;
          end $$""");
      for (String table : WATCHED) {
        ddl.execute("create constraint trigger " + table + "_overview_revision after insert or update or delete on "
            + table + " deferrable initially deferred for each row execute function overview_revision_bump()");
        ddl.execute("create trigger " + table + "_overview_revision_truncate after truncate on " + table
            + " for each statement execute function overview_revision_bump()");
      }
    }
  }
}
