package dk.os2.governance.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.SqlStatements;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portfolio page, its API and a badge read in a fixed number of SQL statements, however many
 * products the portfolio holds: nothing is read a product at a time.
 */
class PortfolioStatementsTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Test
  void thePageAndTheApiDoNotReadMoreStatementsForMoreProducts() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    String prefix = PortfolioFixtures.prefix("Antal");
    PortfolioFixtures.active(portfolio, prefix + "0", "N2", LocalDate.now().minusDays(3), "Aarhus Kommune");
    String[] paths = {"/app/produkter", "/app/produkter?level=N2&sort=nextEvaluation,desc",
        "/api/products", "/api/products?q=" + prefix + "&status=ACTIVE&municipality=Aarhus%20Kommune"};
    int[] before = new int[paths.length];
    for (int i = 0; i < paths.length; i++) {
      before[i] = statements(secretariat, paths[i]).size();
    }

    for (int n = 1; n <= 20; n++) {
      String id = PortfolioFixtures.active(portfolio, prefix + n, "N" + (1 + n % 3), LocalDate.now().minusDays(n),
          "Aarhus Kommune\nOdense Kommune " + n);
      portfolio.evaluationCycle(id, LocalDate.now().minusMonths(2), LocalDate.now().plusDays(n * 9L));
      PortfolioFixtures.proposed(portfolio, prefix + "forslag " + n, "Vejle Kommune " + n);
    }

    for (int i = 0; i < paths.length; i++) {
      List<String> after = statements(secretariat, paths[i]);
      assertThat(after).as("%s with 40 more products: %s", paths[i], after).hasSize(before[i]);
    }
    assertThat(secretariat.get("/api/products?q=" + prefix + "&size=500").json().path("total").asLong())
        .isEqualTo(41);
  }

  /** The statements of one request, after one unmeasured request (a cached count may be refreshed then). */
  private List<String> statements(RestClient client, String path) {
    client.get(path);
    return SqlStatements.count(SqlStatements.requests(), () -> assertThat(client.get(path).status()).isEqualTo(200));
  }
}
