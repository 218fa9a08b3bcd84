package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Threat: another site makes a logged-in browser post to the application's pages or API (the
 * session cookie goes along). Every state-changing request that the session authenticates must
 * carry the webapps' CSRF token (header X-XSRF-TOKEN or form field _csrf); API clients with HTTP
 * Basic need none, but not from another site's page.
 */
class CsrfTests extends IntegrationTests {

  private static final Pattern HIDDEN = Pattern.compile("name=\"_csrf\" value=\"([0-9A-Fa-f]+)\"");

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Portfolio portfolio;

  @Test
  void aPageFormWithoutTheTokenIsRefusedAndWithItWorks() throws Exception {
    String product = product();
    Http browser = Http.session(baseUrl(), "sekretariat");
    byte[] form = Http.form(Map.of("kind", "STEERING", "userId", "kommune", "role", "MUNICIPALITY",
        "organisation", "Aarhus Kommune"));
    String path = "/app/produkter/" + product + "/grupper";

    State before = State.of(jdbc, engine);
    HttpResponse<String> without = browser.send(browser.request("POST", path, "application/x-www-form-urlencoded", form)
        .header("Accept", "text/html"));
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("sikkerhedsnøglen").doesNotContain("Whitelabel", "Forbidden");
    byte[] wrong = Http.form(Map.of("kind", "STEERING", "userId", "kommune", "role", "MUNICIPALITY", "_csrf", "ABC123"));
    assertThat(browser.send(browser.request("POST", path, "application/x-www-form-urlencoded", wrong)).statusCode())
        .isEqualTo(403);
    assertThat(State.of(jdbc, engine)).isEqualTo(before);

    // The page's own form carries the token: the webapps' token of this session.
    HttpResponse<String> page = browser.send(browser.request("GET", "/app/produkter/" + product, null, null));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher hidden = HIDDEN.matcher(page.body());
    assertThat(hidden.find()).as("the form has the hidden _csrf field").isTrue();
    assertThat(hidden.group(1)).isEqualTo(browser.xsrfCookie().orElseThrow());

    byte[] withToken = Http.form(Map.of("kind", "STEERING", "userId", "kommune", "role", "MUNICIPALITY",
        "organisation", "Aarhus Kommune", "_csrf", hidden.group(1)));
    HttpResponse<String> ok = browser.send(browser.request("POST", path, "application/x-www-form-urlencoded", withToken));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
    assertThat(members(product)).isEqualTo(1);
  }

  @Test
  void anUploadFormCarriesTheTokenInItsMultipartBody() throws Exception {
    Http browser = Http.session(baseUrl(), "sekretariat");
    HttpResponse<String> page = browser.send(browser.request("GET", "/app/import", null, null));
    Matcher hidden = HIDDEN.matcher(page.body());
    assertThat(hidden.find()).isTrue();
    byte[] catalogue = "id: [broken".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> without = browser.send(browser.request("POST", "/app/import/katalog", Http.multipartType(),
        Http.multipart("file", "k.yaml", catalogue, Map.of())));
    assertThat(without.statusCode()).isEqualTo(403);
    HttpResponse<String> with = browser.send(browser.request("POST", "/app/import/katalog", Http.multipartType(),
        Http.multipart("file", "k.yaml", catalogue, Map.of("_csrf", hidden.group(1)))));
    assertThat(with.statusCode()).isEqualTo(200);
    assertThat(with.body()).contains("hverken gyldig YAML eller JSON");
  }

  @Test
  void theApiWithASessionNeedsTheWebappsHeaderToken() throws Exception {
    String product = product();
    Http browser = Http.session(baseUrl(), "sekretariat");
    String path = "/api/products/" + product + "/groups/COORDINATION/members";
    byte[] body = "{\"userId\":\"kommune\",\"role\":\"MUNICIPALITY\",\"organisation\":\"Odense\"}"
        .getBytes(StandardCharsets.UTF_8);

    State before = State.of(jdbc, engine);
    HttpResponse<String> without = browser.send(browser.request("POST", path, "application/json", body));
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("sikkerhedsnøglen");
    HttpResponse<String> wrong = browser.send(browser.request("POST", path, "application/json", body)
        .header("X-XSRF-TOKEN", "0000"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> delete = browser.send(browser.request("DELETE",
        "/api/products/" + product + "/groups/COORDINATION/members/kommune", null, null));
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(State.of(jdbc, engine)).isEqualTo(before);

    HttpResponse<String> ok = browser.send(browser.request("POST", path, "application/json", body), true);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(members(product)).isEqualTo(1);
    // Reading needs no token.
    assertThat(browser.send(browser.request("GET", "/api/products/" + product, null, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void anApiClientWithBasicNeedsNoTokenButNotFromAnotherSite() throws Exception {
    String product = product();
    Http client = Http.basic(baseUrl(), "sekretariat");
    String path = "/api/products/" + product + "/groups/STEERING/members";
    byte[] body = "{\"userId\":\"bestyrelse\",\"role\":\"BOARD_MEMBER\",\"organisation\":\"OS2\"}"
        .getBytes(StandardCharsets.UTF_8);

    State before = State.of(jdbc, engine);
    HttpResponse<String> foreign = client.send(client.request("POST", path, "application/json", body)
        .header("Origin", "https://angriber.example"));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("andet websted");
    assertThat(State.of(jdbc, engine)).isEqualTo(before);

    HttpResponse<String> ok = client.send(client.request("POST", path, "application/json", body));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertThat(members(product)).isEqualTo(1);
  }

  private long members(String product) {
    return jdbc.queryForObject("select count(*) from product_group_member where product_id = ?", Long.class, product);
  }

  private String product() {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("CSRF"), "Formål", "Behov",
        "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N1", "kommune", null));
    portfolio.approve(id, "N1", LocalDate.now().minusYears(1));
    return id;
  }
}
