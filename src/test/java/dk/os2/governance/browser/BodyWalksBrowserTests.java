package dk.os2.governance.browser;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Each body walks its own task in Tasklist, in Debian's headless Chromium, reading the product's
 * name on the task card first: a municipality documents a deviation and finds it counted yellow on
 * the report (opened from its task, in a new tab); the Business Committee and the Coordination
 * Committee each write something the server refuses and find the Danish message at the field; a
 * steering group updates its self-assessment for a level change; the board types a wrong date and
 * reads only Danish, then a Danish date that is stored as meant. The secretariat's screening, the
 * board's proposal decision and the municipality's start form are walked in
 * {@link TasklistBrowserTests} and {@link ReviewFormsBrowserTests}.
 */
class BodyWalksBrowserTests extends BrowserTests {

  static final String CHAIR = "sofiestyregruppe";
  static final String PASSWORD = "hemmeligt-kodeord";

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Test
  void aMunicipalityDocumentsADeviationAndTheReportFromItsTaskCountsItYellow() {
    String name = Proposals.uniqueName("Afvigelse");
    String deviation = "Relevansen dokumenteres af KL's behovsanalyse i foråret";
    try {
      login("kommune", "demo");
      openStartForm(name, Map.of("N1_1", "Nej"));
      type("Field_sa_N1_1_deviation", deviation);
      // A repository typed without its scheme: form-js's own check, in Danish, never "Field must match pattern".
      type("Field_repositoryUrl", "github.com/OS2/afvigelse");
      clickStart();
      wait.until(d -> fieldOf("Field_repositoryUrl").getText().contains("Skriv en webadresse"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).doesNotContain("Field must")
          .doesNotContain("pattern");
      retype("Field_repositoryUrl", "https://github.com/OS2/afvigelse");
      clickStart();
      waitUntil("Tasklist starts the process", () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(name).count() == 1);
    } catch (RuntimeException | Error e) {
      screenshot("deviation-start-failure");
      throw e;
    }
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(name)
        .singleResult();
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "sa_N1_1_deviation")).isEqualTo(deviation);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "indicativeLevel"))
        .as("the documented deviation stands in for N1-1").isEqualTo("N1");
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));
    String supplementTask = task(pi).getId();

    try {
      // The municipality's returned proposal: its card names the product; the form shows the deviation.
      String card = openTaskFromList("Mine opgaver", name);
      assertThat(card).contains(name);
      // The form renders after the card opened: wait for its text before reading it.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"),
          "Dokumenterede afvigelser"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains(deviation);

      // The report opens from the task in a new tab: N1-1 counts yellow and its deviation is listed.
      String report = openReportInNewTab();
      assertThat(report).contains(name).contains(deviation).contains("Gul");
      assertThat(yellowOnReport).as("yellow on the report's N1 row").isEqualTo("1");

      type("Field_supplementResponse", "Behovet er beskrevet i KL's analyse");
      clickComplete();
      waitUntil("Tasklist completes the supplement",
          () -> engine.getTaskService().createTaskQuery().taskId(supplementTask).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("deviation-report-failure");
      throw e;
    }
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "supplementResponse"))
        .isEqualTo("Behovet er beskrevet i KL's analyse");
  }

  @Test
  void theBusinessCommitteeFindsTheServersRefusalAtTheFieldThenRecommends() {
    String name = Proposals.uniqueName("Indstilling");
    ProcessInstance pi = proposal(name);
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Klar"));
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    String taskId = task(pi).getId();
    try {
      login("forretningsudvalg", "demo");
      String card = openTaskFromList(Body.FORRETNINGSUDVALG.filterName(), name);
      assertThat(card).contains(name);
      claim();
      click(By.xpath("//label[contains(normalize-space(.), 'Indstil til godkendelse')]"));
      choose("Field_recommendedLevel", "N1");
      // A link in angle brackets, as in an e-mail: the server refuses markup.
      type("Field_committeeRationale", "Behovet er beskrevet på <https://os2.dk/behov>");
      clickComplete();
      refusedAtField("Field_committeeRationale", "«Begrundelse» må ikke indeholde HTML eller script.");
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("nothing was completed").isOne();

      retype("Field_committeeRationale", "Behovet er beskrevet på os2.dk/behov");
      clickComplete();
      waitUntil("Tasklist completes the recommendation",
          () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("committee-failure");
      throw e;
    }
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "committeeRationale"))
        .isEqualTo("Behovet er beskrevet på os2.dk/behov");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "recommendedLevel")).isEqualTo("N1");
  }

  @Test
  void theSteeringGroupUpdatesItsSelfAssessmentForTheLevelChange() {
    String name = Proposals.uniqueName("Styregruppe");
    ProcessInstance pi = levelChangeToN3(productReadyForN3(name));
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    String taskId = task(pi).getId();
    try {
      login(CHAIR, PASSWORD);
      String card = openTaskFromList("Mine gruppers opgaver", name);
      assertThat(card).contains(name).contains("N3");
      claim();
      for (Criterion criterion : catalogue.criteriaUpTo("N3")) {
        choose("Field_" + criterion.answerVariable(), "Ja");
      }
      type("Field_" + catalogue.criteriaUpTo("N3").get(0).documentationVariable(), "Se styregruppens referat");
      clickComplete();
      waitUntil("Tasklist completes the self-assessment",
          () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("steering-failure");
      throw e;
    }
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "levelCheckPassed"))
        .as("an organisation without a login counts as the supplier").isEqualTo(true);
    assertThat(pi).isWaitingAt("UserTask_ReviewHandover");
  }

  @Test
  void theCoordinationCommitteeFindsTheServersRefusalAtTheFieldThenAcceptsTheHandover() {
    String name = Proposals.uniqueName("Overdragelse");
    ProcessInstance pi = levelChangeToN3(productReadyForN3(name));
    selfAssessment(pi);
    assertThat(pi).isWaitingAt("UserTask_ReviewHandover");
    String taskId = task(pi).getId();
    try {
      login("koordinationsudvalg", "demo");
      String card = openTaskFromList(Body.KOORDINATIONSUDVALG.filterName(), name);
      assertThat(card).contains(name);
      claim();
      click(By.xpath("//label[contains(normalize-space(.), 'Overdragelsen til drift er godkendt')]"));
      type("Field_handoverRationale", "SLA og testplan: <https://os2.dk/drift>");
      clickComplete();
      refusedAtField("Field_handoverRationale", "«Begrundelse» må ikke indeholde HTML eller script.");
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("nothing was completed").isOne();

      retype("Field_handoverRationale", "SLA og testplan er på plads");
      clickComplete();
      waitUntil("Tasklist completes the handover review",
          () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("coordination-failure");
      throw e;
    }
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "handoverDecision")).isEqualTo("accept");
  }

  @Test
  void theBoardTypesAWrongDateReadsOnlyDanishThenADanishDateIsStoredAsMeant() {
    String name = Proposals.uniqueName("Bestyrelsesdato");
    String product = productReadyForN3(name);
    ProcessInstance pi = levelChangeToN3(product);
    selfAssessment(pi);
    complete(task(pi), withVariables("handoverDecision", "accept", "handoverRationale", "SLA og test er på plads"));
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
    String taskId = task(pi).getId();
    // The 3rd of last month: read month first it would be another date.
    LocalDate meeting = LocalDate.now().minusMonths(1).withDayOfMonth(3);
    try {
      login("bestyrelse", "demo");
      String card = openTaskFromList(Body.BESTYRELSE.filterName(), name);
      assertThat(card).contains(name).contains("N3");
      claim();
      click(By.xpath("//label[contains(normalize-space(.), 'Godkend det ønskede niveau')]"));
      type("Field_minutesReference", "Bestyrelsesmøde, pkt. 5");
      type("Field_levelDecisionRationale", "Produktet er vitalt for kommunerne");
      // Slashes, as an English date picker taught: form-js refuses it, in Danish only.
      type("Field_meetingDate", meeting.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
      browser.findElement(By.cssSelector("[id$='Field_meetingDate']")).sendKeys(Keys.TAB);
      wait.until(d -> fieldOf("Field_meetingDate").getText().contains("Skriv datoen som dd-mm-åååå, fx 03-11-2026."));
      String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
      assertThat(form).doesNotContain("Field must").doesNotContain("pattern").doesNotContain("Field is required");
      assertThat(browser.findElement(By.xpath("//button[normalize-space(.)='Afslut']")).isEnabled())
          .as("Tasklist sends nothing while form-js finds a mistake").isFalse();
      assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("nothing was sent").isOne();

      retype("Field_meetingDate", meeting.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
      clickComplete();
      waitUntil("Tasklist completes the decision", () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("board-date-failure");
      throw e;
    }
    assertThat(pi).isEnded();
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N3");
    assertThat(portfolio.decisions(product)).filteredOn(d -> "UserTask_DecideLevelChange".equals(d.taskKey()))
        .singleElement().satisfies(d -> assertThat(d.meetingDate()).as("stored as meant").isEqualTo(meeting));
  }

  // --- what the walks start from ---

  private ProcessInstance proposal(String name) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1"));
    engine.getIdentityService().clearAuthentication();
    return pi;
  }

  /**
   * An N2 product whose groups meet N3: the board member and a chair in the steering group; a
   * municipality, the board member and the supplier as an organisation without a login in the
   * coordination group; used in two municipalities with one code version.
   */
  private String productReadyForN3(String name) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(CHAIR).singleResult() == null) {
      User user = identity.newUser(CHAIR);
      user.setFirstName("Sofie");
      user.setLastName("Styregruppe");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    String product = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0", "https://github.com/OS2/x", "N2",
        "kommune", null));
    portfolio.approve(product, "N2", LocalDate.now().minusYears(1));
    portfolio.usage(product, "Aarhus\nOdense", true);
    groups.add(product, GroupKind.STEERING, CHAIR, MemberRole.PARTICIPANT, "Aarhus Kommune");
    groups.add(product, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    groups.add(product, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    groups.add(product, GroupKind.COORDINATION, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    groups.addOrganisation(product, GroupKind.COORDINATION, MemberRole.SUPPLIER, "Magenta");
    return product;
  }

  private ProcessInstance levelChangeToN3(String product) {
    RestClient.Response started = new RestClient(baseUrl(), CHAIR, PASSWORD).post(
        "/api/products/" + product + "/level-changes", Map.of("targetLevel", "N3", "reason", "Produktet er vitalt"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
  }

  private void selfAssessment(ProcessInstance pi) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion criterion : catalogue.criteriaUpTo("N3")) {
      answers.put(criterion.answerVariable(), "Ja");
    }
    RestClient.Response response = new RestClient(baseUrl(), CHAIR, PASSWORD).post(
        "/engine-rest/task/" + task(pi).getId() + "/submit-form", RestClient.variables(answers));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  // --- what a person sees ---

  private String yellowOnReport;

  /** Opens the form's report link in a new tab, reads the report, closes the tab and returns to Tasklist. */
  private String openReportInNewTab() {
    WebElement link = browser.findElement(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(., 'evalueringsrapporten')]"));
    assertThat(link.getDomAttribute("href")).startsWith("/app/evalueringer/");
    assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
    String tasklist = browser.getWindowHandle();
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
    wait.until(d -> d.getWindowHandles().size() == 2);
    browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst().orElseThrow());
    wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/app/evalueringer/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
    String level = catalogue.levels().get(0).name();
    yellowOnReport = browser.findElement(By.xpath("//h2[normalize-space(.)='Fordeling pr. niveau']/following-sibling::table[1]"
        + "//tr[td[1][normalize-space(.)='" + level + "']]/td[3]")).getText().trim();
    String text = browser.findElement(By.tagName("body")).getText();
    browser.close();
    browser.switchTo().window(tasklist);
    assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/");
    return text;
  }

  /** The server's Danish refusal stands under the field it concerns, and Tasklist's English is nowhere. */
  private void refusedAtField(String fieldId, String message) {
    WebElement atField = wait.until(d -> fieldOf(fieldId).findElements(By.cssSelector(".os2-server-error")).stream()
        .filter(e -> e.getText().contains(message)).findFirst().orElse(null));
    assertThat(atField.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("could not");
  }
}
