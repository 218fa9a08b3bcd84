package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.portfolio.Portfolio;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The steering group uploads the JSON of OS2's self-assessment form into its open task (a level
 * change's and an evaluation's "Opdatér selvevalueringen") instead of typing: the answers land in the
 * task's variables for review and the form completes with them; a bad file is refused by name and
 * changes nothing; nobody outside the task's group may upload, nor into a completed task.
 */
class TaskSelfAssessmentUploadTests extends IntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProductGroups groups;

  @Autowired
  Portfolio portfolio;

  @Autowired
  Catalogue catalogue;

  String product;

  @BeforeEach
  void setUp() {
    product = LevelFixtures.productAtN2WithGroups(engine.getIdentityService(), portfolio, groups);
  }

  String name() {
    return portfolio.product(product).orElseThrow().name();
  }

  /** OS2's export: every criterion of the catalogue answered Ja, N1-1 answered Nej. */
  String export(String productName) {
    ObjectNode root = JSON.createObjectNode();
    root.put("productName", productName);
    root.put("filledBy", "Stine Styregruppe");
    root.put("filledDate", "2026-11-20");
    root.put("generatedAt", "2026-11-20T10:00:00Z");
    ArrayNode krav = root.putArray("krav");
    for (Criterion c : catalogue.criteria()) {
      ObjectNode item = krav.addObject();
      item.put("id", c.id());
      item.put("kategori", c.theme());
      item.put("krav", c.title());
      item.put("produktniveau", c.level().substring(1));
      item.put("retningslinjer", c.guidance());
      item.put("efterlevet", c.id().equals("N1-1") ? "Nej" : "Ja");
      item.put("dokumentation", "Dokumentation for " + c.id());
    }
    return root.toPrettyString();
  }

  ProcessInstance levelChangeTo(String level) {
    RestClient.Response started = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD)
        .post("/api/products/" + product + "/level-changes", Map.of("targetLevel", level, "reason", "Moden"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
  }

  Task task(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  PageSession chair() {
    return PageSession.login(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
  }

  Map<String, Object> answers(String processInstanceId) {
    Map<String, Object> values = new LinkedHashMap<>();
    engine.getRuntimeService().getVariables(processInstanceId).forEach((k, v) -> {
      if (k.startsWith("sa_")) {
        values.put(k, v);
      }
    });
    return values;
  }

  @Test
  void theSteeringGroupUploadsIntoItsLevelChangeTaskAndTheFormCompletesWithTheAnswers() {
    ProcessInstance pi = levelChangeTo("N3");
    Task task = task(pi);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_UpdateSelfAssessment");
    String path = "/app/opgaver/" + task.getId() + "/selvevaluering";
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "selfAssessmentUploadLink"))
        .as("the form's link to the upload page").isEqualTo(path);

    PageSession chair = chair();
    PageSession.Page page = chair.get(path);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(name()).contains("Opdatér selvevalueringen").contains("<td>N3</td>")
        .contains("os2-levels 1.0").contains("name=\"_csrf\"").contains("type=\"file\" name=\"file\"");

    PageSession.Page uploaded = chair.post(path, Map.of("json", export(name())));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    int all = catalogue.criteriaUpTo("N3").size();
    assertThat(uploaded.body()).contains(all + " svar er skrevet ind i opgaven.")
        .contains("Filen angiver intet katalog; den er genkendt som").contains("<span>os2-levels 1.0</span> på kriteriernes id'er.")
        .contains("Udfyldt af Stine Styregruppe, 2026-11-20.")
        .contains("/camunda/app/tasklist/default/#/?task=" + task.getId());

    // In the task's variables, where the form reads them when it is opened again.
    Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
    for (Criterion c : catalogue.criteriaUpTo("N3")) {
      assertThat(variables.get(c.answerVariable())).as(c.id()).isEqualTo(c.id().equals("N1-1") ? "Nej" : "Ja");
      assertThat(variables.get(c.documentationVariable())).isEqualTo("Dokumentation for " + c.id());
    }
    assertThat(task(pi).getId()).as("the upload completes nothing").isEqualTo(task.getId());

    // The group reviews, adds the deviation the answer Nej needs, and completes the form as Tasklist sends it.
    Map<String, Object> form = new LinkedHashMap<>(answers(pi.getId()));
    form.put("sa_N1_1_deviation", "Behovet er dokumenteret af to kommuner i stedet");
    RestClient.Response completed = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD)
        .post("/engine-rest/task/" + task.getId() + "/submit-form", RestClient.variables(form));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    HistoricVariableInstance answer = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("sa_N2_4_answer").singleResult();
    assertThat(answer.getValue()).isEqualTo("Ja");

    // The task is done: no more uploads into it, not even by its group.
    assertThat(chair.get(path).status()).isEqualTo(403);
    assertThat(chair.post(path, Map.of("json", export(name()))).status()).isEqualTo(403);
  }

  @Test
  void theSteeringGroupUploadsIntoItsEvaluationTaskAndCriteriaAboveItsLevelAreLeftOut() {
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    Task task = task(cycle);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_UpdateAnnualSelfAssessment");
    String path = engine.getTaskService().getVariableLocal(task.getId(), "selfAssessmentUploadLink").toString();
    assertThat(path).isEqualTo("/app/opgaver/" + task.getId() + "/selvevaluering");

    PageSession chair = chair();
    chair.get(path);
    PageSession.Page uploaded = chair.post(path, Map.of("json", export(name())));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    int n2 = catalogue.criteriaUpTo("N2").size();
    List<String> n3 = catalogue.criteria().stream().filter(c -> c.level().equals("N3")).map(Criterion::id).toList();
    assertThat(uploaded.body()).contains(n2 + " svar er skrevet ind i opgaven.")
        .contains("Ikke indlæst (hører til et højere niveau end N2): " + String.join(", ", n3) + ".");
    Map<String, Object> answers = answers(cycle.getId());
    assertThat(answers).containsEntry("sa_N2_4_answer", "Ja").containsEntry("sa_N1_1_answer", "Nej")
        .doesNotContainKey(catalogue.criterion(n3.get(0)).orElseThrow().answerVariable());

    Map<String, Object> form = new LinkedHashMap<>(answers);
    form.put("sa_N1_1_deviation", "Dokumenteret afvigelse");
    RestClient.Response completed = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD)
        .post("/engine-rest/task/" + task.getId() + "/submit-form", RestClient.variables(form));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(task(cycle).getTaskDefinitionKey()).isEqualTo("UserTask_ReviewBySecretariat");
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("an unknown id", (UnaryOperator<String>) j -> j.replace("\"N2-3\"", "\"N2-99\""),
            List.of("Krav N2-99 findes ikke i kataloget os2-levels 1.0.",
                "Krav N2-3 (Best practice for udrulning og drift er samlet op) mangler i filen; hvert krav til og med N3 skal besvares.")),
        Arguments.of("an answer missing", (UnaryOperator<String>) j -> j.replaceFirst("\"efterlevet\" : \"Ja\"", "\"efterlevet\" : null"),
            List.of("Krav N1-2 (Juridiske parametre (ejerskab m.m.) er overholdt) er ikke besvaret: 'efterlevet' skal være Ja, Nej, Ikke relevant eller Ved ikke.")),
        Arguments.of("an answer outside the four", (UnaryOperator<String>) j -> j.replaceFirst("\"efterlevet\" : \"Ja\"", "\"efterlevet\" : \"Måske\""),
            List.of("Krav N1-2: svaret \"Måske\" er ikke et af Ja, Nej, Ikke relevant og Ved ikke.")),
        Arguments.of("another product's file", (UnaryOperator<String>) j -> j.replaceFirst("\"productName\" : \"[^\"]+\"", "\"productName\" : \"OS2andet\""),
            List.of("Filen er en selvevaluering af 'OS2andet', ikke af '%s'.")),
        Arguments.of("a file that names another catalogue", (UnaryOperator<String>) j -> j.replaceFirst("\\{", "{\"catalogue\": \"os2-levels 0.9\","),
            List.of("Filen er lavet efter kataloget 'os2-levels 0.9', men opgaven bruger kataloget 'os2-levels 1.0'.")),
        Arguments.of("not JSON", (UnaryOperator<String>) j -> j.substring(0, 40),
            List.of("Filen er ikke gyldig JSON (linje", "Brug den fil, OS2's selvevaluering eksporterer.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileIsRefusedPreciselyAndChangesNothing(String what, UnaryOperator<String> change, List<String> messages) {
    ProcessInstance pi = levelChangeTo("N3");
    Task task = task(pi);
    Map<String, Object> before = engine.getTaskService().getVariables(task.getId());
    String path = "/app/opgaver/" + task.getId() + "/selvevaluering";
    PageSession chair = chair();
    chair.get(path);

    PageSession.Page refused = chair.post(path, Map.of("json", change.apply(export(name()))));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Selvevalueringen er ikke indlæst; intet er ændret:");
    for (String message : messages) {
      assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(refused.body())).contains(message.formatted(name()));
    }
    assertThat(engine.getTaskService().getVariables(task.getId())).isEqualTo(before);
    assertThat(task(pi).getId()).isEqualTo(task.getId());
  }

  @Test
  void anotherBodyIsRefusedAndChangesNothing() {
    ProcessInstance pi = levelChangeTo("N3");
    Task task = task(pi);
    Map<String, Object> before = engine.getTaskService().getVariables(task.getId());
    String path = "/app/opgaver/" + task.getId() + "/selvevaluering";
    // The coordination group's municipality, the secretariat: not the steering group the task is for.
    for (String user : List.of("kommune", "sekretariat")) {
      PageSession other = PageSession.login(baseUrl(), user, "demo");
      PageSession.Page page = other.get(path);
      assertThat(page.status()).as(user).isEqualTo(403);
      assertThat(page.body()).contains("kun af et medlem af den gruppe, opgaven er stillet til");
      assertThat(postWithBasic(user, path, export(name()))).as(user).isEqualTo(403);
    }
    assertThat(chair().get("/app/opgaver/ukendt-opgave/selvevaluering").status()).isEqualTo(403);
    assertThat(postWithBasic(LevelFixtures.CHAIR, path, "{}")).as("the group itself gets past the check")
        .isEqualTo(400);
    assertThat(engine.getTaskService().getVariables(task.getId())).isEqualTo(before);
  }

  /** The page's form sent by an API client with HTTP Basic (no CSRF token needed), as any login could. */
  int postWithBasic(String user, String path, String json) {
    String password = user.equals(LevelFixtures.CHAIR) ? LevelFixtures.PASSWORD : "demo";
    try {
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
              (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("json=" + java.net.URLEncoder.encode(json,
              java.nio.charset.StandardCharsets.UTF_8))).build();
      return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
