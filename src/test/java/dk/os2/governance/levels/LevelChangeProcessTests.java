package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Level changes and the annual cycle, end to end on PostgreSQL, as the bodies and the steering group. */
class LevelChangeProcessTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Catalogue catalogue;

  @BeforeEach
  void people() {
    LevelFixtures.people(engine.getIdentityService());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  RestClient chair() {
    return new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
  }

  ProcessInstance startLevelChange(String product, String level) {
    RestClient.Response response = chair().post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", level, "reason", "Produktet bruges nu bredt"));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(response.json().path("processInstanceId").asText()).singleResult();
  }

  void selfAssessmentByTheSteeringGroup(ProcessInstance pi, String level) {
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    RestClient.Response response = chair().post("/engine-rest/task/" + task(pi).getId() + "/submit-form",
        RestClient.variables(LevelFixtures.answers(catalogue, level)));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  void committeeAndBoardApprove(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
    complete(task(pi), LevelFixtures.board("levelDecision", "approve"));
    assertThat(pi).isEnded().hasPassed("ServiceTask_ApplyLevelChange");
  }

  @Test
  void aProductClimbsFromN1ToN3WithHandoverAndIsEvaluatedInItsCycleAllAlong() {
    String product = LevelFixtures.product(portfolio, "N1");
    LevelFixtures.groupsForN2(groups, product);

    ProcessInstance toN2 = startLevelChange(product, "N2");
    selfAssessmentByTheSteeringGroup(toN2, "N2");
    assertThat(engine.getRuntimeService().getVariable(toN2.getId(), "levelCheckPassed")).isEqualTo(true);
    committeeAndBoardApprove(toN2);
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N2");
    assertThat(portfolio.product(product).orElseThrow().lastEvaluation())
        .as("the automated check of the self-assessment is not an evaluation of the product").isNull();

    groups.add(product, GroupKind.COORDINATION, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    ProcessInstance toN3 = startLevelChange(product, "N3");
    selfAssessmentByTheSteeringGroup(toN3, "N3");
    assertThat(toN3).isWaitingAt("UserTask_ReviewHandover");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(toN3).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("koordinationsudvalg");
    complete(task(toN3), withVariables("handoverDecision", "accept", "handoverRationale", "SLA og test er på plads"));
    committeeAndBoardApprove(toN3);

    Product atN3 = portfolio.product(product).orElseThrow();
    assertThat(atN3.level()).isEqualTo("N3");
    assertThat(atN3.handoverAcceptedOn()).isNotNull();
    LocalDate today = LocalDate.now();
    assertThat(atN3.nextEvaluation()).as("the cycle the product has had since N1 follows N3").isEqualTo(today.plusMonths(6));
    JsonNode api = RestClient.as(baseUrl(), "kommune").get("/api/products/" + product).json();
    assertThat(api.path("level").asText()).isEqualTo("N3");
    assertThat(api.path("nextEvaluation").asText()).isEqualTo(today.plusMonths(6).toString());
    assertThat(api.path("groups").size()).isEqualTo(5);
    assertThat(api.path("decisions").findValuesAsText("taskKey")).contains("UserTask_ReviewHandover", "UserTask_DecideLevelChange");
    assertThat(api.path("decisions").findValuesAsText("catalogueReference")).contains("os2-levels 1.0");

    // The cycle waits on its timer until a month before the evaluation is due; the job fires it.
    ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("annual-evaluation").processInstanceBusinessKey(product).singleResult();
    assertThat(cycle).isWaitingAt("TimerEvent_EvaluationDue");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(today.plusMonths(5).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    engine.getManagementService().executeJob(timer.getId());

    // The steering group updates, the secretariat evaluates; the Coordination Committee reviews the
    // operations of an N3 product and the board demotes, while the steering group follows up.
    selfAssessmentForCycle(cycle, "N3");
    complete(task(cycle), withVariables("secretariatRecommendation", "demote", "secretariatAssessment", "Ikke længere vital"));
    complete(task("UserTask_ReviewOperations", cycle),
        withVariables("operationsRecommendation", "demote", "operationsAssessment", "Få brugere tilbage"));
    Map<String, Object> demote = LevelFixtures.board("annualDecision", "demote");
    demote.put("demoteTo", "N2");
    complete(task("UserTask_DecideAnnual", cycle), demote);
    Product demoted = portfolio.product(product).orElseThrow();
    assertThat(demoted.level()).as("the board's demotion changes the level at once").isEqualTo("N2");
    assertThat(demoted.lastEvaluation()).isEqualTo(LocalDate.now().minusDays(1));
    assertThat(demoted.nextEvaluation()).isEqualTo(LocalDate.now().plusMonths(6));
    complete(task("UserTask_SteeringGroupFollowUp", cycle), withVariables("steeringFeedback", "Forstået",
        "steeringImprovements", "Vi samler brugerne", "governanceReportReference", "governance.md version 2"));
    assertThat(cycle).as("the product's one cycle goes on at N2").isWaitingAt("TimerEvent_EvaluationDue");
  }

  /** The job executor fires the due timer, as in production. */
  void awaitTimer(ProcessInstance cycle) {
    LevelFixtures.awaitSelfAssessmentTask(engine, cycle);
  }

  void selfAssessmentForCycle(ProcessInstance cycle, String level) {
    assertThat(cycle).isWaitingAt("UserTask_UpdateAnnualSelfAssessment");
    complete(task(cycle), LevelFixtures.answers(catalogue, level));
    assertThat(cycle).isWaitingAt("UserTask_ReviewBySecretariat");
  }

  long annualCycles(String product) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
        .processInstanceBusinessKey(product).count();
  }

  @Test
  void leavingN3KeepsTheProductsOneCycle() {
    String product = LevelFixtures.product(portfolio, "N3");
    LevelFixtures.groupsForN2(groups, product);
    assertThat(annualCycles(product)).as("approved at N3, the product is evaluated in its cycle").isOne();
    String cycle = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
        .processInstanceBusinessKey(product).singleResult().getId();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isEqualTo(LocalDate.now().plusMonths(6));

    ProcessInstance demotion = startLevelChange(product, "N2");
    selfAssessmentByTheSteeringGroup(demotion, "N2");
    committeeAndBoardApprove(demotion);

    Product demoted = portfolio.product(product).orElseThrow();
    assertThat(demoted.level()).isEqualTo("N2");
    assertThat(demoted.nextEvaluation()).as("the next evaluation follows N2's cycle").isEqualTo(LocalDate.now().plusMonths(6));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
        .processInstanceBusinessKey(product).singleResult().getId()).as("the same cycle").isEqualTo(cycle);
  }

  @Test
  void keepingWithAnActionPlanWaitsForTheFollowUp() {
    String product = LevelFixtures.product(portfolio, "N2");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    selfAssessmentForCycle(cycle, "N2");
    complete(task(cycle), withVariables("secretariatRecommendation", "action", "secretariatAssessment", "Dokumentation"));
    Map<String, Object> action = LevelFixtures.board("annualDecision", "action");
    action.put("actionPlan", "Opdatér dokumentationen");
    action.put("followUpDate", LocalDate.now().minusDays(3).toString());
    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    String decideTask = "/engine-rest/task/" + task("UserTask_DecideAnnual", cycle).getId() + "/submit-form";
    RestClient.Response past = board.post(decideTask, RestClient.variables(action));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().path("message").asText()).contains("opfølgningsdato i fremtiden");
    Map<String, Object> sideways = LevelFixtures.board("annualDecision", "demote");
    sideways.put("demoteTo", "N2");
    assertThat(board.post(decideTask, RestClient.variables(sideways)).json().path("message").asText())
        .contains("Vælg et niveau under produktets nuværende niveau (N2)");
    ProcessInstance promotion = startLevelChange(product, "N3");
    Map<String, Object> down = LevelFixtures.board("annualDecision", "demote");
    down.put("demoteTo", "N1");
    assertThat(board.post(decideTask, RestClient.variables(down)).json().path("message").asText())
        .as("one level change at a time").contains("allerede en niveauændring i gang");
    engine.getRuntimeService().deleteProcessInstance(promotion.getId(), "test: withdrawn");
    assertThat(task("UserTask_DecideAnnual", cycle)).isNotNull();

    action.put("followUpDate", LocalDate.now().plusMonths(3).toString());
    RestClient.Response accepted = board.post(decideTask, RestClient.variables(action));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);

    assertThat(cycle).as("the follow-up comes back on its date, beside the steering group's track")
        .isWaitingAt("TimerEvent_FollowUpDue", "UserTask_SteeringGroupFollowUp");
    List<Decision> decisions = portfolio.decisions(product);
    Decision last = decisions.get(decisions.size() - 1);
    assertThat(last.outcome()).isEqualTo("action");
    assertThat(last.justification()).isEqualTo("Opdatér dokumentationen");
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N2");
  }

  @Test
  void failingChecksGoBackToTheApplicantNotToTheBoard() {
    String product = LevelFixtures.product(portfolio, "N1");
    ProcessInstance pi = levelChangeWithoutASupplier(product);

    assertThat(pi).isWaitingAt("UserTask_ReviseApplication");
    assertThat(task(pi)).isAssignedTo(LevelFixtures.CHAIR);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "levelCheckSummary").toString())
        .contains("Koordinationsgruppen har ingen leverandør.");

    complete(task(pi), withVariables("revisionDecision", "withdraw", "revisionComment", "Vi finder en leverandør"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("UserTask_DecideLevelChange");
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N1");
  }

  @Test
  void onlyTheSteeringGroupOrTheSecretariatStartsAndOnlyTheSteeringGroupCompletes() {
    String product = LevelFixtures.product(portfolio, "N1");
    LevelFixtures.groupsForN2(groups, product);

    RestClient.Response outsider = RestClient.as(baseUrl(), "forretningsudvalg")
        .post("/api/products/" + product + "/level-changes", Map.of("targetLevel", "N2", "reason", "Vil gerne"));
    assertThat(outsider.status()).isEqualTo(403);

    ProcessInstance pi = startLevelChange(product, "N2");
    String taskId = task(pi).getId();
    JsonNode filters = chair().get("/engine-rest/filter?resourceType=Task&name=Mine%20gruppers%20opgaver").json();
    assertThat(filters.size()).isOne();
    JsonNode listed = chair().post("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", Map.of()).json();
    assertThat(listed.findValuesAsText("id")).as("the steering group finds its task in Tasklist").contains(taskId);
    for (String user : List.of("forretningsudvalg", "sekretariat", "kommune")) {
      RestClient.Response response = RestClient.as(baseUrl(), user).post("/engine-rest/task/" + taskId + "/complete",
          RestClient.variables(LevelFixtures.answers(catalogue, "N2")));
      assertThat(response.status()).as(user).isIn(403, 404);
    }
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    assertThat(RestClient.as(baseUrl(), "sekretariat").post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", "N3", "reason", "Også N3")).status()).as("one level change at a time").isEqualTo(409);
    selfAssessmentByTheSteeringGroup(pi, "N2");
  }

  @Test
  void theBoardRetiresAProductWhichLeavesTheActivePortfolioWithItsHistory() {
    String product = LevelFixtures.product(portfolio, "N2");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance evaluation = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    RestClient.Response started = RestClient.as(baseUrl(), "sekretariat").post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", "N1", "reason", "Produktet bruges ikke længere"));
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
    selfAssessmentByTheSteeringGroup(pi, "N1");
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Udfas"));
    Map<String, Object> retire = LevelFixtures.board("levelDecision", "retire");
    retire.put("levelDecisionJustification", "Bestyrelsen udfaser i stedet for at nedjustere");
    complete(task(pi), retire);

    assertThat(portfolio.product(product).orElseThrow().status()).isEqualTo(ProductStatus.RETIRED);
    assertThat(evaluation).as("a retired product is no longer evaluated").isEnded();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isNull();
    String name = portfolio.product(product).orElseThrow().name();
    JsonNode named = RestClient.as(baseUrl(), "kommune").get("/api/products?q="
        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(named.path("items").findValuesAsText("id")).as("still in the register").contains(product);
    JsonNode active = RestClient.as(baseUrl(), "kommune").get("/api/products?status=ACTIVE&q="
        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json();
    assertThat(active.path("items").findValuesAsText("id")).as("not in the active portfolio").doesNotContain(product);
    JsonNode history = RestClient.as(baseUrl(), "kommune").get("/api/products/" + product).json();
    assertThat(history.path("status").asText()).isEqualTo("RETIRED");
    assertThat(history.path("decisions").findValuesAsText("outcome")).contains("retire");
  }

  @Test
  void aBoardDecisionAgainstTheRecommendationNeedsAJustification() {
    String product = LevelFixtures.product(portfolio, "N1");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance pi = startLevelChange(product, "N2");
    selfAssessmentByTheSteeringGroup(pi, "N2");
    complete(task(pi), withVariables("levelRecommendation", "reject", "levelRecommendationRationale", "For tidligt"));
    String boardTask = task(pi).getId();

    RestClient.Response refused = RestClient.as(baseUrl(), "bestyrelse").post("/engine-rest/task/" + boardTask
        + "/submit-form", RestClient.variables(LevelFixtures.board("levelDecision", "approve")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("Skriv en begrundelse for afvigelsen");
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
  }

  // No loop opens with the previous round's answers; every card shows the product.

  void assertFresh(ProcessInstance pi, String... fields) {
    assertFreshAt(task(pi), fields);
  }

  void assertFreshAt(org.camunda.bpm.engine.task.Task task, String... fields) {
    var formVariables = engine.getFormService().getTaskFormVariables(task.getId());
    for (String field : fields) {
      assertThat(engine.getTaskService().getVariable(task.getId(), field))
          .as(field + " starts empty at " + task.getTaskDefinitionKey()).isNull();
      assertThat(formVariables.containsKey(field)).as(field + " is not pre-filled").isFalse();
    }
    String name = portfolio.product((String) engine.getRuntimeService().getVariable(task.getProcessInstanceId(),
        "productId")).orElseThrow().name();
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "taskProduct")).as("the card's product")
        .isEqualTo(name);
  }

  @Test
  void everyReturnInALevelChangeOpensTheNextRoundEmpty() {
    String product = LevelFixtures.product(portfolio, "N1");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance pi = startLevelChange(product, "N2");
    selfAssessmentByTheSteeringGroup(pi, "N2");
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    assertThat(engine.getTaskService().getVariableLocal(task(pi).getId(), "taskLevel")).isEqualTo("N2");

    complete(task(pi), withVariables("levelRecommendation", "return", "levelRecommendationRationale", "Uddyb brugen"));
    assertThat(pi).isWaitingAt("UserTask_ReviseApplication");
    assertFresh(pi, "revisionDecision", "revisionComment");
    complete(task(pi), withVariables("revisionDecision", "resubmit", "revisionComment", "Uddybet"));
    selfAssessmentByTheSteeringGroup(pi, "N2");
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    assertFresh(pi, "levelRecommendation", "levelRecommendationRationale");

    complete(task(pi), withVariables("levelRecommendation", "return", "levelRecommendationRationale", "Stadig uklart"));
    assertThat(pi).isWaitingAt("UserTask_ReviseApplication");
    assertFresh(pi, "revisionDecision", "revisionComment");
    complete(task(pi), withVariables("revisionDecision", "resubmit", "revisionComment", "Nu klart"));
    selfAssessmentByTheSteeringGroup(pi, "N2");

    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
    complete(task(pi), LevelFixtures.board("levelDecision", "return"));
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    assertFresh(pi, "levelRecommendation", "levelRecommendationRationale");
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar igen"));
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
    assertFresh(pi, "levelDecision", "meetingDate", "minutesReference", "levelDecisionRationale",
        "levelDecisionJustification");
    complete(task(pi), LevelFixtures.board("levelDecision", "approve"));
    assertThat(pi).isEnded();
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N2");
    assertThat(portfolio.decisions(product)).as("every round's decision is kept")
        .extracting(Decision::rationale).contains("Uddyb brugen", "Stadig uklart", "Klar", "Klar igen");
  }

  @Test
  void nextYearsReviewsStartEmpty() {
    String product = LevelFixtures.product(portfolio, "N3");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    selfAssessmentForCycle(cycle, "N3");
    complete(task(cycle), withVariables("secretariatRecommendation", "keep", "secretariatAssessment", "Fint år"));
    complete(task("UserTask_ReviewOperations", cycle),
        withVariables("operationsRecommendation", "keep", "operationsAssessment", "Stabil drift"));
    complete(task("UserTask_DecideAnnual", cycle), LevelFixtures.board("annualDecision", "keep"));
    complete(task("UserTask_SteeringGroupFollowUp", cycle), withVariables("steeringFeedback", "Godt år",
        "steeringImprovements", "Flere kommuner", "governanceReportReference", "governance.md version 3"));
    assertThat(cycle).as("an N3 product's cycle goes on").isWaitingAt("TimerEvent_EvaluationDue");

    RestClient.Response now = RestClient.as(baseUrl(), "sekretariat")
        .post("/api/products/" + product + "/annual-evaluations", Map.of());
    assertThat(now.status()).as(now.body()).isEqualTo(200);
    LevelFixtures.awaitSelfAssessmentTask(engine, cycle);
    assertThat(cycle).isWaitingAt("UserTask_UpdateAnnualSelfAssessment");
    assertThat(engine.getTaskService().getVariableLocal(task(cycle).getId(), "taskLevel")).isEqualTo("N3");
    selfAssessmentForCycle(cycle, "N3");
    assertFresh(cycle, "secretariatRecommendation", "secretariatAssessment");
    complete(task(cycle), withVariables("secretariatRecommendation", "keep", "secretariatAssessment", "Andet år"));
    assertFreshAt(task("UserTask_ReviewOperations", cycle), "operationsRecommendation", "operationsAssessment");
    assertFreshAt(task("UserTask_SteeringGroupFollowUp", cycle), "steeringFeedback", "steeringImprovements",
        "governanceReportReference");
    complete(task("UserTask_ReviewOperations", cycle),
        withVariables("operationsRecommendation", "keep", "operationsAssessment", "Stadig stabil"));
    assertFreshAt(task("UserTask_DecideAnnual", cycle), "annualDecision", "meetingDate", "minutesReference", "annualRationale", "actionPlan",
        "followUpDate", "demoteTo");
  }

  @Test
  void returnedWorkSaysWhoReturnedItWhenWhyAndWhatToFixInEveryRound() {
    String product = LevelFixtures.product(portfolio, "N1");
    ProcessInstance pi = levelChangeWithoutASupplier(product);

    // The automated check sends it back: the applicant learns why, and where groups are fixed.
    assertThat(pi).isWaitingAt("UserTask_ReviseApplication");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Den automatiske kontrol");
    assertThat(variable(pi, "returnComment").toString()).contains("N2").contains("produktsiden");
    assertThat(variable(pi, "levelCheckSummary").toString()).contains("Koordinationsgruppen har ingen leverandør.")
        .contains("Optælling pr. niveau").contains("N2: 🟢 5");
    groups.add(product, GroupKind.COORDINATION, LevelFixtures.SUPPLIER, MemberRole.SUPPLIER, "Leverandøren A/S");
    complete(task(pi), withVariables("revisionDecision", "resubmit", "revisionComment", "Leverandøren er med nu"));

    // The steering group's second round sees the same, and the applicant's answer.
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Den automatiske kontrol");
    assertThat(variable(pi, "revisionComment")).isEqualTo("Leverandøren er med nu");
    selfAssessmentByTheSteeringGroup(pi, "N2");

    // The committee returns it: who (by name), when, and the comment.
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    complete(task(pi), withVariables("levelRecommendation", "return", "levelRecommendationRationale", "Uddyb brugen"));
    assertThat(pi).isWaitingAt("UserTask_ReviseApplication");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Forretningsudvalget");
    assertThat(variable(pi, "returnComment")).isEqualTo("Uddyb brugen");
    assertThat(variable(pi, "returnedAt").toString()).matches("\\d{2}-\\d{2}-\\d{4} kl\\. \\d{2}:\\d{2}");
    complete(task(pi), withVariables("revisionDecision", "resubmit", "revisionComment", "Uddybet"));
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    assertThat(variable(pi, "returnComment")).isEqualTo("Uddyb brugen");
    selfAssessmentByTheSteeringGroup(pi, "N2");

    // The committee recommends (the note is no longer news); the board returns it to the committee.
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(variable(pi, "returnComment")).isNull();
    assertThat(variable(pi, "levelRecommendationLabel")).as("the board's form shows the recommendation in Danish")
        .isEqualTo("Niveauændringen er indstillet til godkendelse");
    complete(task(pi), LevelFixtures.board("levelDecision", "return"));
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Bestyrelsen");
  }

  Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  /** An N1 product's change to N2 whose coordination group lacks its supplier, self-assessed. */
  private ProcessInstance levelChangeWithoutASupplier(String product) {
    LevelFixtures.groupsForN2(groups, product);
    groups.remove(product, GroupKind.COORDINATION, LevelFixtures.SUPPLIER);
    ProcessInstance pi = startLevelChange(product, "N2");
    selfAssessmentByTheSteeringGroup(pi, "N2");
    return pi;
  }
}
