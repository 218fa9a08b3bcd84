package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.overview.PortfolioFixtures;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat opens the portfolio in Debian's headless Chromium, searches by name, filters by
 * level, pages to page 2 with the filters kept, and downloads the CSV of what the filters show.
 */
class PortfolioBrowserTests extends BrowserTests {

  @Autowired
  Portfolio portfolio;

  @Test
  void theSecretariatSearchesFiltersPagesAndDownloadsTheCsv() {
    String prefix = PortfolioFixtures.prefix("Browserportefolje");
    List<String> atN1 = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      String name = prefix + String.format("%02d", i);
      atN1.add(name);
      PortfolioFixtures.active(portfolio, name, "N1", LocalDate.now().minusYears(1), "Aarhus");
    }
    List<String> atN2 = List.of(prefix + "n2-a", prefix + "n2-b");
    atN2.forEach(name -> PortfolioFixtures.active(portfolio, name, "N2", LocalDate.now().minusYears(1), "Odense"));

    try {
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/app/produkter");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "OS2's portefølje"));
      assertThat(browser.findElements(By.cssSelector("#chart-levels text")).stream().map(WebElement::getText))
          .as("the charts are drawn on the page").contains("N1", "N2", "N3");
      assertThat(browser.findElements(By.cssSelector("#chart-due rect"))).as("one bar a month").hasSize(12);

      browser.findElement(By.id("q")).sendKeys(prefix);
      new Select(browser.findElement(By.id("level"))).selectByValue("N1");
      browser.findElement(By.id("search")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "55 produkter"));
      assertThat(browser.findElement(By.id("result-count")).getText()).contains("side 1 af 2");
      List<String> first = names();
      assertThat(first).hasSize(50).allMatch(name -> name.startsWith(prefix)).doesNotContainAnyElementsOf(atN2);
      assertThat(first).containsExactlyElementsOf(atN1.subList(0, 50));

      browser.findElement(By.cssSelector("#pages a[href*='page=2']")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "side 2 af 2"));
      assertThat(names()).containsExactlyElementsOf(atN1.subList(50, 55));
      assertThat(browser.getCurrentUrl()).contains("level=N1").contains("page=2");
      assertThat(browser.findElement(By.id("q")).getAttribute("value")).as("the search is kept").isEqualTo(prefix);
      assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("N1");

      // The download link, fetched with the browser's own session as a click would.
      String href = browser.findElement(By.id("export-csv")).getAttribute("href");
      assertThat(href).contains("level=N1").doesNotContain("page=");
      Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' '"
              + " + r.headers.get('Content-Disposition') + '\\n' + t))).catch(e => done('error ' + e));", href);
      String download = String.valueOf(csv);
      assertThat(download).startsWith("200 attachment");
      String[] lines = download.split("\r?\n");
      assertThat(lines[1]).startsWith("Produkt;Niveau;Status");
      assertThat(lines).as("the header and every filtered product, from both pages").hasSize(2 + 55);
      atN1.forEach(name -> assertThat(download).contains(name + ";N1;Aktiv"));
      atN2.forEach(name -> assertThat(download).doesNotContain(name));
    } catch (RuntimeException | AssertionError e) {
      screenshot("portfolio-browser");
      throw e;
    }
  }

  private List<String> names() {
    return browser.findElements(By.cssSelector("#products tbody tr td:first-child a")).stream()
        .map(WebElement::getText).toList();
  }
}
