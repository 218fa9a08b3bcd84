package dk.os2.governance.proposal;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.notification.MailKind;
import dk.os2.governance.notification.Outbox;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The proposal flow through /engine-rest as the people who use it, and what it refuses. */
class ProposalApiTests extends IntegrationTests {

  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";

  @Autowired
  Catalogue catalogue;

  @Autowired
  Outbox outbox;

  @Autowired
  Portfolio portfolio;

  RestClient as(String user) {
    return RestClient.as(baseUrl(), user);
  }

  String start(String name, String level) {
    RestClient.Response response = as("kommune").post(START, variables(Proposals.valid(catalogue, name, level)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  String taskOf(String processInstanceId, String user) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId).json();
    assertThat(tasks.size()).as("tasks visible to " + user).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }

  void submit(String user, String taskId, Map<String, ?> values) {
    RestClient.Response response = as(user).post("/engine-rest/task/" + taskId + "/submit-form", variables(values));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  static Map<String, Object> boardApproval(String level) {
    Map<String, Object> values = new HashMap<>();
    values.put("boardDecision", "approve");
    values.put("approvedLevel", level);
    values.put("meetingDate", "2026-11-20");
    values.put("minutesReference", "Referat 2026-11, pkt. 4");
    values.put("boardRationale", "Godkendt på mødet");
    return values;
  }

  String toBoard(String name, String level) {
    String pi = start(name, level);
    submit("sekretariat", taskOf(pi, "sekretariat"), Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
    submit("forretningsudvalg", taskOf(pi, "forretningsudvalg"), Map.of("committeeRecommendation", "recommend",
        "recommendedLevel", level, "committeeRationale", "Anbefales"));
    return pi;
  }

  @Test
  void eachBodyDoesItsPartAndTheProductEntersThePortfolio() {
    String name = Proposals.uniqueName("RestFlow");
    String pi = toBoard(name, "N2");
    assertThat(as("kommune").get("/engine-rest/task?processInstanceId=" + pi).json().size())
        .as("the proposer does not see the board's task").isZero();
    submit("bestyrelse", taskOf(pi, "bestyrelse"), boardApproval("N2"));

    JsonNode products = as("kommune").get("/api/products?q="
        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(products.path("total").asLong()).as("the name filter finds the one product").isEqualTo(1);
    JsonNode product = findByName(products.path("items"), name);
    assertThat(product.path("level").asText()).isEqualTo("N2");
    assertThat(product.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(product.path("id").asText()).isNotBlank();

    JsonNode details = as("bestyrelse").get("/api/products/" + product.path("id").asText()).json();
    assertThat(details.path("decisions").size()).isEqualTo(3);
    assertThat(details.path("decisions").get(2).path("decidedBy").asText()).isEqualTo("bestyrelse");

    assertThat(outbox.forProcess(pi)).filteredOn(m -> m.kind() == MailKind.OUTCOME)
        .as("the proposer hears every decision")
        .hasSize(3).allSatisfy(m -> assertThat(m.recipients()).contains("kommune@demo.os2.dk"));

    submit("kommune", taskOf(pi, "kommune"), Map.of("outcomeAcknowledged", true));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi)
        .singleResult().getEndTime()).isNotNull();
  }

  @Test
  void withoutLoginTheApiAnswers401() {
    RestClient nobody = RestClient.anonymous(baseUrl());
    assertThat(nobody.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(nobody.get("/api/products").status()).isEqualTo(401);
    assertThat(nobody.post(START, variables(Proposals.valid(catalogue, Proposals.uniqueName("Anonym"), "N1")))
        .status()).isEqualTo(401);
    assertThat(new RestClient(baseUrl(), "ukendt-bruger", "forkert").get("/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void anotherBodyCannotCompleteOrClaimATask() {
    String pi = start(Proposals.uniqueName("ForkertOrgan"), "N1");
    String screening = taskOf(pi, "sekretariat");

    RestClient.Response complete = as("bestyrelse").post("/engine-rest/task/" + screening + "/complete",
        variables(Map.of("screeningDecision", "forward")));
    assertThat(complete.status()).isIn(403, 404);
    RestClient.Response claim = as("forretningsudvalg").post("/engine-rest/task/" + screening + "/claim",
        Map.of("userId", "forretningsudvalg"));
    assertThat(claim.status()).isIn(403, 404);
    RestClient.Response ownTask = as("kommune").post("/engine-rest/task/" + screening + "/submit-form",
        variables(Map.of("screeningDecision", "forward")));
    assertThat(ownTask.status()).isIn(403, 404);

    assertThat(engine.getTaskService().createTaskQuery().taskId(screening).singleResult())
        .as("the screening task is still open").isNotNull();
    assertThat(engine.getTaskService().getVariable(screening, "screeningDecision")).isNull();
  }

  @Test
  void aBodyMemberCannotRewriteTheProcessVariablesOrEndTheTaskWithAnError() {
    String pi = start(Proposals.uniqueName("Sidedor"), "N1");
    String screening = taskOf(pi, "sekretariat");
    RestClient secretariat = as("sekretariat");

    // The check runs before screening: the secretariat sees its result and cannot change it.
    assertThat(engine.getRuntimeService().getVariable(pi, "checkPassed")).isEqualTo(true);
    assertThat(secretariat.post("/engine-rest/task/" + screening + "/variables",
        Map.of("modifications", Map.of("checkPassed", Map.of("value", false)))).status()).isEqualTo(403);
    assertThat(secretariat.post("/engine-rest/task/" + screening + "/bpmnError",
        Map.of("errorCode", "x")).status()).isEqualTo(403);
    assertThat(secretariat.post("/engine-rest/task/" + screening + "/complete",
        variables(Map.of("screeningDecision", "forward", "checkPassed", false))).status()).isEqualTo(400);
    assertThat(engine.getRuntimeService().getVariable(pi, "checkPassed")).isEqualTo(true);
  }

  static Stream<Arguments> badProposals() {
    return Stream.of(
        Arguments.of("required field missing", (Consumer<Map<String, Object>>) v -> v.remove("purpose"),
            "«Formål» skal udfyldes"),
        Arguments.of("text over its limit", (Consumer<Map<String, Object>>) v -> v.put("productName", "x".repeat(101)),
            "«Produktets navn» må højst være 100 tegn"),
        Arguments.of("wrong type", (Consumer<Map<String, Object>>) v -> v.put("contactName", 42),
            "«Kontaktperson» skal være tekst"),
        Arguments.of("unknown level", (Consumer<Map<String, Object>>) v -> v.put("requestedLevel", "N4"),
            "«Ønsket niveau» skal være en af"),
        Arguments.of("HTML and script", (Consumer<Map<String, Object>>) v -> v.put("need", "<script>alert(1)</script>"),
            "«Behov» må ikke indeholde HTML eller script"),
        Arguments.of("an expression", (Consumer<Map<String, Object>>) v -> v.put("purpose", "${identityService.createUserQuery().list()}"),
            "«Formål» må ikke indeholde udtryk"),
        Arguments.of("an invalid e-mail", (Consumer<Map<String, Object>>) v -> v.put("contactEmail", "karen"),
            "gyldig e-mailadresse"),
        Arguments.of("a field the form does not have", (Consumer<Map<String, Object>>) v -> v.put("productId", "x"),
            "Feltet 'productId' hører ikke til formularen"),
        Arguments.of("a criterion unanswered", (Consumer<Map<String, Object>>) v -> v.remove("sa_N1_2_answer"),
            "«Svar på N1-2» skal udfyldes"),
        Arguments.of("a deviation not documented", (Consumer<Map<String, Object>>) v -> v.put("sa_N1_1_answer", "Ved ikke"),
            "Beskriv den dokumenterede afvigelse for N1-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProposals")
  void aBadProposalIsRefusedWithADanishMessageAndStartsNothing(String what, Consumer<Map<String, Object>> spoil,
      String message) {
    String name = Proposals.uniqueName("Daarlig");
    Map<String, Object> values = Proposals.valid(catalogue, name, "N1");
    spoil.accept(values);
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("project-proposal").count();

    RestClient.Response response = as("kommune").post(START, variables(values));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains(message);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("project-proposal").count())
        .isEqualTo(before);
  }

  static Stream<Arguments> badBoardDecisions() {
    return Stream.of(
        Arguments.of("approval without a level", (Consumer<Map<String, Object>>) v -> v.remove("approvedLevel"),
            "Vælg det niveau"),
        Arguments.of("unknown level", (Consumer<Map<String, Object>>) v -> v.put("approvedLevel", "N7"),
            "«Godkendt niveau» skal være en af"),
        Arguments.of("malformed meeting date", (Consumer<Map<String, Object>>) v -> v.put("meetingDate", "20. november"),
            "skal være en dato"),
        Arguments.of("meeting in the future", (Consumer<Map<String, Object>>) v -> v.put("meetingDate", "2999-01-01"),
            "kan ikke ligge i fremtiden"),
        Arguments.of("Danish meeting date in the future", (Consumer<Map<String, Object>>) v -> v.put("meetingDate",
            MeetingDate.danish(LocalDate.now().plusDays(2))), "kan ikke ligge i fremtiden"),
        Arguments.of("impossible date", (Consumer<Map<String, Object>>) v -> v.put("meetingDate", "31-02-2026"),
            "datoen '31-02-2026' findes ikke"),
        Arguments.of("US date with slashes", (Consumer<Map<String, Object>>) v -> v.put("meetingDate", "11/03/2026"),
            "kan læses på to måder"),
        Arguments.of("two-digit year", (Consumer<Map<String, Object>>) v -> v.put("meetingDate", "03-11-26"),
            "skal være en dato som dd-mm-åååå"),
        Arguments.of("minutes reference missing", (Consumer<Map<String, Object>>) v -> v.remove("minutesReference"),
            "«Referatreference» skal udfyldes"),
        Arguments.of("decision differs without justification", (Consumer<Map<String, Object>>) v -> v.put("approvedLevel", "N1"),
            "Skriv en begrundelse for afvigelsen"),
        Arguments.of("wrong type", (Consumer<Map<String, Object>>) v -> v.put("boardRationale", Map.of("a", 1)),
            "«Begrundelse» skal være tekst"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBoardDecisions")
  void aBadBoardDecisionIsRefusedAndTheTaskStaysOpen(String what, Consumer<Map<String, Object>> spoil, String message) {
    String pi = toBoard(Proposals.uniqueName("DaarligBeslutning"), "N2");
    String task = taskOf(pi, "bestyrelse");
    Map<String, Object> values = boardApproval("N2");
    spoil.accept(values);

    RestClient.Response response = as("bestyrelse").post("/engine-rest/task/" + task + "/submit-form", variables(values));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains(message);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult()).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(pi, "boardDecision")).isNull();
  }

  @Test
  void aBoardDecisionThatDiffersIsAcceptedWithAJustification() {
    String pi = toBoard(Proposals.uniqueName("Afvigelse"), "N2");
    Map<String, Object> values = boardApproval("N1");
    values.put("boardJustification", "Bestyrelsen starter produktet på N1");
    submit("bestyrelse", taskOf(pi, "bestyrelse"), values);
    assertThat(engine.getRuntimeService().getVariable(pi, "boardDecisionLabel").toString()).contains("N1");
  }

  @Test
  void eachBodySeesItsOwnTasklistFilterWithItsTasks() {
    String pi = toBoard(Proposals.uniqueName("Filter"), "N1");
    JsonNode filters = as("bestyrelse").get("/engine-rest/filter?resourceType=Task").json();
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("Mine opgaver", "Mine gruppers opgaver", "Bestyrelsens opgaver");

    String boardFilter = filters.get(names.indexOf("Bestyrelsens opgaver")).path("id").asText();
    JsonNode tasks = as("bestyrelse").post("/engine-rest/filter/" + boardFilter + "/list", Map.of()).json();
    List<String> instances = new ArrayList<>();
    tasks.forEach(t -> instances.add(t.path("processInstanceId").asText()));
    assertThat(instances).contains(pi);
    assertThat(as("forretningsudvalg").get("/engine-rest/filter/" + boardFilter).status()).isEqualTo(403);
  }

  static JsonNode findByName(JsonNode products, String name) {
    for (JsonNode product : products) {
      if (name.equals(product.path("name").asText())) {
        return product;
      }
    }
    throw new AssertionError("No product named " + name + " in " + products);
  }

  @ParameterizedTest(name = "typed {0}")
  @ValueSource(strings = {"dd-MM-yyyy", "dd.MM.yyyy", "d.M.yyyy"})
  void aDanishMeetingDateIsStoredAsMeant(String typing) {
    // The 3rd of last month: read month first (the English picker's way) it would be another date.
    LocalDate meeting = LocalDate.now().minusMonths(1).withDayOfMonth(3);
    String pi = toBoard(Proposals.uniqueName("DanskDato"), "N1");
    Map<String, Object> values = boardApproval("N1");
    values.put("meetingDate", meeting.format(java.time.format.DateTimeFormatter.ofPattern(typing)));
    submit("bestyrelse", taskOf(pi, "bestyrelse"), values);

    assertThat(engine.getRuntimeService().getVariable(pi, "meetingDate")).as("kept unambiguously, as ISO")
        .isEqualTo(meeting.toString());
    String productId = (String) engine.getRuntimeService().getVariable(pi, "productId");
    Decision board = portfolio.decisions(productId).stream()
        .filter(d -> "UserTask_DecideProposal".equals(d.taskKey())).findFirst().orElseThrow();
    assertThat(board.meetingDate()).isEqualTo(meeting);
    assertThat(portfolio.product(productId).orElseThrow().levelSince()).isEqualTo(meeting);
  }

  @Test
  void everyBodysTaskCardsShowTheProductAndTheLevel() {
    String name = Proposals.uniqueName("Opgavekort");
    String pi = toBoard(name, "N2");
    for (String user : new String[] {"bestyrelse", "kommune", "forretningsudvalg"}) {
      JsonNode filters = as(user).get("/engine-rest/filter?resourceType=Task").json();
      filters.forEach(filter -> assertThat(filter.path("properties").path("variables").toString())
          .as(user + ": " + filter.path("name").asText()).contains("\"taskProduct\"").contains("\"Produkt\"")
          .contains("\"taskLevel\""));
    }
    // As Tasklist asks for a body's tasks: the filter's list in HAL, with each task's card variables.
    JsonNode filters = as("bestyrelse").get("/engine-rest/filter?resourceType=Task").json();
    String boardFilter = null;
    for (JsonNode filter : filters) {
      if ("Bestyrelsens opgaver".equals(filter.path("name").asText())) {
        boardFilter = filter.path("id").asText();
      }
    }
    RestClient.Response list = as("bestyrelse").postHal("/engine-rest/filter/" + boardFilter + "/list", Map.of());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode card = null;
    for (JsonNode task : list.json().path("_embedded").path("task")) {
      if (pi.equals(task.path("processInstanceId").asText())) {
        card = task;
      }
    }
    assertThat(card).as("the board's task in its list").isNotNull();
    Map<String, String> shown = new HashMap<>();
    card.path("_embedded").path("variable").forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(shown).containsEntry("taskProduct", name).containsEntry("taskLevel", "N2");
  }
}
