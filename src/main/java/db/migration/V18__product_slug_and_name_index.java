package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lookups that read the whole product table become index lookups:
 *
 * <ul>
 *   <li>{@code product.slug}: the name as it reads in a badge's address ({@code /badge/os2-moedebooking.svg}),
 *       kept by the portfolio wherever the name is written, indexed; existing rows are filled here, in
 *       Java, with the same rule (no SQL common to H2 and PostgreSQL spells æ, ø and å out);
 *   <li>on PostgreSQL, an index on {@code lower(name)}, the portfolio's order by name ({@code Portfolio.products});
 *       H2 (the demo) knows no expression indexes.
 * </ul>
 */
public class V18__product_slug_and_name_index extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table product add column slug varchar(300)");
    }
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("select id, name from product");
        PreparedStatement update = connection.prepareStatement("update product set slug = ? where id = ?")) {
      while (rows.next()) {
        update.setString(1, slug(rows.getString(2)));
        update.setString(2, rows.getString(1));
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("create index product_slug_idx on product (slug, status)");
      if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        ddl.execute("create index product_name_lower_idx on product (lower(name))");
      }
    }
  }

  /** The rule of {@code Portfolio.slug} as it was when this migration was written. */
  static String slug(String name) {
    if (name == null) {
      return null;
    }
    String spelled = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
    String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.length() > 300 ? slug.substring(0, 300) : slug;
  }
}
