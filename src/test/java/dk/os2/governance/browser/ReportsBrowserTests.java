package dk.os2.governance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.reporting.PublicPortfolioSettings;
import dk.os2.governance.reporting.ReportFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What people outside and inside OS2 see of the reporting: with the public portfolio switched on,
 * a fresh browser with no session opens a product's badge and the public portfolio and reads the
 * level; switched off, it finds nothing there. The secretariat chooses a period, opens the board's
 * report and downloads its PDF, which holds that period's decisions and no others.
 *
 * <p>The suite shares one Spring context: the switch is flipped on the settings bean (read on every
 * request) and restored in {@code finally}, never by a context of its own.
 */
class ReportsBrowserTests extends BrowserTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  PublicPortfolioSettings settings;

  @Test
  void aBadgeAndThePublicPortfolioOpenWithoutLoginOnlyWhenSwitchedOn() {
    String name = ReportFixtures.uniqueName("Mærkeprodukt");
    String id = ReportFixtures.product(portfolio, name, "N3", LocalDate.of(2024, 9, 1));
    boolean before = settings.isEnabled();
    try {
      // Off (the default): a stranger finds nothing at either address, only the Danish "not found".
      settings.setEnabled(false);
      browser.get(baseUrl() + "/offentlig");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
      assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(name).contains("findes ikke");
      browser.get(baseUrl() + "/badge/" + id + ".svg");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
      assertThat(browser.getPageSource()).doesNotContain("OS2 niveau").doesNotContain("<svg");

      // On: the same fresh browser, still without a login, reads the badge and the public portfolio.
      // (Badges are cached for an hour, so they are looked at off before on, never the other way.)
      settings.setEnabled(true);
      browser.get(baseUrl() + "/badge/" + id + ".svg");
      wait.until(d -> d.getPageSource().contains("OS2 niveau N3"));
      assertThat(browser.getPageSource()).contains("<svg").contains(">N3<");

      browser.get(baseUrl() + "/offentlig");
      WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//tr[td[normalize-space(.)='" + name + "']]")));
      assertThat(row.getText()).contains("N3 – i brug og vitalt").contains("01-09-2024");
      WebElement badge = row.findElement(By.tagName("img"));
      wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
          .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", badge));
      assertThat(browser.manage().getCookies()).as("no login, no session").noneMatch(c -> c.getName().equals("JSESSIONID"));
    } catch (RuntimeException | Error e) {
      screenshot("public-portfolio-failure");
      throw e;
    } finally {
      settings.setEnabled(before);
    }
  }

  @Test
  void theSecretariatDownloadsTheBoardsReportForAPeriodAsPdf() throws Exception {
    String inside = ReportFixtures.uniqueName("Browserrapport");
    String outside = ReportFixtures.uniqueName("Browseruden");
    String in = ReportFixtures.product(portfolio, inside, "N2", LocalDate.of(2022, 5, 10));
    ReportFixtures.boardDecision(portfolio, in, "approve", "N2", "Godkendt på mødet i maj",
        "Afviger fra indstillingen fordi " + inside + " allerede bruges bredt", LocalDate.of(2022, 5, 10));
    String out = ReportFixtures.product(portfolio, outside, "N1", LocalDate.of(2022, 9, 10));
    ReportFixtures.boardDecision(portfolio, out, "retire", null, "Udfaset efter perioden", null,
        LocalDate.of(2022, 9, 10));
    try {
      login("sekretariat", "demo");
      browser.get(baseUrl() + "/app/rapporter");
      WebElement from = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("fra")));
      from.clear();
      from.sendKeys("01-05-2022");
      WebElement to = browser.findElement(By.name("til"));
      to.clear();
      to.sendKeys("31-05-2022");
      click(By.id("bestyrelsesrapport"));
      WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pdf-link")));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("Porteføljerapport til bestyrelsen")
          .contains(inside).doesNotContain(outside);

      // The link fetched with the browser's session, as the download would be.
      String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
          .collect(Collectors.joining("; "));
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
          .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      String text;
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      }
      assertThat(text).contains("Porteføljerapport til bestyrelsen").contains("01-05-2022").contains("31-05-2022")
          .contains(inside).contains("Godkendt (Bestyrelsen)").contains("Godkendt på mødet i maj")
          .contains("Afviger fra indstillingen fordi " + inside + " allerede bruges bredt")
          .doesNotContain(outside).doesNotContain("Udfaset efter perioden");

      // The board agenda's "Udskriv" opens the browser's print dialog under the pages'
      // content-security policy (a javascript: address is blocked); the dialog is replaced by a marker.
      browser.get(baseUrl() + "/app/bestyrelsesmoede");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Udskriv")));
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "window.print = function () { document.body.setAttribute('data-printed', 'yes'); };");
      click(By.linkText("Udskriv"));
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-printed", "yes"));
    } catch (RuntimeException | Error e) {
      screenshot("report-pdf-failure");
      throw e;
    }
  }
}
