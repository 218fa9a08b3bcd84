package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product page speaks Danish: every code as its label, bodies and people by name; a timeline of
 * decisions, evaluations and documented deviations, newest first; the next evaluation; the groups
 * with their members' roles.
 */
class ProductPageTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Evaluations evaluations;

  @Autowired
  Catalogue catalogue;

  @Autowired
  dk.os2.governance.deviation.DeviationRegister deviationRegister;

  String product;
  String person;

  @BeforeEach
  void productWithHistory() {
    product = LevelFixtures.productAtN2WithGroups(engine.getIdentityService(), portfolio, groups);
    person = "pp" + UUID.randomUUID().toString().substring(0, 8);
    User user = engine.getIdentityService().newUser(person);
    user.setFirstName("Søren");
    user.setLastName("Styrer");
    user.setEmail(person + "@eksempel.dk");
    user.setPassword(LevelFixtures.PASSWORD);
    engine.getIdentityService().saveUser(user);
    groups.add(product, GroupKind.STEERING, person, MemberRole.BOARD_APPOINTEE, "Odense Kommune");

    // Two board decisions a year apart, and today an automated check with a documented deviation.
    portfolio.record(decision("forretningsudvalg", "forretningsudvalg", "recommend", "N1",
        "Anbefales som N1", null, LocalDate.now().minusYears(2).minusDays(10), null));
    portfolio.record(decision("bestyrelse", person, "approve", "N1", "Godkendt som N1", null,
        LocalDate.now().minusYears(2), "Referat 2024-1"));
    portfolio.record(decision("bestyrelse", person, "approve", "N2", "Bruges nu i flere kommuner",
        "Bestyrelsen går videre end indstillingen, fordi to kommuner er klar", LocalDate.now().minusYears(1),
        "Referat 2025-4"));
    Criterion deviating = catalogue.criterion("N1-2").orElseThrow();
    Map<String, Object> answers = LevelFixtures.answers(catalogue, "N2");
    answers.put(deviating.answerVariable(), "Nej");
    answers.put(deviating.deviationVariable(), "Vi bruger kommunens egen skabelon");
    evaluations.automated(product, catalogue, "N2", answers, null);
    portfolio.evaluationCycle(product, null, LocalDate.of(2031, 3, 14));
  }

  Decision decision(String body, String by, String outcome, String level, String rationale, String justification,
      LocalDate on, String minutes) {
    return new Decision(null, product, null, "UserTask_Test", body, by, outcome, level, rationale, justification,
        minutes == null ? null : on, minutes, null, null, on.atTime(12, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());
  }

  @Test
  void everyCodeIsShownAsItsDanishLabelAndPeopleByName() {
    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product).body();
    assertThat(page).contains("<td>Aktiv</td>").contains("N2 – i brug i flere kommuner")
        .contains("<td>Godkendt</td>").contains("<td>Indstillet til godkendelse</td>")
        .contains("<td>Bestyrelsen</td>").contains("<td>Forretningsudvalget</td>")
        .contains("Automatisk kontrol af selvevaluering").contains("Dokumenteret afvigelse")
        .contains("Vi bruger kommunens egen skabelon").contains("<td>Udpeget af bestyrelsen</td>")
        .contains("<td>Søren Styrer</td>");
    assertThat(page).as("no raw codes, group ids or login ids where a name is known")
        .doesNotContain(">ACTIVE<").doesNotContain(">approve<").doesNotContain(">recommend<")
        .doesNotContain(">AUTOMATED<").doesNotContain(">bestyrelse<").doesNotContain(">forretningsudvalg<")
        .doesNotContain(">STEERING<").doesNotContain(">COORDINATION<").doesNotContain(">BOARD_APPOINTEE<")
        .doesNotContain(">SUPPLIER<").doesNotContain(">YELLOW<").doesNotContain("<td>" + person + "</td>");
  }

  @Test
  void theTimelineShowsDecisionsEvaluationsAndDeviationsNewestFirst() {
    String page = RestClient.as(baseUrl(), "kommune").get("/app/produkter/" + product).body();
    String timeline = page.substring(page.indexOf("id=\"tidslinje\""));
    String today = MeetingDates.danish(LocalDate.now());
    int evaluation = timeline.indexOf("Automatisk kontrol af selvevaluering efter");
    int deviation = timeline.indexOf("Vi bruger kommunens egen skabelon");
    int approvedN2 = timeline.indexOf("Bruges nu i flere kommuner");
    int approvedN1 = timeline.indexOf("Godkendt som N1");
    int recommended = timeline.indexOf("Anbefales som N1");
    assertThat(evaluation).isPositive();
    assertThat(evaluation).isLessThan(deviation);
    assertThat(deviation).isLessThan(approvedN2);
    assertThat(approvedN2).isLessThan(approvedN1);
    assertThat(approvedN1).isLessThan(recommended);
    assertThat(timeline).contains("<td>" + today + "</td>")
        .contains("<td>" + MeetingDates.danish(LocalDate.now().minusYears(1)) + "</td>")
        .contains("Bestyrelsen går videre end indstillingen, fordi to kommuner er klar")
        .contains("Referat 2025-4");
  }

  @Test
  void thePageShowsTheNextEvaluationAndBothGroupsWithTheirMembersRoles() {
    String page = RestClient.as(baseUrl(), "kommune").get("/app/produkter/" + product).body();
    assertThat(page).containsPattern("id=\"naeste-evaluering\">14-03-2031<");
    String steering = page.substring(page.indexOf("id=\"styregruppe\""), page.indexOf("id=\"koordinationsgruppe\""));
    String coordination = page.substring(page.indexOf("id=\"koordinationsgruppe\""));
    assertThat(steering).contains(">Styregruppe<").contains("<td>Bestyrelsesmedlem</td>")
        .contains("<td>Søren Styrer</td>").contains("<td>Odense Kommune</td>")
        .doesNotContain("<td>Leverandør</td>");
    assertThat(coordination).contains(">Koordinationsgruppe<").contains("<td>Kommune</td>")
        .contains("<td>Leverandør</td>").contains("<td>Magenta</td>");
  }

  /** Dates as the pages show them. */
  static final class MeetingDates {
    static String danish(LocalDate date) {
      return dk.os2.governance.submission.MeetingDate.danish(date);
    }
  }

  @Test
  void anOrganisationWithoutLoginIsShownByNameAndCanBeRemovedFromThePage() {
    groups.addOrganisation(product, GroupKind.COORDINATION, MemberRole.SUPPLIER, "Leverandøren Nord ApS");

    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product).body();
    assertThat(page).contains("Leverandøren Nord ApS").contains("(organisation uden login)")
        .contains("name=\"organisation\" value=\"Leverandøren Nord ApS\"");

    groups.removeOrganisation(product, GroupKind.COORDINATION, "Leverandøren Nord ApS");
    assertThat(RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product).body())
        .doesNotContain("Leverandøren Nord ApS");
  }

  @Test
  void theProductsRegisteredDeviationsAreListedWithOwnerAndExpiry() {
    Map<String, Object> answers = LevelFixtures.answers(catalogue, "N2");
    Criterion deviating = catalogue.criterion("N1-2").orElseThrow();
    answers.put(deviating.answerVariable(), "Nej");
    answers.put(deviating.deviationVariable(), "Skabelonen følger i næste version");
    deviationRegister.fromLevelCheck(product,
        dk.os2.governance.criteria.SelfAssessmentCheck.check(catalogue, "N2", answers), null);

    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/produkter/" + product).body();
    assertThat(page).contains("id=\"afvigelser\"").contains("Skabelonen følger i næste version")
        .doesNotContain("Produktet har ingen registrerede afvigelser.");
  }
}
