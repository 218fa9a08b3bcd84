package dk.os2.governance.browser;

import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import dk.os2.governance.IntegrationTests;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
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

/**
 * What every browser test shares: Debian's headless Chromium (the tests skip, saying why, where it
 * is not installed; {@code .ci/run} installs it), a Tasklist login, and the ways a person picks,
 * types and clicks in Tasklist's forms and lists.
 */
abstract class BrowserTests extends IntegrationTests {

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
        "--disable-sync", "--window-size=1400,3200", "--lang=" + browserLanguage(),
        "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", browserLanguage()));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  /** The browser's own language; the webapps speak Danish whatever it is (see DanishWebappsBrowserTests). */
  String browserLanguage() {
    return "da";
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
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

  /**
   * Opens a body's (or one's own) list in Tasklist and the task whose card names the product, as a
   * person picks it; returns the card's text as the list showed it.
   */
  String openTaskFromList(String filterName, String productName) {
    String list = baseUrl() + "/camunda/app/tasklist/default/#/?filter=" + filterId(filterName);
    // Tasklist's start-up now and then stays on its loading spinner (seen once in CI after a
    // navigation that only changed the hash): a person reloads, and so does the test, twice at most.
    browser.get(list);
    for (int attempt = 1; ; attempt++) {
      try {
        new WebDriverWait(browser, Duration.ofSeconds(attempt < 3 ? 25 : 60)).until(
            ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), productName));
        break;
      } catch (TimeoutException stillLoading) {
        if (attempt == 3) {
          throw stillLoading;
        }
        browser.navigate().refresh();
      }
    }
    String card = browser.findElements(By.cssSelector(".tasks-list > li")).stream().map(WebElement::getText)
        .filter(text -> text.contains(productName)).findFirst().orElseThrow();
    openCard(productName);
    return card;
  }

  /** Claims the open task and waits until its form can be filled in. */
  void claim() {
    click(By.xpath("//button[normalize-space(.)='Tag opgaven']"));
    wait.until(d -> d.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea")).stream()
        .anyMatch(WebElement::isEnabled));
  }

  void clickComplete() {
    click(By.xpath("//button[normalize-space(.)='Afslut']"));
  }

  /** Replaces what a text field holds, as a person selects it all and types anew. */
  void retype(String fieldId, String text) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='" + fieldId + "']")));
    element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
    element.sendKeys(text);
  }

  /**
   * Types into a text field until the form holds the text: a field typed into just after a choice
   * that makes form-js re-render (a radio, a checkbox) can lose the keys on a busy machine.
   */
  void typeHeld(String fieldId, String text) {
    By locator = By.cssSelector("[id$='" + fieldId + "']");
    wait.until(d -> {
      try {
        WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
        if (element == null) {
          return false;
        }
        if (!text.equals(element.getDomProperty("value"))) {
          element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
              org.openqa.selenium.Keys.DELETE);
          element.sendKeys(text);
        }
        return text.equals(d.findElement(locator).getDomProperty("value"));
      } catch (StaleElementReferenceException e) {
        return false;
      }
    });
  }

  /** The form-js field (label, input and messages) around the input with this id. */
  WebElement fieldOf(String fieldId) {
    return browser.findElement(By.cssSelector("[id$='" + fieldId + "']"))
        .findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
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

  /** Starts a proposal at N1 with Tasklist's start form, every answer "Ja". */
  void fillStartForm(String name) {
    openStartForm(name, Map.of());
    clickStart();
  }

  /**
   * Opens Tasklist's start form of a proposal and fills it in at N1 as a municipality does; each
   * criterion is answered "Ja" unless {@code answers} gives another answer (criterion "N1_1" → "Nej").
   */
  void openStartForm(String name, Map<String, String> answers) {
    click(By.xpath("//a[contains(normalize-space(.), 'Start proces')]"));
    click(By.xpath("//a[contains(normalize-space(.), 'Projektforslag')]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));

    type("Field_productName", name);
    type("Field_purpose", "Digital borgerbetjening");
    type("Field_need", "Mange kommuner løser opgaven hver for sig");
    type("Field_municipality", "Odense Kommune");
    type("Field_contactName", "Ole Odense");
    type("Field_contactEmail", "ole@odense.dk");
    choose("Field_licence", "EUPL-1.2");
    choose("Field_requestedLevel", "N1");
    for (String criterion : new String[] {"N1_1", "N1_2", "N1_3", "N1_4", "N1_5"}) {
      choose("Field_sa_" + criterion + "_answer", answers.getOrDefault(criterion, "Ja"));
    }
  }

  void clickStart() {
    click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Start']"));
  }

  void login(String user, String password) {
    browser.get(baseUrl() + "/camunda/app/tasklist/default/");
    By usernameField = By.cssSelector("input[type='text'], input[name='username']");
    WebElement username;
    try {
      username = wait.until(ExpectedConditions.visibilityOfElementLocated(usernameField));
    } catch (TimeoutException e) {
      // The first page of a run meets a cold, busy server, and RequireJS may give up loading one of
      // Tasklist's plugins ("Load timeout for modules"), leaving a spinner: load the page once more.
      browser.navigate().refresh();
      username = new WebDriverWait(browser, Duration.ofSeconds(120))
          .until(ExpectedConditions.visibilityOfElementLocated(usernameField));
    }
    // Typed until both fields hold what was typed: on a busy machine the login page may still move
    // the focus while the keys arrive (seen: the password typed into the user name).
    By passwordField = By.cssSelector("input[type='password']");
    wait.until(d -> {
      try {
        for (var field : List.of(Map.entry(usernameField, user), Map.entry(passwordField, password))) {
          WebElement element = d.findElement(field.getKey());
          if (!field.getValue().equals(element.getDomProperty("value"))) {
            element.click();
            element.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
            element.sendKeys(field.getValue());
          }
        }
        return user.equals(d.findElement(usernameField).getDomProperty("value"))
            && password.equals(d.findElement(passwordField).getDomProperty("value"));
      } catch (StaleElementReferenceException e) {
        return false;
      }
    });
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(d -> d.findElements(By.cssSelector("input[type='password']")).isEmpty());
    // Tasklist's scripts load slowly on a busy machine: wait for its header before anything else.
    new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(normalize-space(.), 'Start proces')]")));
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
