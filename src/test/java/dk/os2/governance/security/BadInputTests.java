package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Threat: bad input (too large, unreadable, of the wrong type, naming what does not exist, in
 * conflict) makes the server fail with 500, shows its internals (SQL, exception names, the
 * framework's English pages) or changes something half-way. Each input below, on /api and /app,
 * is answered 4xx with a Danish message and leaves products, decisions, groups, catalogues,
 * evaluations, mails and processes as they were.
 */
class BadInputTests extends IntegrationTests {

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String UNKNOWN = UUID.randomUUID().toString();
  private static final String HUGE = "x".repeat(100_000);
  private static final byte[] OVER_LIMIT = "a: b\n".repeat(300_000).getBytes(StandardCharsets.UTF_8);
  /** Words of the application's Danish refusals; every refusal has at least one. */
  private static final List<String> DANISH = List.of("ikke", "mangler", "findes", "ugyldig", "forkert", "højst",
      "for stor", "tilladt", "Forespørgsel", "Feltet", "Filen", "Kataloget", "Produkt", "Ukendt", "Vælg",
      "allerede", "Værdien", "skal", "Rapporten", "Indholdet");
  private static final List<String> FRAMEWORK = List.of("Bad Request", "Whitelabel", "Exception", "SQL", "java.",
      "org.", "springframework", "Internal Server Error", "Not Found", "Forbidden", "Method Not Allowed",
      "Unsupported Media Type", "Payload Too Large", "stack", "trace", "Required request");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String product;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Portfolio portfolio;

  record Case(String name, String method, String path, String contentType, byte[] body, boolean chunked,
      int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String method, String path, String contentType, String body, int status) {
    return new Case(name, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        false, status);
  }

  private static Case bytes(String name, String method, String path, String contentType, byte[] body, boolean chunked,
      int status) {
    return new Case(name, method, path, contentType, body, chunked, status);
  }

  private static String upload(String fileName, String content) {
    return new String(Http.multipart("file", fileName, content.getBytes(StandardCharsets.UTF_8), Map.of()),
        StandardCharsets.UTF_8);
  }

  static Stream<Arguments> badInputs() {
    String members = "/api/products/{P}/groups/STEERING/members";
    String catalogueConflict = """
        id: os2-levels
        version: "1.0"
        title: Et andet indhold
        levels: [{id: N1, name: N1}]
        themes: [{id: t, name: T}]
        criteria: [{id: k1, theme: t, level: N1, title: K, owner: forretningsudvalg}]
        """;
    return Stream.of(
        // --- /api: groups
        c("api: organisation of 100,000 characters", "POST", members, JSON,
            "{\"userId\":\"kommune\",\"role\":\"MUNICIPALITY\",\"organisation\":\"" + HUGE + "\"}", 400),
        c("api: unknown group kind", "POST", "/api/products/{P}/groups/FOO/members", JSON,
            "{\"userId\":\"kommune\",\"role\":\"MUNICIPALITY\"}", 400),
        c("api: unknown role", "POST", members, JSON, "{\"userId\":\"kommune\",\"role\":\"KING\"}", 400),
        c("api: unknown user", "POST", members, JSON, "{\"userId\":\"" + UNKNOWN + "\",\"role\":\"MUNICIPALITY\"}", 400),
        c("api: missing userId", "POST", members, JSON, "{\"role\":\"MUNICIPALITY\"}", 400),
        c("api: unknown product for a member", "POST", "/api/products/" + UNKNOWN + "/groups/STEERING/members", JSON,
            "{\"userId\":\"kommune\",\"role\":\"MUNICIPALITY\"}", 404),
        c("api: unreadable JSON", "POST", members, JSON, "{\"userId\":", 400),
        c("api: JSON array instead of object", "POST", members, JSON, "[1,2,3]", 400),
        c("api: wrong type of role", "POST", members, JSON, "{\"userId\":\"kommune\",\"role\":[1]}", 400),
        c("api: empty body", "POST", members, JSON, "", 400),
        c("api: JSON null", "POST", members, JSON, "null", 400),
        c("api: text instead of JSON", "POST", members, "text/plain", "userId=kommune", 415),
        c("api: XML instead of JSON", "POST", members, "application/xml", "<member/>", 415),
        c("api: nesting 5,000 deep", "POST", members, JSON, "[".repeat(5000) + "]".repeat(5000), 400),
        c("api: remove from unknown group kind", "DELETE", "/api/products/{P}/groups/FOO/members/kommune", null, null, 400),
        // --- /api: usage and level changes
        c("api: usage with wrong types", "PUT", "/api/products/{P}/usage", JSON,
            "{\"municipalities\":{\"a\":1},\"singleCodeVersion\":\"maybe\"}", 400),
        c("api: usage of unknown product", "PUT", "/api/products/" + UNKNOWN + "/usage", JSON,
            "{\"municipalities\":[\"Aarhus\"],\"singleCodeVersion\":true}", 404),
        c("api: usage body over 1 MB", "PUT", "/api/products/{P}/usage", JSON,
            "{\"municipalities\":[\"" + "y".repeat(1_100_000) + "\"],\"singleCodeVersion\":true}", 413),
        c("api: level change to an unknown level", "POST", "/api/products/{P}/level-changes", JSON,
            "{\"targetLevel\":\"N9\",\"reason\":\"x\"}", 400),
        c("api: level change to the current level", "POST", "/api/products/{P}/level-changes", JSON,
            "{\"targetLevel\":\"N2\",\"reason\":\"x\"}", 400),
        c("api: level change of unknown product", "POST", "/api/products/" + UNKNOWN + "/level-changes", JSON,
            "{\"targetLevel\":\"N3\",\"reason\":\"x\"}", 404),
        c("api: level change with an object as level", "POST", "/api/products/{P}/level-changes", JSON,
            "{\"targetLevel\":{\"a\":1},\"reason\":\"x\"}", 400),
        c("api: annual evaluation of unknown product", "POST", "/api/products/" + UNKNOWN + "/annual-evaluations",
            null, null, 404),
        // --- /api: reading
        c("api: unknown product", "GET", "/api/products/" + UNKNOWN, null, null, 404),
        c("api: unknown status filter", "GET", "/api/products?status=NOPE", null, null, 400),
        c("api: unknown evaluation", "GET", "/api/evaluations/" + UNKNOWN, null, null, 404),
        c("api: unknown catalogue", "GET", "/api/catalogues/nope/9.9", null, null, 404),
        c("api: no self-assessment yet", "GET", "/api/products/{P}/self-assessments/latest", null, null, 404),
        c("api: unknown path", "GET", "/api/nothing-here", null, null, 404),
        c("api: PATCH on a product", "PATCH", "/api/products/{P}", JSON, "{}", 405),
        c("api: DELETE on a product", "DELETE", "/api/products/{P}", null, null, 405),
        // --- /api: files
        c("api: catalogue that is not YAML", "POST", "/api/catalogues", "application/yaml", "id: [unclosed", 400),
        c("api: catalogue with 5,000 characters without a space", "POST", "/api/catalogues", "application/yaml",
            "id: \"" + "z".repeat(5_000) + "\"\n", 400),
        c("api: catalogue JSON without fields", "POST", "/api/catalogues", JSON, "{\"id\":\"x\"}", 400),
        c("api: changed content of a published catalogue version", "POST", "/api/catalogues", "application/yaml",
            catalogueConflict, 409),
        bytes("api: catalogue over 1 MB", "POST", "/api/catalogues", "application/yaml", OVER_LIMIT, false, 413),
        bytes("api: catalogue over 1 MB without Content-Length", "POST", "/api/catalogues", "application/yaml",
            OVER_LIMIT, true, 413),
        c("api: empty evaluation report", "POST", "/api/evaluation-reports", "text/markdown", " ", 400),
        c("api: evaluation report of nonsense", "POST", "/api/evaluation-reports", "text/markdown", "# Hej\nnoget", 400),
        bytes("api: evaluation report over 1 MB", "POST", "/api/evaluation-reports", "text/markdown", OVER_LIMIT, true, 413),
        c("api: self-assessment that is not JSON", "POST", "/api/products/{P}/self-assessments", JSON, "{bad", 400),
        c("api: self-assessment of unknown product", "POST", "/api/products/" + UNKNOWN + "/self-assessments", JSON,
            "{}", 404),
        c("api: evaluation of unknown product", "POST", "/api/products/" + UNKNOWN + "/evaluations", JSON,
            "{\"catalogueId\":\"os2-levels\",\"catalogueVersion\":\"1.0\",\"items\":[]}", 404),
        c("api: evaluation with items of the wrong type", "POST", "/api/products/{P}/evaluations", JSON,
            "{\"items\":\"many\"}", 400),
        c("api: resend unknown mail", "POST", "/api/outbox/" + UNKNOWN + "/resend", null, null, 404),
        // --- /app: the pages' forms
        c("app: organisation of 100,000 characters", "POST", "/app/produkter/{P}/grupper", FORM,
            new String(Http.form(Map.of("kind", "STEERING", "userId", "kommune", "role", "MUNICIPALITY",
                "organisation", HUGE)), StandardCharsets.UTF_8), 400),
        c("app: member without user", "POST", "/app/produkter/{P}/grupper", FORM, "kind=STEERING&role=MUNICIPALITY", 400),
        c("app: unknown group kind", "POST", "/app/produkter/{P}/grupper", FORM,
            "kind=FOO&userId=kommune&role=MUNICIPALITY", 400),
        c("app: member of unknown product", "POST", "/app/produkter/" + UNKNOWN + "/grupper", FORM,
            "kind=STEERING&userId=kommune&role=MUNICIPALITY", 404),
        c("app: level change to an unknown level", "POST", "/app/produkter/{P}/niveauaendring", FORM,
            "targetLevel=N9&reason=x", 400),
        c("app: level change without reason", "POST", "/app/produkter/{P}/niveauaendring", FORM, "targetLevel=N3", 400),
        c("app: level change of unknown product", "POST", "/app/produkter/" + UNKNOWN + "/niveauaendring", FORM,
            "targetLevel=N3&reason=x", 404),
        c("app: evaluation of unknown product", "POST", "/app/produkter/" + UNKNOWN + "/evaluering", FORM, "", 404),
        c("app: unknown product page", "GET", "/app/produkter/" + UNKNOWN, null, null, 404),
        c("app: unknown evaluation page", "GET", "/app/evalueringer/" + UNKNOWN, null, null, 404),
        c("app: review form of unknown product", "GET", "/app/produkter/" + UNKNOWN + "/vurdering", null, null, 404),
        c("app: unknown page", "GET", "/app/intet-her", null, null, 404),
        c("app: resend unknown mail", "POST", "/app/udbakke/" + UNKNOWN + "/send-igen", FORM, "", 404),
        c("app: DELETE on the portfolio", "DELETE", "/app/produkter", null, null, 405),
        c("app: catalogue upload without file", "POST", "/app/import/katalog", Http.multipartType(),
            new String(Http.multipart("other", "x.yaml", "a: b".getBytes(StandardCharsets.UTF_8), Map.of()),
                StandardCharsets.UTF_8), 400),
        c("app: catalogue upload that is not multipart", "POST", "/app/import/katalog", FORM, "file=abc", 400),
        bytes("app: catalogue upload over 1 MB", "POST", "/app/import/katalog", Http.multipartType(),
            Http.multipart("file", "big.yaml", OVER_LIMIT, Map.of()), false, 413),
        bytes("app: report upload over 1 MB without Content-Length", "POST", "/app/import/rapport", Http.multipartType(),
            Http.multipart("file", "big.md", OVER_LIMIT, Map.of()), true, 413),
        c("app: self-assessment upload over 1 MB", "POST", "/app/produkter/{P}/selvevaluering", Http.multipartType(),
            upload("big.json", "{\"x\":\"" + "q".repeat(1_100_000) + "\"}"), 413)
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedInDanishAndChangesNothing(Case input) throws Exception {
    String path = input.path().replace("{P}", product());
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    State before = State.of(jdbc, engine);

    HttpRequest.Builder request = input.chunked()
        ? secretariat.chunked(input.method(), path, input.contentType(), input.body())
        : secretariat.request(input.method(), path, input.contentType(), input.body());
    boolean page = path.startsWith("/app/");
    request.header("Accept", page ? "text/html" : "application/json");
    HttpResponse<String> response = secretariat.send(request);

    assertThat(response.statusCode()).as(input.name() + ": " + response.body()).isEqualTo(input.status());
    String shown;
    if (page) {
      shown = response.body();
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    } else {
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonNode json = MAPPER.readTree(response.body());
      assertThat(json.path("status").asInt()).isEqualTo(input.status());
      assertThat(json.path("instance").asText()).isEqualTo(path.replaceFirst("\\?.*", ""));
      assertThat(json.path("title").asText()).as("what the status means, in Danish").isNotBlank()
          .doesNotContain(FRAMEWORK);
      shown = json.path("detail").asText() + " " + json.path("errors");
      assertThat(response.body()).doesNotContain("SQL", "Whitelabel", "java.", "trace", "Bad Request");
    }
    assertThat(DANISH).as("a Danish message in: " + shown).anyMatch(shown::contains);
    assertThat(shown).doesNotContain(FRAMEWORK);
    assertThat(State.of(jdbc, engine)).as("nothing changed").isEqualTo(before);
  }

  /**
   * Bean Validation on the API's request records: every failed constraint is named in Danish, from
   * the one message source (UTF-8), and nothing is written.
   */
  @org.junit.jupiter.api.Test
  void requestRecordsAreValidatedWithDanishMessages() throws Exception {
    String product = product();
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    State before = State.of(jdbc, engine);

    JsonNode member = refused(secretariat, "POST", "/api/products/" + product + "/groups/STEERING/members",
        "{\"userId\":\"" + "u".repeat(65) + "\",\"role\":\"MUNICIPALITY\",\"organisation\":\"" + "o".repeat(201) + "\"}");
    assertThat(member.path("errors")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("Organisationen må højst være 200 tegn.", "Feltet 'userId' må højst være 64 tegn.");
    assertThat(member.path("detail").asText())
        .contains("Organisationen må højst være 200 tegn.").contains("Feltet 'userId' må højst være 64 tegn.");
    // Without a user id the member is an organisation without a login: the steering group has none.
    JsonNode organisation = refused(secretariat, "POST", "/api/products/" + product + "/groups/STEERING/members",
        "{\"role\":\"SUPPLIER\",\"organisation\":\"Magenta\"}");
    assertThat(organisation.path("detail").asText()).contains("Kun koordinationsgruppen kan have en organisation uden login");

    JsonNode longUser = refused(secretariat, "POST", "/api/products/" + product + "/groups/STEERING/members",
        "{\"userId\":\"" + "u".repeat(65) + "\",\"role\":\"MUNICIPALITY\"}");
    assertThat(longUser.path("detail").asText()).isEqualTo("Feltet 'userId' må højst være 64 tegn.");

    JsonNode levelChange = refused(secretariat, "POST", "/api/products/" + product + "/level-changes",
        "{\"reason\":\"" + "r".repeat(2001) + "\"}");
    assertThat(levelChange.path("errors")).extracting(JsonNode::asText).containsExactly(
        "Skriv en begrundelse for niveauændringen (højst 2000 tegn, uden HTML og udtryk).",
        "Vælg niveau N1, N2 eller N3.");

    JsonNode usage = refused(secretariat, "PUT", "/api/products/" + product + "/usage",
        "{\"municipalities\":[\"Aarhus\",\"" + "k".repeat(1001) + "\"],\"singleCodeVersion\":true}");
    assertThat(usage.path("detail").asText()).isEqualTo("En kommunes navn må højst være 1000 tegn.");

    JsonNode review = refused(Http.basic(baseUrl(), "forretningsudvalg"), "POST",
        "/api/products/" + product + "/evaluations",
        "{\"catalogueId\":\"os2-levels\",\"catalogueVersion\":\"1.0\",\"targetLevel\":\"N2\","
            + "\"summary\":\"" + "s".repeat(8001) + "\",\"assessments\":[{\"criterionId\":\"k1\","
            + "\"light\":\"RED\",\"rationale\":\"" + "b".repeat(4001) + "\"}]}");
    assertThat(review.path("errors")).extracting(JsonNode::asText).containsExactly(
        "En begrundelse må højst være 4000 tegn.", "Resuméet må højst være 8000 tegn.");

    assertThat(State.of(jdbc, engine)).as("nothing changed").isEqualTo(before);
  }

  private JsonNode refused(Http http, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = http.request(method, path, JSON, body.getBytes(StandardCharsets.UTF_8));
    request.header("Accept", "application/json");
    HttpResponse<String> response = http.send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode json = MAPPER.readTree(response.body());
    assertThat(json.path("status").asInt()).isEqualTo(400);
    assertThat(json.path("title").asText()).isEqualTo("Ugyldig forespørgsel");
    return json;
  }

  /** An active product at N2 with no groups, shared by the cases (they change nothing). */
  private String product() {
    synchronized (BadInputTests.class) {
      if (product == null) {
        product = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Dårligt input"), "Formål",
            "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
            "https://github.com/OS2/x", "N2", "kommune", null));
        portfolio.approve(product, "N2", LocalDate.now().minusYears(1));
      }
      return product;
    }
  }
}
