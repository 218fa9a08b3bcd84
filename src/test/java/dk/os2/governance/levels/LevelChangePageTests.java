package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.portfolio.Portfolio;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Starting a level change on the product page, as a browser without JavaScript does: the picker
 * offers the next level up, nothing starts before the user confirms, the running change is shown
 * with its current step, and a second start is refused in Danish on the page.
 */
class LevelChangePageTests extends IntegrationTests {

  @Autowired
  ProductGroups groups;

  @Autowired
  Portfolio portfolio;

  String product;

  @BeforeEach
  void setUp() {
    product = LevelFixtures.productAtN2WithGroups(engine.getIdentityService(), portfolio, groups);
  }

  @Test
  void thePickerShowsTheCurrentLevelAndDefaultsToTheNextLevelUp() {
    PageSession secretariat = PageSession.login(baseUrl(), "sekretariat", "demo");
    String page = secretariat.get("/app/produkter/" + product).body();
    assertThat(page).contains("Produktet er nu på <strong>N2</strong>");
    assertThat(page).as("N2 → N3 is preselected").containsPattern("<option value=\"N3\" selected=\"selected\">N3[^<]*\\(op\\)</option>");
    assertThat(page).as("a demotion is offered, not preselected").containsPattern("<option value=\"N1\">N1[^<]*\\(ned\\)</option>");
    assertThat(page).as("the current level is not offered").doesNotContain("<option value=\"N2\"");

    String atN1 = LevelFixtures.product(portfolio, "N1");
    assertThat(secretariat.get("/app/produkter/" + atN1).body()).containsPattern("<option value=\"N2\" selected=\"selected\">");

    String atN3 = LevelFixtures.product(portfolio, "N3");
    String top = secretariat.get("/app/produkter/" + atN3).body();
    assertThat(top).as("nothing above N3: the user must choose a demotion deliberately")
        .contains("<option value=\"\" selected=\"selected\">Vælg niveau …</option>")
        .doesNotContain("selected=\"selected\">N").contains("Der er intet niveau over dette");
  }

  @Test
  void nothingStartsUntilTheUserConfirmsThenThePageShowsTheRunningChange() {
    PageSession secretariat = PageSession.login(baseUrl(), "sekretariat", "demo");
    secretariat.get("/app/produkter/" + product);

    // The product page's form: the confirmation page, and no process.
    PageSession.Page confirm = secretariat.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N3", "reason", "Produktet er modent til drift"));
    assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
    assertThat(confirm.body()).contains("Bekræft niveauændring").contains(portfolio.product(product).orElseThrow().name())
        .contains("<th>Fra niveau</th><td>N2</td>").contains("<strong>N3</strong>").contains("Produktet er modent til drift")
        .contains("opdaterer selvevalueringen for N3").contains("Koordinationsudvalget").contains("overdragelsen til drift")
        .contains("Forretningsudvalget").contains("Bestyrelsen").contains(LevelFixtures.CHAIR)
        .contains("name=\"confirmed\" value=\"ja\"").contains("name=\"_csrf\"").contains("Bekræft og start");
    assertThat(levelChanges()).as("a POST without confirming starts nothing").isZero();

    // Confirmed: the process starts and the user is back on the product page with what happens next.
    PageSession.Page started = secretariat.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N3", "reason", "Produktet er modent til drift", "confirmed", "ja"));
    assertThat(started.status()).as(started.body()).isEqualTo(302);
    assertThat(started.location()).endsWith("/app/produkter/" + product);
    assertThat(levelChanges()).isOne();
    String page = secretariat.get("/app/produkter/" + product).body();
    assertThat(page).contains("Niveauændringen af").contains("fra N2 til N3 er startet. Næste skridt: styregruppen opdaterer selvevalueringen for N3");

    // The running change: target, when and by whom, the current step and who has it, a link to Tasklist.
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(product).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_UpdateSelfAssessment");
    assertThat(page).contains("Niveauændring op i gang: N2 → N3").contains("Produktet er modent til drift")
        .contains("(sekretariat)").contains("Opdatér selvevalueringen").contains("Styregruppen")
        .contains("/camunda/app/tasklist/default/#/?task=" + task.getId())
        .as("no second start is offered").doesNotContain("Videre til bekræftelse")
        .contains("En ny niveauændring kan startes, når den igangværende er afsluttet");
  }

