package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A steering group's chair starts a level change on the product page, in Debian's headless
 * Chromium: the picker offers the next level up, a confirmation page says what happens next,
 * and back on the product page the running change shows its current step with a link to Tasklist.
 */
class LevelChangeBrowserTests extends BrowserTests {

  static final String CHAIR = "stineformand";
  static final String PASSWORD = "hemmeligt-kodeord";

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Test
  void theSteeringGroupStartsALevelChangeAfterConfirmingAndSeesItRunning() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(CHAIR).singleResult() == null) {
      User user = identity.newUser(CHAIR);
      user.setFirstName("Stine");
      user.setLastName("Styregruppe");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    String name = Proposals.uniqueName("Niveauside");
    String product = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0", "https://github.com/OS2/x", "N2",
        "kommune", null));
    portfolio.approve(product, "N2", LocalDate.now().minusYears(1));
    portfolio.usage(product, "Aarhus\nOdense", true);
    groups.add(product, GroupKind.STEERING, CHAIR, MemberRole.PARTICIPANT, "Aarhus Kommune");
    groups.add(product, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");

    try {
      login(CHAIR, PASSWORD);
      browser.get(baseUrl() + "/app/produkter/" + product);

      // The picker: the current level is shown and the next level up is chosen already.
      WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("form[action$='/niveauaendring']")));
      assertThat(form.getText()).contains("Produktet er nu på N2");
      Select level = new Select(form.findElement(By.name("targetLevel")));
      assertThat(level.getFirstSelectedOption().getAttribute("value")).as("N2 → N3 by default").isEqualTo("N3");
      List<String> offered = new ArrayList<>();
      level.getOptions().forEach(o -> offered.add(o.getAttribute("value")));
      assertThat(offered).containsExactly("N3", "N1");
      form.findElement(By.name("reason")).sendKeys("Produktet er modent til drift");
      form.findElement(By.xpath(".//button[normalize-space(.)='Videre til bekræftelse']")).click();

      // The confirmation page: product, from, to, what happens next and who is asked. Nothing has started.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bekræft niveauændring"));
      assertThat(browser.findElement(By.id("bekraeftelse")).getText()).contains(name).contains("Fra niveau N2")
          .contains("Til niveau N3");
      assertThat(browser.findElement(By.id("naeste-skridt")).getText())
          .contains("Stine Styregruppe").contains("opdaterer selvevalueringen for N3")
          .contains("Koordinationsudvalget").contains("Forretningsudvalget").contains("Bestyrelsen");
      assertThat(levelChanges(product)).as("nothing starts before the user confirms").isZero();
      browser.findElement(By.xpath("//button[normalize-space(.)='Bekræft og start']")).click();

      // Back on the product page: what started and what happens next, and the running change.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".message"), "er startet"));
      assertThat(browser.getCurrentUrl()).endsWith("/app/produkter/" + product);
      assertThat(browser.findElement(By.cssSelector(".message")).getText())
          .contains("fra N2 til N3 er startet. Næste skridt: styregruppen opdaterer selvevalueringen for N3");
      assertThat(levelChanges(product)).isOne();
      Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(product).singleResult();
      WebElement running = browser.findElement(By.id("igangvaerende-niveauaendring"));
      assertThat(running.getText()).contains("N2 → N3").contains("Stine Styregruppe")
          .contains("Opdatér selvevalueringen").contains("Styregruppen");
      WebElement link = running.findElement(By.linkText("Åbn i Tasklist"));
      assertThat(link.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
      assertThat(link.getAttribute("target")).isEqualTo("_blank");
      assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Videre til bekræftelse']")))
          .as("a second level change is not offered while one runs").isEmpty();
    } catch (RuntimeException | Error e) {
      screenshot("level-change-failure");
      throw e;
    }
  }

  private long levelChanges(String product) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("level-change")
        .processInstanceBusinessKey(product).count();
  }

}
