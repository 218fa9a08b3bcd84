package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lists kept as joined strings become child tables, one row an element, in order:
 *
 * <ul>
 *   <li>{@code mail_outbox.recipients} (joined with ", ") becomes {@code mail_recipient};
 *   <li>{@code mail_outbox.detail} ("label: value" lines) becomes {@code mail_fact};
 *   <li>{@code evaluation.warnings} (joined with a line break) becomes {@code evaluation_warning};
 *   <li>{@code product.participating_municipalities} (typed text, one a line or separated by
 *       commas or semicolons) becomes {@code product_municipality}.
 * </ul>
 *
 * Existing rows are split here, in Java, the way the application read them until now (no split
 * function is common to H2 and PostgreSQL); then the old columns are dropped.
 */
public class V7__child_tables_for_lists extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("""
          create table mail_recipient (
            mail_id   varchar(36)   not null references mail_outbox (id),
            position  integer       not null,
            address   varchar(400)  not null,
            primary key (mail_id, position))""");
      ddl.execute("""
          create table mail_fact (
            mail_id     varchar(36)    not null references mail_outbox (id),
            position    integer        not null,
            label       varchar(100)   not null,
            fact_value  varchar(4000),
            primary key (mail_id, position))""");
      ddl.execute("""
          create table evaluation_warning (
            evaluation_id  varchar(36)    not null references evaluation (id),
            position       integer        not null,
            warning        varchar(8000)  not null,
            primary key (evaluation_id, position))""");
      ddl.execute("""
          create table product_municipality (
            product_id    varchar(36)    not null references product (id),
            position      integer        not null,
            municipality  varchar(1000)  not null,
            primary key (product_id, position))""");
    }

    split(connection, "select id, recipients from mail_outbox where recipients is not null",
        "insert into mail_recipient (mail_id, position, address) values (?, ?, ?)",
        text -> addresses(text).stream().map(a -> new String[] {truncate(a, 400)}).toList());
    split(connection, "select id, detail from mail_outbox where detail is not null",
        "insert into mail_fact (mail_id, position, label, fact_value) values (?, ?, ?, ?)",
        V7__child_tables_for_lists::facts);
    split(connection, "select id, warnings from evaluation where warnings is not null",
        "insert into evaluation_warning (evaluation_id, position, warning) values (?, ?, ?)",
        text -> Arrays.stream(text.split("\n")).map(w -> new String[] {w}).toList());
    split(connection, "select id, participating_municipalities from product where participating_municipalities is not null",
        "insert into product_municipality (product_id, position, municipality) values (?, ?, ?)",
        text -> Arrays.stream(text.split("[\\n,;]")).map(String::trim).filter(m -> !m.isEmpty()).distinct()
            .map(m -> new String[] {m}).toList());

    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table mail_outbox drop column recipients");
      ddl.execute("alter table mail_outbox drop column detail");
      ddl.execute("alter table evaluation drop column warnings");
      ddl.execute("alter table product drop column participating_municipalities");
    }
  }

  private interface Splitter {
    List<String[]> split(String text);
  }

  /** Each row's text split into child rows: (parent id, position, values...). */
  private static void split(Connection connection, String select, String insert, Splitter splitter)
      throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery(select);
        PreparedStatement add = connection.prepareStatement(insert)) {
      while (rows.next()) {
        String parent = rows.getString(1);
        List<String[]> children = splitter.split(rows.getString(2));
        for (int position = 0; position < children.size(); position++) {
          add.setString(1, parent);
          add.setInt(2, position);
          String[] values = children.get(position);
          for (int i = 0; i < values.length; i++) {
            add.setString(3 + i, values[i]);
          }
          add.addBatch();
        }
      }
      add.executeBatch();
    }
  }

  /**
   * The addresses of a recipient list joined with ", ". A comma inside a quoted display name or
   * inside angle brackets does not separate ({@code "Hansen, Karen" <karen@x.dk>} stays one).
   */
  static List<String> addresses(String text) {
    List<String> addresses = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean bracketed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '<' && !quoted) {
        bracketed = true;
      } else if (c == '>' && !quoted) {
        bracketed = false;
      } else if (c == ',' && !quoted && !bracketed) {
        addresses.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    addresses.add(current.toString());
    return addresses.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
  }

  /** "label: value" lines; a line without ": " after its label was never shown and is left out. */
  static List<String[]> facts(String text) {
    List<String[]> facts = new ArrayList<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        facts.add(new String[] {truncate(line.substring(0, colon), 100), line.substring(colon + 2)});
      }
    }
    return facts;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
