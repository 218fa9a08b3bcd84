package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bodies at work in Tasklist, in Debian's headless Chromium: a municipality proposes, the
 * secretariat screens a second time with nothing pre-ticked, the board decides with a Danish date,
 * and every list's task cards name the product; a refusal reads Danish, a report opens in a new tab,
 * and a mistake on the application's pages shows the Danish page with the way back.
 */
class TasklistBrowserTests extends BrowserTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Test
  void theBoardDecidesAProposalInTasklist() {
    String name = Proposals.uniqueName("Browser");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N2"));
    engine.getIdentityService().clearAuthentication();
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Klar"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N2",
        "committeeRationale", "Bred opbakning"));
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    String taskId = task(pi).getId();

    // The 3rd of last month: read month first, as the English date picker did, it would be another date.
    LocalDate meeting = LocalDate.now().minusMonths(1).withDayOfMonth(3);
    try {
      login("bestyrelse", "demo");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Bestyrelsens opgaver"));

      // The task card in the board's list names the product and the level; the board member opens it.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      assertThat(browser.findElement(By.cssSelector(".tasks-list")).getText()).contains("Produkt").contains("N2");
      openCard(name);

      // The form is rendered with the product's data.
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), name));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Bred opbakning").contains("Aarhus Kommune").contains("Indstillet til godkendelse")
          .contains("dd-mm-åååå");

      click(By.xpath("//button[normalize-space(.)='Tag opgaven']"));
      wait.until(d -> d.findElement(By.cssSelector(".fjs-form input[type='radio']")).isEnabled());

      // The report link is a path of this site and opens in a new tab: the form, half filled in, stays.
      typeHeld("Field_boardRationale", "Produktet bruges af mange kommuner");
      WebElement report = browser.findElement(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(., 'evalueringsrapporten')]"));
      assertThat(report.getDomAttribute("href")).as("relative").startsWith("/app/evalueringer/");
      assertThat(report.getDomAttribute("target")).isEqualTo("_blank");
      assertThat(report.getDomAttribute("rel")).contains("noopener");
      String tasklist = browser.getWindowHandle();
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", report);
      report.click();
      wait.until(d -> d.getWindowHandles().size() == 2);
      String reportTab = browser.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst().orElseThrow();
      browser.switchTo().window(reportTab);
      wait.until(d -> d.getCurrentUrl().startsWith(baseUrl() + "/app/evalueringer/"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));
      browser.close();
      browser.switchTo().window(tasklist);
      assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/");
      assertThat(browser.findElement(By.cssSelector("[id$='Field_boardRationale']")).getAttribute("value"))
          .as("what was typed before opening the report is still there").isEqualTo("Produktet bruges af mange kommuner");

      click(By.xpath("//label[contains(normalize-space(.), 'Godkend')]"));
      click(By.cssSelector("[id$='Field_approvedLevel'] , .fjs-form-field-select .fjs-input-group"));
      click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and starts-with(normalize-space(.), 'N2')]"));
      type("Field_meetingDate", meeting.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
      type("Field_minutesReference", "Bestyrelsesmøde " + meeting.format(DateTimeFormatter.ofPattern("d.M.yyyy"))
          + ", pkt. 3");

      click(By.xpath("//button[normalize-space(.)='Afslut']"));
      waitUntil("Tasklist completes the task", () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("tasklist-failure");
      throw e;
    }

    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "meetingDate")).as("stored as meant, unambiguously")
        .isEqualTo(meeting.toString());
    String productId = (String) engine.getRuntimeService().getVariable(pi.getId(), "productId");
    assertThat(portfolio.decisions(productId)).filteredOn(d -> "UserTask_DecideProposal".equals(d.taskKey()))
        .singleElement().satisfies(d -> assertThat(d.meetingDate()).isEqualTo(meeting));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "boardDecisionLabel").toString()).contains("N2");
  }

  @Test
  void aSecondScreeningStartsWithNothingTickedAndEveryCardNamesTheProduct() {
    String name = Proposals.uniqueName("Genscreening");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1"));
    engine.getIdentityService().clearAuthentication();
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));
    assertThat(pi).isWaitingAt("UserTask_SupplementProposal");
    try {
      // The municipality's own list names the product on the card of its returned proposal.
      login("kommune", "demo");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Mine opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));

      Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
      supplemented.put("supplementResponse", "Behovet er uddybet");
      complete(task(pi), supplemented);
      assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
      String taskId = task(pi).getId();

      browser.manage().deleteAllCookies();
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId("Forretningsledelsens opgaver"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), name));
      openCard(name);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), name));
      click(By.xpath("//button[normalize-space(.)='Tag opgaven']"));
      wait.until(d -> d.findElement(By.cssSelector(".fjs-form input[type='radio']")).isEnabled());

      List<WebElement> choices = browser.findElements(By.cssSelector(".fjs-form input[type='radio']"));
      assertThat(choices).as("the screening's choices").isNotEmpty();
      assertThat(choices).as("nothing is ticked in the second screening").noneMatch(WebElement::isSelected);
      assertThat(browser.findElement(By.cssSelector("[id$='Field_screeningComment']")).getAttribute("value"))
          .as("the old comment is not there").isEmpty();

      click(By.xpath("//label[contains(normalize-space(.), 'Send videre')]"));
      type("Field_screeningComment", "Nu er behovet klart");
      click(By.xpath("//button[normalize-space(.)='Afslut']"));
      waitUntil("Tasklist completes the task", () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (RuntimeException | Error e) {
      screenshot("screening-failure");
      throw e;
    }
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "screeningComment")).isEqualTo("Nu er behovet klart");
  }

  @Test
  void aMunicipalityProposesAProductWithTheStartFormInTasklist() {
    String name = Proposals.uniqueName("Startformular");
    try {
      login("kommune", "demo");
      fillStartForm(name);
      waitUntil("Tasklist starts the process", () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(name).count() == 1);

      // The same name again: the server refuses, and Tasklist shows its Danish message.
      browser.get(baseUrl() + "/camunda/app/tasklist/default/");
      new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//a[contains(normalize-space(.), 'Start proces')]")));
      fillStartForm(name);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
          "Der findes allerede et produkt eller forslag med navnet"));
      // Tasklist's own words around it are Danish too.
      WebElement notice = wait.until(d -> d.findElements(By.cssSelector(".alert-danger")).stream()
          .filter(e -> e.getText().contains("Der findes allerede et produkt")).findFirst().orElse(null));
      assertThat(notice.getText()).contains("Processen blev ikke startet").doesNotContain("could not be started");
      // And at the field: the message stands under the product name, not only 2,400 px above it.
      WebElement atField = wait.until(d -> d.findElements(By.cssSelector(".os2-server-error")).stream()
          .filter(e -> e.getText().contains("Der findes allerede et produkt")).findFirst().orElse(null));
      WebElement nameField = browser.findElement(By.cssSelector("[id$='Field_productName']"));
      assertThat(nameField.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
          .findElements(By.cssSelector(".os2-server-error"))).as("the message is in the name's field").contains(atField);
      assertThat(Math.abs(atField.getLocation().getY() - nameField.getLocation().getY())).isLessThan(200);

    } catch (RuntimeException | Error e) {
      screenshot("startform-failure");
      throw e;
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(name).count())
        .as("the refused start changed nothing").isOne();
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(name)
        .singleResult();
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "proposer")).isEqualTo("kommune");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "sa_N1_3_answer")).isEqualTo("Ja");
  }

  @Test
  void aMistakeOnAProductPageShowsTheDanishPageWithTheWayBack() {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Vejen tilbage"), "Formål",
        "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N1", "kommune", null));
    portfolio.approve(id, "N1", LocalDate.now().minusYears(1));
    try {
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/app/produkter/" + id);
      WebElement userId = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='userId']")));
      userId.sendKeys("findes-ikke");
      userId.findElement(By.xpath("./ancestor::form[1]//button[@type='submit']")).click();

      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Brugeren 'findes-ikke' findes ikke."));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("Forespørgslen kunne ikke udføres")
          .doesNotContain("Whitelabel");
      click(By.linkText("Tilbage til siden, du kom fra"));
      wait.until(d -> d.getCurrentUrl().equals(baseUrl() + "/app/produkter/" + id));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='userId']")));
    } catch (RuntimeException | Error e) {
      screenshot("wayback-failure");
      throw e;
    }
  }


}
