package dk.os2.governance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.os2.governance.OldSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An evaluation's warnings are rows of their own (V7): warnings stored joined by line breaks read
 * the same afterwards, and a warning may now hold a line break itself.
 */
class EvaluationWarningsMigrationTests {

  @ParameterizedTest
  @EnumSource(OldSchema.Database.class)
  void oldWarningsBecomeRowsAndNewOnesKeepTheirLineBreaks(OldSchema.Database database) {
    OldSchema old = OldSchema.at(database, "6");
    JdbcClient jdbc = old.jdbc();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        insert into product (id, name, status, proposing_municipality, contact_name, contact_email, created_at, updated_at)
        values ('p1', 'OS2test', 'ACTIVE', 'Aarhus', 'Karen', 'k@aarhus.dk', ?, ?)""").params(now, now).update();
    insertOld(jdbc, "e1", "Linje 3: N1-1 står på niveau 2.\nRapportens tal passer ikke: 12 grønne, ikke 11.", now);
    insertOld(jdbc, "e2", null, now);

    old.migrateToCurrent();
    EvaluationStore store = new EvaluationStore(jdbc, event -> {});

    assertThat(store.find("e1").orElseThrow().warnings()).containsExactly("Linje 3: N1-1 står på niveau 2.",
        "Rapportens tal passer ikke: 12 grønne, ikke 11.");
    assertThat(store.find("e2").orElseThrow().warnings()).isEmpty();
    assertThatThrownBy(() -> jdbc.sql("select warnings from evaluation").query(String.class).list())
        .as("the joined column is gone").isInstanceOf(RuntimeException.class);

    List<String> warnings = List.of("To linjer:\nden anden", "", "Tredje");
    String id = store.save(new Evaluation(null, "p1", "os2-levels", "1.0", "N2", null, Evaluation.Source.REVIEW,
        null, null, null, "Karen", LocalDate.of(2026, 1, 2), List.of(), warnings, null, "kommune", null));
    assertThat(store.find(id).orElseThrow().warnings()).containsExactlyElementsOf(warnings);
  }

  private static void insertOld(JdbcClient jdbc, String id, String warnings, Timestamp now) {
    jdbc.sql("""
        insert into evaluation (id, product_id, catalogue_id, catalogue_version, source, warnings, created_at)
        values (?, 'p1', 'os2-levels', '1.0', 'IMPORTED_REPORT', ?, ?)""").params(id, warnings, now).update();
  }
}