  @Test
  void aSecondStartIsRefusedInDanishOnTheProductPage() {
    PageSession secretariat = PageSession.login(baseUrl(), "sekretariat", "demo");
    secretariat.get("/app/produkter/" + product);
    secretariat.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N3", "reason", "Første", "confirmed", "ja"));
    assertThat(levelChanges()).isOne();

    // A stale page in another tab: neither the form nor its confirmation start a second one.
    for (Map<String, String> form : java.util.List.of(Map.of("targetLevel", "N1", "reason", "Anden"),
        Map.of("targetLevel", "N1", "reason", "Anden", "confirmed", "ja"))) {
      PageSession.Page refused = secretariat.post("/app/produkter/" + product + "/niveauaendring", form);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body()).as("the product page, not an error page")
          .contains("<h1>" + portfolio.product(product).orElseThrow().name() + "</h1>")
          .contains("Der er allerede en niveauændring i gang for produktet.")
          .contains("Niveauændring op i gang: N2 → N3");
    }
    assertThat(levelChanges()).isOne();
  }

  @Test
  void theSteeringGroupMayStartButOtherMembersMayNot() {
    PageSession outsider = PageSession.login(baseUrl(), "kommune", "demo");
    assertThat(outsider.get("/app/produkter/" + product).body()).as("only the steering group and the secretariat")
        .doesNotContain("Videre til bekræftelse");
    PageSession.Page refused = outsider.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N3", "reason", "Vi vil gerne", "confirmed", "ja"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Kun sekretariatet og produktets styregruppe kan starte en niveauændring.");
    assertThat(levelChanges()).isZero();

    PageSession chair = PageSession.login(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
    assertThat(chair.get("/app/produkter/" + product).body()).contains("Videre til bekræftelse");
    assertThat(chair.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N3", "reason", "Klar", "confirmed", "ja")).status()).isEqualTo(302);
    assertThat(levelChanges()).isOne();
  }

  @Test
  void aMissingReasonIsRefusedAtTheFormWithTheChoiceKept() {
    PageSession secretariat = PageSession.login(baseUrl(), "sekretariat", "demo");
    secretariat.get("/app/produkter/" + product);
    PageSession.Page refused = secretariat.post("/app/produkter/" + product + "/niveauaendring",
        Map.of("targetLevel", "N1", "reason", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Skriv en begrundelse for niveauændringen")
        .containsPattern("<option value=\"N1\" selected=\"selected\">");
    assertThat(levelChanges()).isZero();
  }

  @Test
  void theRunningAnnualEvaluationIsShownAndASecondStartIsRefusedOnThePage() {
    String atN3 = LevelFixtures.product(portfolio, "N3");
    PageSession secretariat = PageSession.login(baseUrl(), "sekretariat", "demo");
    secretariat.get("/app/produkter/" + atN3);
    PageSession.Page started = secretariat.post("/app/produkter/" + atN3 + "/evaluering", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(302);
    assertThat(started.location()).endsWith("/app/produkter/" + atN3);
    var cycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LevelChanges.ANNUAL_EVALUATION).processInstanceBusinessKey(atN3).singleResult();
    LevelFixtures.awaitSelfAssessmentTask(engine, cycle);

    String page = secretariat.get("/app/produkter/" + atN3).body();
    assertThat(page).contains("Evalueringen er").contains("Næste skridt")
        .contains("Evalueringscyklus (N3)").contains("Opdatér selvevalueringen")
        .as("no second start offered while it is under way").doesNotContain("Start evaluering nu");

    PageSession.Page refused = secretariat.post("/app/produkter/" + atN3 + "/evaluering", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("<h1>" + portfolio.product(atN3).orElseThrow().name() + "</h1>")
        .contains("Evalueringen af produktet er allerede sat i gang.");
  }

  private long levelChanges() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LevelChanges.LEVEL_CHANGE)
        .processInstanceBusinessKey(product).count();
  }
}
