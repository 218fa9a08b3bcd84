package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.logging.Level;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 in Tasklist, in Debian's headless Chromium: the secretariat screens with the
 * self-assessment's result in front of it, the proposer reads who returned the proposal, when,
 * why and what the check found, and the outcome task shows the board's whole decision.
 */
class ReviewFormsBrowserTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
        "Skipped: Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver); "
            + ".ci/run installs them");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,3200", "--lang=da",
        "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theScreeningShowsTheCheckTheReturnSaysWhyAndTheOutcomeShowsTheJustification() {
    String name = Proposals.uniqueName("Gennemsigtig");
    Map<String, Object> values = Proposals.valid(catalogue, name, "N2");
    values.put("sa_N2_3_answer", "Nej");
    values.put("sa_N2_3_deviation", "Driftsguiden skrives i 2027");
    values.put("sa_N2_4_answer", "Nej");
    engine.getIdentityService().setAuthenticatedUserId("kommune");
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
      click(By.xpath("//button[contains(normalize-space(.), 'Claim')]"));
      wait.until(d -> d.findElement(By.cssSelector(".fjs-form input[type='radio']")).isEnabled());
      click(By.xpath("//label[contains(normalize-space(.), 'Send tilbage')]"));
      type("Field_screeningComment", "Beskriv driften for N2-4");
      click(By.xpath("//button[normalize-space(.)='Complete']"));
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

  /** Opens the task whose card names the product, as a person picks it from the list. */
  void openCard(String productName) {
    wait.until(d -> {
      try {
        WebElement card = d.findElements(By.cssSelector(".tasks-list > li")).stream()
            .filter(li -> li.getText().contains(productName)).findFirst().orElse(null);
        if (card == null) {
          return false;
        }
        card.findElement(By.cssSelector("h4 a")).click();
        return !d.findElements(By.cssSelector(".fjs-form")).isEmpty();
      } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
        return false;
      }
    });
  }

  String filterId(String name) {
    return engine.getFilterService().createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  /** Picks an option in a form-js select (a dropdown, not a native select). */
  void choose(String fieldId, String optionStartsWith) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='" + fieldId + "']")));
    WebElement group = field.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", group);
    group.findElement(By.cssSelector(".fjs-input-group")).click();
    WebElement option = wait.until(d -> group.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(o -> o.getText().trim().startsWith(optionStartsWith)).findFirst().orElse(null));
    option.click();
  }

  void login(String user, String password) {
    browser.get(baseUrl() + "/camunda/app/tasklist/default/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type='text'], input[name='username']")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(d -> d.findElements(By.cssSelector("input[type='password']")).isEmpty());
    // Tasklist's scripts load slowly on a busy machine: wait for its header before anything else.
    new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(normalize-space(.), 'Start process')]")));
  }

  /** Clicks, again if Tasklist re-rendered the element meanwhile (it refreshes the list and the task). */
  void click(By locator) {
    wait.until(d -> {
      try {
        WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
        if (element == null) {
          return false;
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        return true;
      } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
        return false;
      }
    });
  }

  void type(String fieldId, String text) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='" + fieldId + "']")));
    element.sendKeys(text);
  }

  /** Waits until the engine shows what Tasklist was asked to do; a screenshot if it never does. */
  void waitUntil(String what, Callable<Boolean> condition) {
    try {
      await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(condition);
    } catch (ConditionTimeoutException e) {
      screenshot("tasklist-timeout");
      throw e;
    }
  }

  void screenshot(String name) {
    try {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Path target = Path.of("target", name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      // What the browser said: failed requests and script errors, for whoever reads the report.
      browser.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("browser: " + entry));
    } catch (Exception ignored) {
      // a screenshot is only a debugging aid
    }
  }
}
