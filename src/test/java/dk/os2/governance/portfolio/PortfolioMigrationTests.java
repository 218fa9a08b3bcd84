package dk.os2.governance.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.os2.governance.OldSchema;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a product is used is a list of its own (V7): the typed text of before becomes the same
 * municipalities, counted as before; and a product row maps onto {@link Product} field by field.
 */
class PortfolioMigrationTests {

  @ParameterizedTest
  @EnumSource(OldSchema.Database.class)
  void typedMunicipalitiesBecomeRowsAndProductsMapCompletely(OldSchema.Database database) {
    OldSchema old = OldSchema.at(database, "6");
    JdbcClient jdbc = old.jdbc();
    Instant created = Instant.parse("2025-03-04T05:06:07Z");
    jdbc.sql("""
        insert into product (id, name, name_key, level, status, purpose, need, proposing_municipality, contact_name,
          contact_email, participating_municipalities, suppliers, licence, repository_url, requested_level,
          proposed_by, proposal_process_id, level_since, created_at, updated_at, single_code_version,
          handover_accepted_on, last_evaluation, next_evaluation)
        values ('p1', 'OS2test', 'os2test', 'N2', 'ACTIVE', 'Formål', 'Behov', 'Aarhus Kommune', 'Karen',
          'k@aarhus.dk', ?, 'Magenta', 'MPL-2.0', 'https://github.com/OS2/x', 'N3', 'kommune', 'pi-1', ?, ?, ?,
          true, ?, ?, ?)""")
        .params("Aarhus\n Odense , Vejle;\n\nAarhus", Date.valueOf(LocalDate.of(2025, 4, 1)), Timestamp.from(created),
            Timestamp.from(created.plus(1, ChronoUnit.DAYS)), Date.valueOf(LocalDate.of(2025, 5, 1)),
            Date.valueOf(LocalDate.of(2025, 6, 1)), Date.valueOf(LocalDate.of(2026, 6, 1)))
        .update();
    jdbc.sql("""
        insert into product (id, name, status, proposing_municipality, contact_name, contact_email, created_at, updated_at)
        values ('p2', 'Andet', 'PROPOSED', 'Vejle', 'Ole', 'o@vejle.dk', ?, ?)""")
        .params(Timestamp.from(created), Timestamp.from(created)).update();

    old.migrateToCurrent();
    Portfolio portfolio = new Portfolio(new JdbcTemplate(old.dataSource()), jdbc, event -> {});

    assertThat(portfolio.product("p1")).contains(new Product("p1", "OS2test", "N2", ProductStatus.ACTIVE, "Formål",
        "Behov", "Aarhus Kommune", "Karen", "k@aarhus.dk", List.of("Aarhus", "Odense", "Vejle"), "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N3", "kommune", "pi-1", LocalDate.of(2025, 4, 1), created,
        created.plus(1, ChronoUnit.DAYS), true, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 1),
        LocalDate.of(2026, 6, 1)));
    assertThat(portfolio.product("p2").orElseThrow().municipalities()).isEmpty();
    assertThat(portfolio.proposedIn("pi-1")).map(Product::id).contains("p1");
    assertThat(portfolio.products()).extracting(Product::id).containsExactly("p2", "p1");
    assertThatThrownBy(() -> jdbc.sql("select participating_municipalities from product").query(String.class).list())
        .as("the typed column is gone").isInstanceOf(RuntimeException.class);

    portfolio.usage("p2", List.of("Kolding", " Vejle ", "Kolding", "Fredericia, Middelfart"), false);
    assertThat(portfolio.product("p2").orElseThrow().municipalities())
        .containsExactly("Kolding", "Vejle", "Fredericia", "Middelfart");
    portfolio.usage("p2", "Esbjerg\nVarde", true);
    assertThat(portfolio.product("p2").orElseThrow().municipalities()).containsExactly("Esbjerg", "Varde");
    assertThat(portfolio.product("p2").orElseThrow().singleCodeVersion()).isTrue();
  }
}
