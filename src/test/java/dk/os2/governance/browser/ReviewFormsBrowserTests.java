package dk.os2.governance.browser;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 in Tasklist, in Debian's headless Chromium: the secretariat screens with the
 * self-assessment's result in front of it, the proposer reads who returned the proposal, when,
 * why and what the check found, and the outcome task shows the board's whole decision.
 */
class ReviewFormsBrowserTests extends BrowserTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Test
  void theScreeningShowsTheCheckTheReturnSaysWhyAndTheOutcomeShowsTheJustification() {
    String name = Proposals.uniqueName("Gennemsigtig");
    Map<String, Object> values = Proposals.valid(catalogue, name, "N2");
    values.put("sa_N2_3_answer", "Nej");
    values.put("sa_N2_3_deviation", "Driftsguiden skrives i 2027");
    values.put("sa_N2_4_answer", "Nej");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal", values);
    engine.getIdentityService().clearAuthentication();
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    String screeningTask = task(pi).getId();
    try {
      // The secretariat screens with the self-assessment's result in front of it.
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Forretningsledelsens opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      openCard(name);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Vejledende niveau"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Automatisk kontrol af selvevalueringen")
          .contains("Vejledende niveau: N1")
          .contains("Mangel N2-4")
          .contains("Dokumenterede afvigelser").contains("Driftsguiden skrives i 2027")
          .contains("Optælling pr. niveau")
          .contains("Åbn evalueringsrapporten");
      assertThat(browser.findElement(By.xpath("//a[contains(normalize-space(.), 'Åbn evalueringsrapporten')]"))
          .getAttribute("href")).contains("/app/evalueringer/");

      // It returns the proposal with a comment, in the form.
      click(By.xpath("//button[normalize-space(.)='Tag opgaven']"));
      wait.until(d -> d.findElement(By.cssSelector(".fjs-form input[type='radio']")).isEnabled());
      click(By.xpath("//label[contains(normalize-space(.), 'Send tilbage')]"));
      type("Field_screeningComment", "Beskriv driften for N2-4");
      click(By.xpath("//button[normalize-space(.)='Afslut']"));
      waitUntil("Tasklist completes the screening",
          () -> engine.getTaskService().createTaskQuery().taskId(screeningTask).count() == 0);
      assertThat(pi).isWaitingAt("UserTask_SupplementProposal");

      // The proposer reads who returned it, when, why, and what the check found.
      browser.manage().deleteAllCookies();
      login("kommune", "demo");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Mine opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      openCard(name);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Sendt tilbage af"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Forretningsledelsen (sekretariatet)")
          .contains("Beskriv driften for N2-4")
          .containsPattern("Tidspunkt: \\d{2}-\\d{2}-\\d{4} kl\\. \\d{2}:\\d{2}")
          .contains("Mangel N2-4");
    } catch (RuntimeException | Error e) {
      screenshot("returned-failure");
      throw e;
    }

    Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
    supplemented.put("sa_N2_4_answer", "Ja");
    supplemented.put("supplementResponse", "Driften er beskrevet");
    complete(task(pi), supplemented);
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Klar"));
    complete(task(pi), withVariables("committeeRecommendation", "reject", "committeeRationale", "For tidligt"));
    Map<String, Object> decision = new HashMap<>();
    decision.put("boardDecision", "approve");
    decision.put("approvedLevel", "N1");
    decision.put("meetingDate", LocalDate.now().minusDays(2).toString());
    decision.put("minutesReference", "Referat pkt. 7");
    decision.put("boardRationale", "Et godt værktøj");
    decision.put("boardJustification", "Bestyrelsen giver projektet en chance på N1");
    complete(task(pi), decision);
    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    try {
      // The proposer's outcome task shows the board's whole decision, its justification too.
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Mine opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), "Se afgørelsen"));
      openCard(name);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Bestyrelsens beslutning"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Godkendt på niveau")
          .contains("Bestyrelsen giver projektet en chance på N1")
          .contains("Et godt værktøj")
          .contains("Referat pkt. 7")
          .contains(LocalDate.now().minusDays(2).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")))
          .contains("For tidligt");
    } catch (RuntimeException | Error e) {
      screenshot("outcome-failure");
      throw e;
    }
  }

}
