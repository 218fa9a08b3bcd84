package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The two CVE replays, and one login shared by the webapps and the application's pages. */
class SecurityTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  static final String PAYLOAD_USER = "pwned";
  static final String EXPRESSION =
      "${identityService.saveUser(identityService.newUser('" + PAYLOAD_USER + "'))}";

  @Test
  void adminSetupCannotCreateAnAdministratorEvenWhenTheAdminGroupIsEmpty() {
    IdentityService identity = engine.getIdentityService();
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    try {
      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
      RestClient.Response response = RestClient.anonymous(baseUrl()).post("/camunda/api/admin/setup/default/user/create",
          Map.of("profile", Map.of("id", "angriber", "firstName", "A", "lastName", "B", "email", "a@b.dk"),
              "credentials", Map.of("password", "angriber123")));
      assertThat(response.status()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("angriber").count()).isZero();
    } finally {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }

  @Test
  void expressionsInTaskQueriesAreRefusedOnTheRestApi() {
    RestClient kommune = RestClient.as(baseUrl(), "kommune");
    RestClient.Response orQuery = kommune.post("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("dueAfterExpression", EXPRESSION))));
    assertThat(orQuery.status()).isEqualTo(400);
    assertThat(orQuery.json().path("message").asText()).contains("Udtryk");

    RestClient.Response count = kommune.post("/engine-rest/task/count",
        Map.of("orQueries", List.of(Map.of("followUpBeforeExpression", EXPRESSION))));
    assertThat(count.status()).isEqualTo(400);

    String query = URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8);
    assertThat(kommune.get("/engine-rest/task?dueAfterExpression=" + query).status()).isEqualTo(400);

    String filterId = engine.getFilterService().createFilterQuery().filterName("Mine opgaver").singleResult().getId();
    assertThat(kommune.post("/engine-rest/filter/" + filterId + "/list",
        Map.of("orQueries", List.of(Map.of("dueBeforeExpression", EXPRESSION)))).status()).isEqualTo(400);

    assertThat(engine.getIdentityService().createUserQuery().userId(PAYLOAD_USER).count()).isZero();
    assertThat(kommune.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("name", "x")))).status())
        .as("an ordinary or-query still works").isEqualTo(200);
  }

  @Test
  void expressionsAreRefusedOnTheWebappApiAndTheWebappLoginOpensTheApplicationsApi() throws Exception {
    Session tasklist = Session.login(baseUrl(), "kommune", "demo");

    HttpResponse<String> products = tasklist.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/products")).GET());
    assertThat(products.statusCode()).as("one login: the Tasklist session opens /api").isEqualTo(200);

    HttpResponse<String> tasks = tasklist.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/camunda/api/engine/engine/default/task"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"orQueries\":[{\"dueAfterExpression\":\"" + EXPRESSION + "\"}]}")));
    assertThat(tasks.statusCode()).isEqualTo(400);
    assertThat(engine.getIdentityService().createUserQuery().userId(PAYLOAD_USER).count()).isZero();
  }

  @Test
  void theSecretariatReadsEveryProcessAndItsHistoryAndOthersDoNot() {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    String pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, Proposals.uniqueName("Cockpit"), "N1")).getId();
    engine.getIdentityService().clearAuthentication();

    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    assertThat(secretariat.get("/engine-rest/process-instance?processInstanceIds=" + pi).json().size()).isOne();
    assertThat(secretariat.get("/engine-rest/history/process-instance?processInstanceId=" + pi).json().size()).isOne();
    assertThat(secretariat.get("/engine-rest/history/variable-instance?processInstanceId=" + pi).json().size())
        .isGreaterThan(5);

    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    assertThat(board.get("/engine-rest/process-instance?processInstanceIds=" + pi).json().size()).isZero();
    assertThat(board.get("/engine-rest/history/process-instance?processInstanceId=" + pi).json().size()).isZero();
  }

  /** A browser-like session with the Camunda webapps: cookies and the CSRF token. */
  record Session(HttpClient http, CookieManager cookies) {

    static Session login(String baseUrl, String user, String password) throws IOException, InterruptedException {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      Session session = new Session(http, cookies);
      // The first page visit hands out the CSRF cookie.
      http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> login = session.send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // Login starts a new session; its first page visit hands out that session's CSRF token.
      http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return session;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
