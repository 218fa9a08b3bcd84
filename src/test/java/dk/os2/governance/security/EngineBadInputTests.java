package dk.os2.governance.security;

import static dk.os2.governance.security.EngineCalls.message;
import static dk.os2.governance.security.EngineCalls.snapshot;
import static dk.os2.governance.security.EngineCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to the engine's REST API, as Tasklist or a script would send it: each answered with
 * a 4xx and a Danish message (never 500, never the engine's English), and nothing changed.
 */
class EngineBadInputTests extends IntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";

  @Autowired
  Catalogue catalogue;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** One bad request: who sends it, where, what, and the status it must get. */
  record Case(String name, String user, String method, String path, Function<Catalogue, Object> body, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Object raw(String text) {
    return new Raw(text);
  }

  record Raw(String text) {}


  static Map<String, Object> screening(String decision, String comment) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("screeningDecision", decision);
    values.put("screeningComment", comment);
    return variables(values);
  }

  static Map<String, Object> proposal(Catalogue catalogue, Map<String, Object> changes) {
    Map<String, Object> values = Proposals.valid(catalogue, Proposals.uniqueName("Fejl"), "N1");
    values.putAll(changes);
    values.values().removeIf(v -> v == null);
    return variables(values);
  }

  static Stream<Case> cases() {
    String task = "/engine-rest/task/{task}";
    Map<String, Object> javaObject = Map.of("variables", Map.of("screeningDecision", Map.of("value", "rO0ABXQAB2ZvcndhcmQ=",
        "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object"))));
    Map<String, Object> xmlFormat = Map.of("variables", Map.of("screeningComment", Map.of("value", "<a/>",
        "type", "Json", "valueInfo", Map.of("serializationDataFormat", "application/xml"))));
    return Stream.of(
        new Case("ukendt opgave: submit-form", "sekretariat", "POST", "/engine-rest/task/findes-ikke/submit-form",
            c -> screening("forward", "Ok"), 404),
        new Case("ukendt opgave: complete", "sekretariat", "POST", "/engine-rest/task/findes-ikke/complete",
            c -> screening("forward", "Ok"), 404),
        new Case("ukendt opgave: claim", "sekretariat", "POST", "/engine-rest/task/findes-ikke/claim",
            c -> Map.of("userId", "sekretariat"), 404),
        new Case("ukendt opgave: læs", "sekretariat", "GET", "/engine-rest/task/findes-ikke", c -> null, 404),
        new Case("ukendt opgave: formularfelter", "sekretariat", "GET", "/engine-rest/task/findes-ikke/form-variables",
            c -> null, 404),
        new Case("ukendt proces", "sekretariat", "GET", "/engine-rest/process-instance/findes-ikke", c -> null, 404),
        new Case("ukendt procesdefinition", "kommune", "POST",
            "/engine-rest/process-definition/key/findes-ikke/submit-form", c -> variables(Map.of("a", "b")), 404),
        new Case("opgave taget af en anden", "sekretariat", "POST", "/engine-rest/task/{claimed}/claim",
            c -> Map.of("userId", "sekretariat"), 409),
        new Case("Java-serialiseret værdi", "sekretariat", "POST", task + "/submit-form", c -> javaObject, 400),
        new Case("serialiseringsformat XML", "sekretariat", "POST", task + "/submit-form", c -> xmlFormat, 400),
        new Case("filtype", "sekretariat", "POST", task + "/submit-form", c -> Map.of("variables",
            Map.of("screeningComment", Map.of("value", "aGVq", "type", "File"))), 400),
        new Case("ikke JSON", "sekretariat", "POST", task + "/submit-form", c -> raw("{screeningDecision: forward"), 400),
        new Case("variables er en liste", "sekretariat", "POST", task + "/submit-form",
            c -> Map.of("variables", List.of("forward")), 400),
        new Case("værdi uden {value}", "sekretariat", "POST", task + "/submit-form",
            c -> Map.of("variables", Map.of("screeningDecision", "forward")), 400),
        new Case("ukendt valg", "sekretariat", "POST", task + "/submit-form", c -> screening("godkend", "Ok"), 400),
        new Case("HTML i kommentar", "sekretariat", "POST", task + "/submit-form",
            c -> screening("forward", "<script>alert(1)</script>"), 400),
        new Case("udtryk i kommentar", "sekretariat", "POST", task + "/complete",
            c -> screening("forward", "${execution.setVariable('boardDecision','approve')}"), 400),
        new Case("for lang kommentar", "sekretariat", "POST", task + "/submit-form",
            c -> screening("forward", "x".repeat(2001)), 400),
        new Case("manglende beslutning", "sekretariat", "POST", task + "/submit-form",
            c -> variables(Map.of("screeningComment", "Ok")), 400),
        new Case("tal i stedet for tekst", "sekretariat", "POST", task + "/submit-form",
            c -> variables(Map.of("screeningDecision", 7, "screeningComment", "Ok")), 400),
        new Case("ukendt nøgle i indsendelsen", "sekretariat", "POST", task + "/submit-form",
            c -> Map.of("variables", Map.of(), "processInstanceId", "x"), 400),
        new Case("forretningsnøgle ved start", "kommune", "POST", START, c -> {
          Map<String, Object> body = new LinkedHashMap<>(proposal(c, Map.of()));
          body.put("businessKey", "Mit eget navn");
          return body;
        }, 400),
        new Case("tom start", "kommune", "POST", START, c -> Map.of(), 400),
        new Case("ugyldig e-mail", "kommune", "POST", START,
            c -> proposal(c, Map.of("contactEmail", "ikke-en-adresse")), 400),
        new Case("ukendt niveau", "kommune", "POST", START, c -> proposal(c, Map.of("requestedLevel", "N9")), 400),
        new Case("for langt produktnavn", "kommune", "POST", START,
            c -> proposal(c, Map.of("productName", "n".repeat(101))), 400),
        new Case("forkert type i orQueries", "kommune", "POST", "/engine-rest/task", c -> Map.of("orQueries", "x"), 400),
        new Case("forkert type i forespørgsel", "kommune", "POST", "/engine-rest/task",
            c -> Map.of("priority", "høj"), 400),
        new Case("ugyldig JSON i forespørgsel", "kommune", "POST", "/engine-rest/task", c -> raw("[{"), 400),
        new Case("tal med 5000 cifre", "admin", "POST", "/engine-rest/task", c -> raw("{\"x\":" + "1".repeat(5000) + "}"), 400),
        new Case("afbrudt JSON", "kommune", "POST", "/engine-rest/task", c -> raw("{\"a\":"), 400),
        new Case("for stor indsendelse", "sekretariat", "POST", task + "/submit-form",
            c -> screening("forward", "x".repeat(1_100_000)), 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedInDanishAndChangesNothing(Case bad) throws Exception {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, Proposals.uniqueName("Fejlinput"), "N1"));
    ProcessInstance other = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, Proposals.uniqueName("Fejlinput"), "N1"));
    engine.getIdentityService().clearAuthentication();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    String claimed = engine.getTaskService().createTaskQuery().processInstanceId(other.getId()).singleResult().getId();
    engine.getTaskService().setAssignee(claimed, "admin");

    Map<String, Object> before = snapshot(jdbc, engine, pi);
    Object body = bad.body().apply(catalogue);
    byte[] bytes = body == null ? null
        : body instanceof Raw r ? r.text().getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
    Http http = Http.basic(baseUrl(), bad.user());
    HttpResponse<String> response = http.send(http.request(bad.method(),
        bad.path().replace("{task}", taskId).replace("{claimed}", claimed), bytes == null ? null : "application/json",
        bytes));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
    String message = message(response);
    assertThat(response.body()).doesNotContain("StreamConstraints").doesNotContain("JsonParse");
    assertThat(message).as("a Danish message").containsPattern("[æøåÆØÅ]|\\b(ikke|skal|kan|findes|må|allerede)\\b")
        .doesNotContain("Exception").doesNotContain("Cannot").doesNotContain("java.").doesNotContainIgnoringCase("sql");
    assertThat(snapshot(jdbc, engine, pi)).isEqualTo(before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(claimed).singleResult().getAssignee()).isEqualTo("admin");
  }


}
