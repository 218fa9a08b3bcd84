package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ordinary mistakes on the application's pages end on the Danish error page with the way back to
 * the page the user came from; Tasklist's notices of a refusal read Danish; links inside the
 * application and its forms are paths of this site, and report links in forms open a new tab.
 */
class WayBackTests extends IntegrationTests {

  private static final Pattern HIDDEN = Pattern.compile("name=\"_csrf\" value=\"([0-9A-Fa-f]+)\"");

  @Autowired
  Portfolio portfolio;

  @Autowired
  Evaluations evaluations;

  @Autowired
  ObjectMapper json;

  @Test
  void anUnknownUserIdEndsOnTheDanishPageWithTheWayBackToTheProductPage() throws Exception {
    String product = product();
    Http browser = Http.session(baseUrl(), "sekretariat");
    String page = "/app/produkter/" + product;
    HttpResponse<String> refused = post(browser, page, page + "/grupper",
        Map.of("kind", "STEERING", "userId", "findes-ikke", "role", "PARTICIPANT"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertDanishPageWithWayBack(refused, page).contains("Brugeren &#39;findes-ikke&#39; findes ikke.");
  }

  @Test
  void aSecondLevelChangeIsRefusedOnTheProductPageItself() throws Exception {
    String product = product();
    Http browser = Http.session(baseUrl(), "sekretariat");
    String page = "/app/produkter/" + product;
    Map<String, String> change = Map.of("targetLevel", "N2", "reason", "Bred udbredelse", "confirmed", "ja");
    assertThat(post(browser, page, page + "/niveauaendring", change).statusCode()).isEqualTo(302);
    HttpResponse<String> second = post(browser, page, page + "/niveauaendring", change);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).as("the product page, the message at its level-change section")
        .contains("id=\"niveauaendring\"").contains("allerede en niveauændring i gang")
        .doesNotContain("Whitelabel");
  }

  @Test
  void aLinkTheUserMayNotOpenEndsOnTheDanishPageWithTheWayBack() throws Exception {
    Http browser = Http.session(baseUrl(), "kommune");
    HttpResponse<String> refused = browser.send(browser.request("GET", "/app/udbakke", null, null)
        .header("Accept", "text/html").header("Referer", baseUrl() + "/app/produkter"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertDanishPageWithWayBack(refused, "/app/produkter");

    HttpResponse<String> unknown = browser.send(browser.request("GET", "/app/evalueringer/findes-ikke", null, null)
        .header("Accept", "text/html").header("Referer", baseUrl() + "/app/produkter?status=ACTIVE"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertDanishPageWithWayBack(unknown, "/app/produkter?status=ACTIVE");
  }

  @Test
  void theWayBackIsNeverAnotherSite() throws Exception {
    Http browser = Http.session(baseUrl(), "kommune");
    HttpResponse<String> refused = browser.send(browser.request("GET", "/app/udbakke", null, null)
        .header("Accept", "text/html").header("Referer", "https://example.org/app/produkter"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("example.org").doesNotContain("Tilbage til siden, du kom fra")
        .contains("Tilbage til porteføljen");
    assertThat(DanishErrorAttributes.back("javascript:alert(1)", "localhost", null)).isNull();
    assertThat(DanishErrorAttributes.back("http://localhost//evil.org/x", "localhost", null)).isNull();
    assertThat(DanishErrorAttributes.back("http://localhost/app/x", "localhost", "/app/x")).isNull();
  }

  @Test
  void tasklistShowsItsRefusalNoticesInDanish() throws Exception {
    Http browser = Http.session(baseUrl(), "kommune");
    HttpResponse<String> texts = browser.send(browser.request("GET", "/camunda/app/tasklist/locales/da.json", null, null));
    assertThat(texts.statusCode()).isEqualTo(200);
    JsonNode labels = json.readTree(texts.body()).path("labels");
    assertThat(labels.path("PROCESS_START_ERROR").asText()).isEqualTo("Processen blev ikke startet");
    assertThat(labels.path("COMPLETE_ERROR").asText()).isEqualTo("Formularen blev ikke sendt");
    assertThat(json.readTree(texts.body()).path("dateLocales").isObject()).isTrue();
    // English, for whoever chooses it, stays as Camunda ships it.
    HttpResponse<String> english = browser.send(browser.request("GET", "/camunda/app/tasklist/locales/en.json", null, null));
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body()).contains("\"COMPLETE\": \"Complete\"").contains("The process could not be started.");

    // Tasklist loads the script that puts a refusal at its field.
    HttpResponse<String> config = browser.send(browser.request("GET", "/camunda/app/tasklist/scripts/config.js", null, null));
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("'scripts/os2-field-errors'").contains("shortcuts");
    HttpResponse<String> script = browser.send(
        browser.request("GET", "/camunda/app/tasklist/scripts/os2-field-errors.js", null, null));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("submit-form");
  }

  @Test
  void linksInsideTheApplicationAreRelativeAndReportLinksInFormsOpenANewTab() throws Exception {
    assertThat(evaluations.reportLink("abc")).isEqualTo("/app/evalueringer/abc");

    Http browser = Http.session(baseUrl(), "sekretariat");
    HttpResponse<String> agenda = browser.send(browser.request("GET", "/app/bestyrelsesmoede", null, null));
    assertThat(agenda.statusCode()).isEqualTo(200);
    assertThat(agenda.body()).doesNotContain("href=\"http");

    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    int links = 0;
    for (Path form : forms) {
      String text = Files.readString(form);
      assertThat(text).as(form + ": no markdown link replaces Tasklist in its own tab").doesNotContain("]({{");
      Matcher anchor = Pattern.compile("<a [^>]*>").matcher(text);
      while (anchor.find()) {
        links++;
        assertThat(anchor.group()).as(form.toString()).contains("target=\\\"_blank\\\"").contains("rel=\\\"noopener\\\"")
            .doesNotContain("href=\\\"http");
      }
    }
    assertThat(links).as("the forms link to their reports").isGreaterThanOrEqualTo(9);
  }

  private HttpResponse<String> post(Http browser, String from, String path, Map<String, String> fields)
      throws Exception {
    HttpResponse<String> page = browser.send(browser.request("GET", from, null, null));
    Matcher hidden = HIDDEN.matcher(page.body());
    assertThat(hidden.find()).as("the page's form carries its token").isTrue();
    Map<String, String> withToken = new java.util.HashMap<>(fields);
    withToken.put("_csrf", hidden.group(1));
    return browser.send(browser.request("POST", path, "application/x-www-form-urlencoded", Http.form(withToken))
        .header("Accept", "text/html,application/xhtml+xml").header("Referer", baseUrl() + from));
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertDanishPageWithWayBack(HttpResponse<String> response,
      String back) {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    return assertThat(response.body()).contains("<html lang=\"da\"").contains("Forespørgslen kunne ikke udføres")
        .doesNotContain("Whitelabel").doesNotContain("Exception")
        .contains("href=\"" + back.replace("&", "&amp;") + "\"").contains("Tilbage til siden, du kom fra")
        .contains("Tilbage til porteføljen").contains("href=\"/camunda/app/tasklist/\"");
  }

  private String product() {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Vejen tilbage"), "Formål",
        "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N1", "kommune", null));
    portfolio.approve(id, "N1", LocalDate.now().minusYears(1));
    return id;
  }
}
