package dk.os2.governance.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.deviation.DeviationRegister;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portfolio page's figures read the deviation register: an open deviation counts as "expiring"
 * once its expiry date is within 30 days, and as "expired" after it.
 */
class PortfolioFiguresTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  Catalogue catalogue;

  @Autowired
  DeviationRegister register;

  @Test
  void aDeviationCountsAsExpiringOnceItsExpiryIsWithinThirtyDays() {
    long expiringBefore = figure("deviations-expiring");
    String product = PortfolioFixtures.active(portfolio, PortfolioFixtures.prefix("Udloeb") + "produkt", "N1",
        LocalDate.now().minusDays(2), "Aarhus Kommune");
    Criterion deviating = catalogue.criterion("N1-2").orElseThrow();
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo("N1")) {
      answers.put(c.answerVariable(), "Ja");
    }
    answers.put(deviating.answerVariable(), "Nej");
    answers.put(deviating.deviationVariable(), "Skabelonen kommer senere");
    register.fromLevelCheck(product, SelfAssessmentCheck.check(catalogue, "N1", answers), null);

    // Entered with a year's validity: not expiring soon.
    assertThat(figure("deviations-expiring")).isEqualTo(expiringBefore);

    String id = register.forProduct(product).get(0).id();
    engine.getIdentityService().setAuthentication("sekretariat", List.of("forretningsledelse"));
    try {
      register.change(id, "forretningsledelse", LocalDate.now().plusDays(10).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(figure("deviations-expiring")).isEqualTo(expiringBefore + 1);
  }

  long figure(String id) {
    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter").body();
    Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
    assertThat(m.find()).as("the figure " + id + " on the portfolio page").isTrue();
    return Long.parseLong(m.group(1));
  }
}
