package dk.os2.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.os2.governance.OldSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mail's recipients and facts are rows of their own (V7): mails queued before, with recipients
 * joined by ", " and facts as "label: value" lines, read the same afterwards, on PostgreSQL and H2.
 */
class OutboxMigrationTests {

  static final String HANSEN = "\"Hansen, Karen\" <karen@kommune.dk>";

  @ParameterizedTest
  @EnumSource(OldSchema.Database.class)
  void oldRecipientsAndDetailsBecomeRowsAndReadAsBefore(OldSchema.Database database) {
    OldSchema old = OldSchema.at(database, "6");
    JdbcClient jdbc = old.jdbc();
    insertOld(jdbc, "outcome", "OUTCOME", HANSEN + ", fu@kommune.dk,  , sekr@os2.dk",
        "Afgørelse: Godkendt\nNiveau: N2\nBegrundelse: Godt: og nyttigt\nen linje uden etiket");
    insertOld(jdbc, "task", "TASK_CREATED", "sekr@os2.dk", null);
    insertOld(jdbc, "pending", "TASK_CREATED", null, null);

    old.migrateToCurrent();
    Outbox outbox = new Outbox(new JdbcTemplate(old.dataSource()));

    OutboxEntry outcome = outbox.byKey("outcome").orElseThrow();
    assertThat(outcome.addresses()).containsExactly(HANSEN, "fu@kommune.dk", "sekr@os2.dk");
    assertThat(outcome.facts()).containsExactly(new MailContent.Fact("Afgørelse", "Godkendt"),
        new MailContent.Fact("Niveau", "N2"), new MailContent.Fact("Begrundelse", "Godt: og nyttigt"));
    assertThat(outcome.recipients()).isEqualTo(HANSEN + ", fu@kommune.dk, sekr@os2.dk");
    assertThat(outcome.detail()).isEqualTo("Afgørelse: Godkendt\nNiveau: N2\nBegrundelse: Godt: og nyttigt");

    MailContent mail = new MailComposer(null, "https://os2.example", "Europe/Copenhagen").compose(outcome).content();
    assertThat(mail.recipients()).containsExactly(HANSEN, "fu@kommune.dk", "sekr@os2.dk");
    assertThat(mail.subject()).isEqualTo("OS2test: Godkendt");
    assertThat(mail.facts()).extracting(MailContent.Fact::label).containsExactly("Produkt", "Afgørelse", "Niveau",
        "Begrundelse");

    OutboxEntry task = outbox.byKey("task").orElseThrow();
    assertThat(task.addresses()).containsExactly("sekr@os2.dk");
    assertThat(task.recipients()).isEqualTo("sekr@os2.dk");
    assertThat(task.detail()).isNull();
    OutboxEntry pending = outbox.byKey("pending").orElseThrow();
    assertThat(pending.addresses()).isEmpty();
    assertThat(pending.recipients()).isNull();

    assertThatThrownBy(() -> jdbc.sql("select recipients from mail_outbox").query(String.class).list())
        .as("the joined column is gone").isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> jdbc.sql("select detail from mail_outbox").query(String.class).list())
        .as("the joined column is gone").isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest
  @EnumSource(OldSchema.Database.class)
  void recipientsWithCommasAndFactsWithSeparatorsSurvive(OldSchema.Database database) {
    OldSchema schema = OldSchema.at(database, "6");
    schema.migrateToCurrent();
    Outbox outbox = new Outbox(new JdbcTemplate(schema.dataSource()));

    String id = outbox.add("new", MailKind.OUTCOME, null, "pi", "OS2test",
        List.of(new MailContent.Fact("Afgørelse", "Godkendt"), new MailContent.Fact("Begrundelse", "a: b, c"),
            new MailContent.Fact("Mødereference", "\nBestyrelsen: 3")),
        List.of(HANSEN, "\"Jensen; Ole\" <ole@kommune.dk>"), "job-1").orElseThrow();
    assertThat(outbox.add("new", MailKind.OUTCOME, null, "pi", "OS2test", List.of(), List.of(), "job-2"))
        .as("a second mail of the same cause is not queued").isEmpty();

    OutboxEntry entry = outbox.entry(id).orElseThrow();
    assertThat(entry.addresses()).containsExactly(HANSEN, "\"Jensen; Ole\" <ole@kommune.dk>");
    assertThat(entry.facts()).containsExactly(new MailContent.Fact("Afgørelse", "Godkendt"),
        new MailContent.Fact("Begrundelse", "a: b, c"), new MailContent.Fact("Mødereference", "\nBestyrelsen: 3"));
    assertThat(outbox.latest(10)).singleElement().isEqualTo(entry);

    outbox.rendered(entry, List.of("sekr@os2.dk"), "Emne", "tekst", "<p>html</p>");
    assertThat(outbox.entry(id).orElseThrow().addresses()).as("rendering replaces the recipients")
        .containsExactly("sekr@os2.dk");
  }

  private static void insertOld(JdbcClient jdbc, String key, String kind, String recipients, String detail) {
    jdbc.sql("""
        insert into mail_outbox (id, dedupe_key, kind, product_name, detail, status, recipients, attempts, created_at)
        values (?, ?, ?, 'OS2test', ?, 'HELD', ?, 0, ?)""")
        .params(key + "-id", key, kind, detail, recipients, Timestamp.from(Instant.now())).update();
  }
}
