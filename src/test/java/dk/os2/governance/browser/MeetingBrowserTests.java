package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.meeting.MeetingFixtures;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.proposal.Proposals;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The secretariat records a board meeting's minutes on one page, and each waiting process moves on. */
class MeetingBrowserTests extends BrowserTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Test
  void theSecretariatRecordsTheMinutesOfThreeItemsAndEachProcessMovesOn() {
    String approvedName = Proposals.uniqueName("Browsermøde-ja");
    String rejectedName = Proposals.uniqueName("Browsermøde-nej");
    ProcessInstance approved = MeetingFixtures.proposalAtTheBoard(engine, catalogue, approvedName);
    ProcessInstance rejected = MeetingFixtures.proposalAtTheBoard(engine, catalogue, rejectedName);
    ProcessInstance levelChange = MeetingFixtures.levelChangeAtTheBoard(baseUrl(), engine, catalogue, portfolio, groups);
    String levelProduct = String.valueOf(engine.getRuntimeService().getVariable(levelChange.getId(), "productName"));
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:10");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    try {
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/app/moeder/" + meetingId);
      click(By.linkText("Registrér referatet"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("minutes")));

      click(By.cssSelector("input[name='present'][value='bestyrelse']"));
      click(By.cssSelector("input[name='quorum'][value='ja']"));
      decide(approvedName, "boardDecision", "approve", "boardRationale", "Godkendt som indstillet");
      choose(item(approvedName), "approvedLevel", "N1");
      decide(rejectedName, "boardDecision", "reject", "boardRationale", "Behovet er dækket af et andet produkt");
      item(rejectedName).findElement(By.cssSelector("textarea[name$='.field.boardJustification']"))
          .sendKeys("Bestyrelsen afviger fra indstillingen");
      decide(levelProduct, "levelDecision", "approve", "levelDecisionRationale", "Klar til N2");

      click(By.id("register"));
      wait.until(ExpectedConditions.urlContains("/referat/dokument"));
      String minutes = browser.findElement(By.tagName("body")).getText();
      assertThat(minutes).contains(approvedName).contains(rejectedName).contains(levelProduct)
          .contains("Godkendt af bestyrelsen").contains("Afvist af bestyrelsen").contains("For: 5, imod: 1, undlod: 0");
    } catch (RuntimeException | Error e) {
      screenshot("meeting-minutes-failure");
      throw e;
    }

    assertThat(meeting).isEnded();
    assertThat(approved).hasPassed("UserTask_DecideProposal");
    assertThat(portfolio.proposedIn(approved.getId()).orElseThrow().status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(portfolio.proposedIn(rejected.getId()).orElseThrow().status()).isEqualTo(ProductStatus.REJECTED);
    assertThat(levelChange).isEnded().hasPassed("ServiceTask_ApplyLevelChange");
  }

  private WebElement item(String product) {
    return browser.findElement(By.xpath("//div[contains(@class,'item')][.//h3[contains(., '" + product + "')]]"));
  }

  private void decide(String product, String outcomeField, String outcome, String rationaleField, String rationale) {
    WebElement item = item(product);
    item.findElement(By.cssSelector("input[value='DECIDE']")).click();
    choose(item, outcomeField, outcome);
    item.findElement(By.cssSelector("textarea[name$='.field." + rationaleField + "']")).sendKeys(rationale);
    item.findElement(By.cssSelector("input[name$='.for']")).sendKeys("5");
    item.findElement(By.cssSelector("input[name$='.against']")).sendKeys("1");
    item.findElement(By.cssSelector("input[name$='.abstaining']")).sendKeys("0");
  }

  private static void choose(WebElement item, String field, String value) {
    new Select(item.findElement(By.cssSelector("select[name$='.field." + field + "']"))).selectByValue(value);
  }
}
