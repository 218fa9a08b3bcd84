package dk.os2.governance.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.SqlStatements;
import dk.os2.governance.TestDatabase;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.process.ProcessClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The top of the portfolio page (figures, charts, lights, the deviation register's figures, the
 * filters' municipalities) is kept between loads but never past a change: a change made through
 * the application, or written straight into the database as the other node or an operator would,
 * shows on the very next load; the list under it stays exact for its filters.
 */
class PortfolioSummaryTests extends IntegrationTests {

  private static final Pattern MUNICIPALITY = Pattern.compile("<option value=\"([^\"]+)\">\\1</option>");

  @Autowired
  Portfolio portfolio;

  @Autowired
  Catalogue catalogue;

  /** The other node: a connection of its own to the same database, each statement committed at once. */
  private final JdbcClient otherNode =
      JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl() + "&password=postgres"));

  @Test
  void aProductApprovedInTheApplicationCountsOnTheNextLoad() {
    String prefix = PortfolioFixtures.prefix("Oversigt");
    String town = "Kommune " + prefix;
    Page before = page("/app/produkter");
    assertThat(before.municipalities()).doesNotContain(town);

    PortfolioFixtures.active(portfolio, prefix + "produkt", "N3", ProcessClock.today().minusDays(3), town);

    Page after = page("/app/produkter");
    assertThat(after.figure("level-N3")).isEqualTo(before.figure("level-N3") + 1);
    assertThat(after.figure("status-ACTIVE")).isEqualTo(before.figure("status-ACTIVE") + 1);
    assertThat(after.municipalities()).contains(town);
  }

  @Test
  void productsChangedOnTheOtherNodeCountOnTheNextLoadAndTheListStaysExact() {
    String prefix = PortfolioFixtures.prefix("Andenknude");
    String town = "Kommune " + prefix;
    String retiring = PortfolioFixtures.active(portfolio, prefix + "pensioneres", "N2",
        ProcessClock.today().minusDays(10), "Aarhus Kommune");
    Page before = page("/app/produkter?q=" + prefix);
    assertThat(before.total()).isEqualTo(1);
    assertThat(page("/app/produkter?q=" + prefix).html()).as("a second load, from what is kept")
        .isEqualTo(before.html());

    // The other node retires one product and adds another, used in a municipality new to the portfolio.
    otherNode.sql("update product set status = 'RETIRED', name_key = null where id = ?").param(retiring).update();
    String added = insertActive(prefix + "tilfoejet", "N3", town);

    Page after = page("/app/produkter?q=" + prefix);
    assertThat(after.figure("level-N2")).isEqualTo(before.figure("level-N2") - 1);
    assertThat(after.figure("level-N3")).isEqualTo(before.figure("level-N3") + 1);
    assertThat(after.figure("status-RETIRED")).isEqualTo(before.figure("status-RETIRED") + 1);
    assertThat(after.municipalities()).contains(town);
    assertThat(after.total()).isEqualTo(2);
    Page active = page("/app/produkter?q=" + prefix + "&status=ACTIVE");
    assertThat(active.total()).isEqualTo(1);
    assertThat(active.html()).contains(added).doesNotContain(retiring);
    Page there = page("/app/produkter?municipality=" + town.replace(" ", "%20"));
    assertThat(there.total()).isEqualTo(1);
    assertThat(there.html()).contains(added);
  }

  @Test
  void anEvaluationAndADeviationWrittenOnTheOtherNodeCountOnTheNextLoad() {
    String product = PortfolioFixtures.active(portfolio, PortfolioFixtures.prefix("Lysandenknude") + "produkt", "N1",
        ProcessClock.today().minusDays(30), "Aarhus Kommune");
    Page before = page("/app/produkter");

    String evaluation = UUID.randomUUID().toString();
    otherNode.sql("""
        insert into evaluation (id, product_id, catalogue_id, catalogue_version, target_level, source, created_at)
        values (?, ?, ?, ?, 'N1', 'REVIEW', ?)""")
        .params(evaluation, product, catalogue.id(), catalogue.version(), Timestamp.valueOf(LocalDateTime.now()))
        .update();
    otherNode.sql("insert into evaluation_item (evaluation_id, criterion_id, light) values (?, 'N1-2', 'YELLOW')")
        .param(evaluation).update();
    otherNode.sql("""
        insert into deviation (id, product_id, criterion_id, reason, owner_id, owner_is_group, expires_on, status,
          created_on, created_at, updated_at)
        values (?, ?, 'N1-2', 'Skabelonen kommer senere', 'forretningsledelse', true, ?, 'OPEN', ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), product, Date.valueOf(ProcessClock.today().minusDays(1)),
            Date.valueOf(ProcessClock.today().minusYears(1)), Timestamp.valueOf(LocalDateTime.now()),
            Timestamp.valueOf(LocalDateTime.now()))
        .update();

    Page after = page("/app/produkter");
    assertThat(after.figure("deviation-count")).as("yellow criteria in the latest evaluations")
        .isEqualTo(before.figure("deviation-count") + 1);
    assertThat(after.figure("deviations-expired")).isEqualTo(before.figure("deviations-expired") + 1);
  }

  @Test
  void anUnchangedPortfolioIsNotSummedUpAgainOnTheNextLoad() {
    page("/app/produkter");
    List<String> kept = statements("/app/produkter");
    assertThat(kept).as("a load with nothing changed: %s", kept)
        .noneMatch(s -> s.contains("group by") || s.contains("from evaluation") || s.contains("from deviation")
            || s.contains("distinct municipality"));

    PortfolioFixtures.proposed(portfolio, PortfolioFixtures.prefix("Ny") + "forslag", "Vejle Kommune");
    List<String> fresh = statements("/app/produkter");
    assertThat(fresh).as("the first load after a change: %s", fresh)
        .anyMatch(s -> s.contains("group by level, status")).anyMatch(s -> s.contains("distinct municipality"))
        .anyMatch(s -> s.contains("from evaluation")).anyMatch(s -> s.contains("from deviation"));
    assertThat(statements("/app/produkter")).hasSize(kept.size());
  }

  /** An active product written by SQL alone, as another node's application would write it. */
  private String insertActive(String name, String level, String municipality) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.valueOf(LocalDateTime.now());
    otherNode.sql("""
        insert into product (id, name, name_key, name_sort, slug, level, status, proposing_municipality, contact_name,
          contact_email, level_since, next_evaluation, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, 'ACTIVE', 'Aarhus Kommune', 'Karen Kommune', 'karen@aarhus.dk', ?, ?, ?, ?)""")
        .params(id, name, name.toLowerCase(), name.toLowerCase(), id, level, Date.valueOf(ProcessClock.today()),
            Date.valueOf(ProcessClock.today().plusMonths(6)), now, now)
        .update();
    otherNode.sql("insert into product_municipality (product_id, position, municipality) values (?, 0, ?)")
        .params(id, municipality).update();
    return id;
  }

  private List<String> statements(String path) {
    return SqlStatements.count(SqlStatements.requests(), () -> assertThat(secretariat().get(path).status()).isEqualTo(200));
  }

  private Page page(String path) {
    RestClient.Response response = secretariat().get(path);
    assertThat(response.status()).isEqualTo(200);
    return new Page(response.body());
  }

  private RestClient secretariat() {
    return RestClient.as(baseUrl(), "sekretariat");
  }

  /** The portfolio page as the secretariat's browser receives it. */
  record Page(String html) {

    long figure(String id) {
      Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
      assertThat(m.find()).as("the figure " + id + " on the portfolio page").isTrue();
      return Long.parseLong(m.group(1));
    }

    long total() {
      Matcher m = Pattern.compile("<p id=\"result-count\"><span>(\\d+)</span>").matcher(html);
      assertThat(m.find()).as("the number of products the filters show").isTrue();
      return Long.parseLong(m.group(1));
    }

    List<String> municipalities() {
      String select = html.substring(html.indexOf("id=\"municipality\""), html.indexOf("</select>",
          html.indexOf("id=\"municipality\"")));
      List<String> names = new ArrayList<>();
      Matcher m = MUNICIPALITY.matcher(select);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }
}
