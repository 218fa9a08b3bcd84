package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * One error shape per surface, with Danish texts from one message source: the application's API
 * answers every refusal with an RFC 9457 problem ({@code application/problem+json}: status, title,
 * detail, instance), also where Spring MVC or the servlet filters refuse before any controller; the
 * engine's REST API keeps Camunda's {@code {type, message, code}}, whose message Tasklist shows;
 * the pages keep the Danish error page.
 */
class ErrorShapeTests extends IntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  MessageSource messages;

  @Autowired
  ErrorController errorController;

  @Test
  void anUnknownApiPathIsAProblemInDanish() throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    for (String accept : new String[] {"application/json", "text/html", "*/*"}) {
      HttpResponse<String> response = secretariat.send(secretariat.request("GET", "/api/intet-her", null, null)
          .header("Accept", accept));
      JsonNode problem = problem(response, 404);
      assertThat(problem.path("title").asText()).as(accept).isEqualTo("Findes ikke");
      assertThat(problem.path("detail").asText()).isEqualTo("Siden eller ressourcen findes ikke.");
      assertThat(problem.path("instance").asText()).isEqualTo("/api/intet-her");
      assertThat(problem.has("message")).as("not Camunda's nor Spring Boot's shape").isFalse();
      assertThat(problem.has("error")).isFalse();
      assertThat(problem.has("path")).isFalse();
    }
  }

  @Test
  void aMethodTheApiDoesNotTakeIsAProblemInDanish() throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    JsonNode byMvc = problem(secretariat.send(secretariat.request("DELETE", "/api/catalogues", null, null)), 405);
    assertThat(byMvc.path("title").asText()).isEqualTo("Metoden er ikke tilladt");
    assertThat(byMvc.path("detail").asText()).isEqualTo("Metoden er ikke tilladt på denne adresse.");

    JsonNode byFilter = problem(secretariat.send(secretariat.request("PATCH", "/api/catalogues", null, null)), 405);
    assertThat(byFilter.path("detail").asText()).isEqualTo("Metoden PATCH er ikke tilladt.");
    assertThat(byFilter.path("instance").asText()).isEqualTo("/api/catalogues");
  }

  @Test
  void refusalsBeforeAnyControllerAreProblemsInDanish() throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    JsonNode unsupported = problem(secretariat.send(secretariat.request("POST", "/api/products/x/level-changes",
        "text/plain", "N2".getBytes(StandardCharsets.UTF_8))), 415);
    assertThat(unsupported.path("title").asText()).isEqualTo("Indholdstypen understøttes ikke");
    assertThat(unsupported.path("detail").asText())
        .isEqualTo("Indholdstypen understøttes ikke her; send JSON (application/json).");

    JsonNode notAcceptable = problem(secretariat.send(secretariat.request("GET", "/api/catalogues", null, null)
        .header("Accept", "application/xml")), 406);
    assertThat(notAcceptable.path("detail").asText()).isEqualTo("Svaret kan ikke leveres i det ønskede format.");

    Http anonymous = Http.basic(baseUrl(), "nobody-" + System.nanoTime());
    JsonNode login = problem(anonymous.send(anonymous.request("GET", "/api/products", null, null)), 401);
    assertThat(login.path("title").asText()).isEqualTo("Ikke logget ind");
    assertThat(login.path("detail").asText())
        .isEqualTo("Du skal være logget ind. Log ind i Tasklist (/camunda) eller brug HTTP Basic.");

    JsonNode tooLarge = problem(secretariat.send(secretariat.request("POST", "/api/catalogues", "application/json",
        new byte[(int) RequestSizeLimitFilter.LIMIT + 1])), 413);
    assertThat(tooLarge.path("detail").asText())
        .isEqualTo("Forespørgslen er for stor: højst 1 MB pr. fil eller indhold.");

    JsonNode nonCanonical =
        problem(secretariat.send(secretariat.request("GET", "/api/catalogues;x=1", null, null)), 400);
    assertThat(nonCanonical.path("detail").asText()).startsWith("Adressen er ikke gyldig");

    Http browser = Http.session(baseUrl(), "sekretariat");
    JsonNode csrf = problem(browser.send(browser.request("POST", "/api/products/x/level-changes", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8))), 403);
    assertThat(csrf.path("detail").asText()).isEqualTo(
        "Forespørgslen mangler sikkerhedsnøglen (CSRF-token) for din session. Genindlæs siden og prøv igen.");
  }

  @Test
  void severalProblemsAreListedInErrors() throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> response = secretariat.send(secretariat.request("POST", "/api/products/x/level-changes",
        "application/json", ("{\"reason\":\"" + "r".repeat(2001) + "\"}").getBytes(StandardCharsets.UTF_8)));
    JsonNode problem = problem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("Ugyldig forespørgsel");
    assertThat(problem.path("errors")).extracting(JsonNode::asText).containsExactly(
        "Skriv en begrundelse for niveauændringen (højst 2000 tegn, uden HTML og udtryk).",
        "Vælg niveau N1, N2 eller N3.");
  }

  /** What the servlet container hands to /error for an /api request (a filter's exception) is a problem too. */
  @Test
  void theErrorPageAnswersApiRequestsWithAProblem() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setDispatcherType(DispatcherType.ERROR);
    request.setServletPath("/error");
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/catalogues");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
        new IOException(new RequestSizeLimitFilter.BodyTooLargeException("for stor")));
    ResponseEntity<Map<String, Object>> json = ((ErrorPage) errorController).error(request);
    assertThat(json.getStatusCode().value()).isEqualTo(413);
    assertThat(json.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.getBody()).containsEntry("status", 413).containsEntry("title", "For stor forespørgsel")
        .containsEntry("detail", "Forespørgslen er for stor: højst 1 MB pr. fil eller indhold.")
        .containsEntry("instance", "/api/catalogues");

    request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
    MockHttpServletResponse html = new MockHttpServletResponse();
    assertThat(((ErrorPage) errorController).errorHtml(request, html)).as("no page for /api").isNull();
    assertThat(html.getStatus()).isEqualTo(500);
    assertThat(html.getContentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(html.getContentAsString(StandardCharsets.UTF_8)).path("detail").asText())
        .isEqualTo("Der opstod en uventet fejl på serveren. Intet er ændret; prøv igen, "
            + "eller kontakt sekretariatet.");
  }

  @Test
  void theEngineRestApiKeepsCamundasShapeInDanish() throws Exception {
    Http kommune = Http.basic(baseUrl(), "kommune");
    HttpResponse<String> guarded = kommune.send(kommune.request("POST", "/engine-rest/task", "application/json",
        "{\"dueAfterExpression\":\"${now()}\"}".getBytes(StandardCharsets.UTF_8)));
    JsonNode refusal = camunda(guarded, 400);
    assertThat(refusal.path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(refusal.path("message").asText())
        .isEqualTo("Udtryk (expressions) i opgave- og filterforespørgsler er ikke tilladt.");

    HttpResponse<String> translated = kommune.send(kommune.request("GET", "/engine-rest/task/findes-ikke", null, null));
    JsonNode notFound = camunda(translated, 404);
    assertThat(notFound.path("message").asText())
        .isEqualTo("Opgaven, processen eller det, du spurgte efter, findes ikke (eller er allerede afsluttet).");

    HttpResponse<String> options = kommune.send(kommune.request("OPTIONS", "/engine-rest/task", null, null));
    assertThat(camunda(options, 405).path("message").asText()).isEqualTo("Metoden OPTIONS er ikke tilladt.");
  }

  @Test
  void pagesKeepTheDanishErrorPage() throws Exception {
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> response = secretariat.send(secretariat.request("GET", "/app/intet-her", null, null)
        .header("Accept", "text/html"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).contains("Siden eller ressourcen findes ikke.");
  }

  /** Every key the code names, and every status a refusal can have, has its Danish text. */
  @Test
  void everyKeyUsedInTheCodeIsInTheMessageSource() throws IOException {
    Pattern key = Pattern.compile("\"((?:refusal|engine)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dk/os2/governance/security"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    assertThat(keys).contains(Refusals.TOO_LARGE, "refusal.csrf.missingToken", "engine.notAllowed");
    for (String k : keys) {
      assertThat(messages.getMessage(k, new Object[] {"x"}, Refusals.DANISH)).as(k).isNotBlank();
    }
    Refusals refusals = new Refusals(messages, JSON);
    for (int status = 400; status < 600; status++) {
      assertThat(refusals.title(status)).isNotBlank();
      assertThat(refusals.byStatus(status)).isNotBlank();
    }
    for (int status : List.of(400, 401, 403, 404)) {
      assertThat(messages.getMessage("engine.refusal." + status, null, Refusals.DANISH)).isNotBlank();
    }
    assertThat(refusals.text("refusal.fieldInvalid", "role")).as("quotes kept around a parameter")
        .isEqualTo("Feltet 'role' har en forkert type eller et ugyldigt indhold.");
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem;
  }

  private static JsonNode camunda(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
        .startsWith("application/json");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.has("type")).isTrue();
    assertThat(error.has("detail")).as("not a problem").isFalse();
    return error;
  }
}
