package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's webapps speak Danish to everyone, with OS2 governance's name and no migration banner,
 * in a browser whose own language is English (as many municipal PCs are set up); English is there
 * for whoever asks for it with {@code ?sprog=en}.
 */
class DanishWebappsBrowserTests extends BrowserTests {

  @Override
  String browserLanguage() {
    return "en-US";
  }

  @Test
  void theBoardMemberFindsTasklistInDanishWithoutTheMigrationBanner() {
    try {
      login("bestyrelse", "demo");
      assertThat((String) script("return navigator.languages[0]")).as("the browser prefers English").startsWith("en");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".no-task"), "Vælg en opgave på listen."));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Bestyrelsens opgaver"));
      String page = text();
      assertThat(page).contains("Start proces").contains("Vælg en opgave på listen.").contains("Bestyrelsens opgaver")
          .doesNotContain("Start process").doesNotContain("Select a task").doesNotContain("Camunda 8");
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as("no migration banner")
          .noneMatch(WebElement::isDisplayed);
      assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
          .isEqualTo("OS2 governance Opgaver");
      assertThat(browser.getTitle()).isEqualTo("OS2 governance Opgaver");
      assertThat((String) script("return document.documentElement.lang")).isEqualTo("da");

      // The dialog that starts a process speaks Danish too.
      click(By.xpath("//a[contains(normalize-space(.), 'Start proces')]"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal"), "Klik på den proces, du vil starte."));

      // English is one address away, and this browser keeps the choice (?sprog=da undoes it).
      browser.get(baseUrl() + "/camunda/app/tasklist/default/?sprog=en");
      waitForLink("Start process");
      assertThat(text()).contains("Select a task in the list.");
      assertThat((String) script("return window.localStorage.getItem('os2.sprog')")).isEqualTo("en");
    } catch (RuntimeException | Error e) {
      screenshot("danish-tasklist-failure");
      throw e;
    }
  }

  @Test
  void theSecretariatFindsCockpitInDanish() {
    try {
      login("sekretariat", "demo");
      open("/camunda/app/cockpit/default/", "Kørende procesinstanser");
      assertThat(text()).contains("Processer").contains("Beslutninger").contains("Åbne hændelser")
          .doesNotContain("Running Process Instances").doesNotContain("Camunda 8");
      assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
          .isEqualTo("OS2 governance Cockpit");
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    } catch (RuntimeException | Error e) {
      screenshot("danish-cockpit-failure");
      throw e;
    }
  }

  @Test
  void theAdministratorFindsAdminAndTheWelcomePageInDanish() {
    try {
      login("admin", "demo");
      open("/camunda/app/admin/default/", "Tilladelser");
      assertThat(text()).contains("Brugere").contains("Grupper").doesNotContain("Authorizations");
      assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .brand-name")).getText())
          .isEqualTo("OS2 governance Administration");

      open("/camunda/app/welcome/default/", "Applikationer");
      assertThat(text()).contains("Opgaver").contains("Redigér profil").doesNotContain("Applications").doesNotContain("Camunda 8");
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    } catch (RuntimeException | Error e) {
      screenshot("danish-admin-failure");
      throw e;
    }
  }

  /**
   * Opens a webapp and waits for a text of its first page. Under load Chromium now and then refuses
   * the page's own scripts (a Content-Security-Policy nonce that does not match, leaving the
   * spinner); loading the page once more shows it.
   */
  private void open(String path, String text) {
    browser.get(baseUrl() + path);
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    } catch (TimeoutException e) {
      browser.navigate().refresh();
      slowly().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }
  }

  private void waitForLink(String text) {
    slowly().until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[normalize-space(.)='" + text + "']")));
  }

  /** The webapps' scripts load slowly on a busy machine. */
  private WebDriverWait slowly() {
    return new WebDriverWait(browser, Duration.ofSeconds(120));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private Object script(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
