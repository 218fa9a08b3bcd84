package dk.os2.governance.levels;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.notification.MailKind;
import dk.os2.governance.notification.Outbox;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Evaluation cycles as policy: every active product, at every level, has one cycle, twice a year by
 * default; each round follows OS2's process (the steering group's self-assessment, the secretariat's
 * evaluation, then the steering group's and the board's tracks side by side); the board keeps the
 * level, sets an action plan that comes back on its date, or demotes at once; an evaluation not done
 * by its due date escalates to the secretariat and shows the product as overdue.
 */
class EvaluationCycleTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Catalogue catalogue;

  @Autowired
  LevelChanges levelChanges;

  @Autowired
  CyclesForActivePortfolio startup;

  @Autowired
  Outbox outbox;

  @BeforeEach
  void people() {
    LevelFixtures.people(engine.getIdentityService());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<ProcessInstance> cycles(String product) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LevelChanges.ANNUAL_EVALUATION)
        .processInstanceBusinessKey(product).list();
  }

  ProcessInstance cycle(String product) {
    List<ProcessInstance> cycles = cycles(product);
    assertThat(cycles).as("one cycle per product").hasSize(1);
    return cycles.get(0);
  }

  Task open(ProcessInstance cycle, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " is open").isNotNull();
    return task;
  }

  List<String> candidates(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  Job timer(ProcessInstance cycle, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(activityId).singleResult();
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  /** The steering group's self-assessment and the secretariat's evaluation of a round. */
  void evaluate(ProcessInstance cycle, String level, String secretariatRecommendation) {
    complete(open(cycle, "UserTask_UpdateAnnualSelfAssessment"), LevelFixtures.answers(catalogue, level));
    Task secretariat = open(cycle, "UserTask_ReviewBySecretariat");
    assertThat(candidates(secretariat)).containsExactly("forretningsledelse");
    assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "reportLink").toString())
        .as("the computed report, linked by path").startsWith("/app/evalueringer/");
    complete(secretariat, withVariables("secretariatRecommendation", secretariatRecommendation,
        "secretariatAssessment", "Evalueret i dialog med produktet"));
  }

  Map<String, Object> steeringFollowUp() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("steeringFeedback", "Enige i evalueringen");
    values.put("steeringImprovements", "Vi opdaterer driftsdokumentationen");
    values.put("governanceReportReference", "https://github.com/OS2/x/blob/main/governance.md");
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"N1", "N2", "N3"})
  void everyActiveProductHasOneCycleTwiceAYearByDefault(String level) {
    String product = LevelFixtures.product(portfolio, level);
    ProcessInstance cycle = cycle(product);
    assertThat(cycle).isWaitingAt("TimerEvent_EvaluationDue");
    LocalDate today = LocalDate.now();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation())
        .as("due six months from its approval").isEqualTo(today.plusMonths(6));
    assertThat(timer(cycle, "TimerEvent_EvaluationDue").getDuedate())
        .as("the evaluation begins a month (the lead time) before it is due").isEqualTo(startOf(today.plusMonths(5)));
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/products/" + product).json()
        .path("nextEvaluation").asText()).isEqualTo(today.plusMonths(6).toString());
  }

  @Test
  void aWaitingCycleHoldsOnlyItsDatesAndItsRoundTakesTheProductAsItIsWhenItBegins() {
    String product = LevelFixtures.product(portfolio, "N2");
    ProcessInstance waiting = cycle(product);
    assertThat(engine.getRuntimeService().getVariables(waiting.getId()).keySet())
        .as("a cycle waiting for its next evaluation copies nothing of the product")
        .containsExactlyInAnyOrder("evaluationStart", "evaluationDue");

    // While it waits, the product moves up and gets a steering group: its round sees both.
    portfolio.changeLevel(product, "N3", ProductStatus.ACTIVE, LocalDate.now(), null);
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    Map<String, Object> round = engine.getRuntimeService().getVariables(cycle.getId());
    Product now = portfolio.product(product).orElseThrow();
    assertThat(round).containsEntry("productId", product).containsEntry("productName", now.name())
        .containsEntry("currentLevel", "N3").containsEntry("requestedLevel", "N3")
        .containsEntry("selfAssessmentGroup", GroupKind.STEERING.groupId(product))
        .containsEntry("steeringGroup", GroupKind.STEERING.groupId(product))
        .containsEntry("applicant", "forretningsledelse").containsEntry("direction", "keep");
    Task selfAssessment = open(cycle, "UserTask_UpdateAnnualSelfAssessment");
    assertThat(candidates(selfAssessment)).containsExactly(GroupKind.STEERING.groupId(product));
    assertThat(selfAssessment.getDescription()).contains(now.name());
    assertThat(engine.getTaskService().getVariableLocal(selfAssessment.getId(), "taskProduct")).isEqualTo(now.name());
    assertThat(engine.getTaskService().getVariableLocal(selfAssessment.getId(), "taskLevel")).isEqualTo("N3");
  }

  @Test
  void oneCycleEverAcrossStartsLevelChangesAndStartUp() {
    String product = LevelFixtures.product(portfolio, "N2");
    String first = cycle(product).getId();
    assertThat(levelChanges.annualCycle(product, false)).isEqualTo(new LevelChanges.CycleStart(first, false));
    startup.startMissing();
    assertThat(cycle(product).getId()).as("the running cycle continues; start-up starts none for it").isEqualTo(first);

    portfolio.changeLevel(product, "N3", ProductStatus.ACTIVE, LocalDate.now(), null);
    assertThat(cycle(product).getId()).as("a level change keeps the product's one cycle").isEqualTo(first);

    // A product active before every level had a cycle (only N3 had one): start-up gives it one.
    engine.getRuntimeService().deleteProcessInstance(first, "test: a product from before cycles for every level");
    assertThat(cycles(product)).isEmpty();
    assertThat(startup.startMissing()).isPositive();
    assertThat(cycle(product).getId()).isNotEqualTo(first);
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isEqualTo(LocalDate.now().plusMonths(6));

    portfolio.changeLevel(product, null, ProductStatus.RETIRED, LocalDate.now(), null);
    assertThat(cycles(product)).as("leaving the portfolio ends the cycle").isEmpty();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isNull();
    startup.startMissing();
    assertThat(cycles(product)).as("a retired product gets none at start-up").isEmpty();
  }

  @Test
  void theSteeringGroupsAndTheBoardsTracksRunSideBySideAndTheCycleGoesOn() {
    String product = LevelFixtures.product(portfolio, "N2");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    assertThat(candidates(open(cycle, "UserTask_UpdateAnnualSelfAssessment"))).containsExactly(dk.os2.governance.identity.GroupKind.STEERING.groupId(product));
    evaluate(cycle, "N2", "keep");
    LocalDate today = LocalDate.now();
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation())
        .as("evaluated: the next evaluation is one cycle away").isEqualTo(today.plusMonths(6));

    Task steering = open(cycle, "UserTask_SteeringGroupFollowUp");
    Task board = open(cycle, "UserTask_DecideAnnual");
    assertThat(candidates(steering)).containsExactly(dk.os2.governance.identity.GroupKind.STEERING.groupId(product));
    assertThat(candidates(board)).containsExactly("bestyrelse");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("UserTask_ReviewOperations").count()).as("an N2 product's operations are not reviewed").isZero();

    complete(board, LevelFixtures.board("annualDecision", "keep"));
    assertThat(cycle).as("the board has decided; the steering group's track still runs")
        .isWaitingAt("UserTask_SteeringGroupFollowUp");
    assertThat(portfolio.product(product).orElseThrow().lastEvaluation()).isEqualTo(today.minusDays(1));

    RestClient chair = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
    Map<String, Object> incomplete = steeringFollowUp();
    incomplete.remove("governanceReportReference");
    RestClient.Response refused = chair.post("/engine-rest/task/" + steering.getId() + "/submit-form",
        RestClient.variables(incomplete));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(cycle).isWaitingAt("UserTask_SteeringGroupFollowUp");
    RestClient.Response done = chair.post("/engine-rest/task/" + steering.getId() + "/submit-form",
        RestClient.variables(steeringFollowUp()));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    assertThat(cycle).as("both tracks done: the next round waits").isWaitingAt("TimerEvent_EvaluationDue");
    assertThat(timer(cycle, "TimerEvent_EvaluationDue").getDuedate()).isEqualTo(startOf(today.plusMonths(5)));
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isEqualTo(today.plusMonths(6));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
        .variableName("governanceReportReference").singleResult().getValue())
        .isEqualTo("https://github.com/OS2/x/blob/main/governance.md");
  }

  @Test
  void anActionPlanComesBackToTheSecretariatOnItsDate() {
    String product = LevelFixtures.product(portfolio, "N3");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    evaluate(cycle, "N3", "action");
    complete(open(cycle, "UserTask_ReviewOperations"),
        withVariables("operationsRecommendation", "keep", "operationsAssessment", "Stabil drift"));
    LocalDate followUp = LocalDate.now().plusMonths(2);
    Map<String, Object> action = LevelFixtures.board("annualDecision", "action");
    action.put("actionPlan", "Opdatér dokumentationen");
    action.put("followUpDate", followUp.toString());
    complete(open(cycle, "UserTask_DecideAnnual"), action);

    Job followUpTimer = timer(cycle, "TimerEvent_FollowUpDue");
    assertThat(followUpTimer.getDuedate()).as("the follow-up falls due on the board's date").isEqualTo(startOf(followUp));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey("UserTask_FollowUpActionPlan").count()).isZero();
    Decision decision = portfolio.latestDecision(cycle.getId(), "UserTask_DecideAnnual").orElseThrow();
    assertThat(decision.outcome()).isEqualTo("action");
    assertThat(decision.justification()).isEqualTo("Opdatér dokumentationen");

    // The date has come: the timer's job runs (executed here rather than by moving every timer's clock).
    engine.getManagementService().executeJob(followUpTimer.getId());
    Task task = open(cycle, "UserTask_FollowUpActionPlan");
    assertThat(candidates(task)).containsExactly("forretningsledelse");
    complete(task, withVariables("actionPlanStatus", "done", "actionPlanFollowUpNote", "Dokumentationen er opdateret"));
    complete(open(cycle, "UserTask_SteeringGroupFollowUp"), steeringFollowUp());
    assertThat(cycle).isWaitingAt("TimerEvent_EvaluationDue");
    assertThat(portfolio.product(product).orElseThrow().level()).isEqualTo("N3");
  }

  @Test
  void aDemotionLowersTheLevelAtOnceRecordsTheDecisionAndTheCycleFollowsTheNewLevel() {
    String product = LevelFixtures.product(portfolio, "N3");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    evaluate(cycle, "N3", "demote");
    complete(open(cycle, "UserTask_ReviewOperations"),
        withVariables("operationsRecommendation", "demote", "operationsAssessment", "Få brugere tilbage"));
    Map<String, Object> demote = LevelFixtures.board("annualDecision", "demote");
    demote.put("demoteTo", "N2");
    complete(open(cycle, "UserTask_DecideAnnual"), demote);

    Product demoted = portfolio.product(product).orElseThrow();
    assertThat(demoted.level()).isEqualTo("N2");
    assertThat(demoted.levelSince()).as("from the board's meeting").isEqualTo(LocalDate.now().minusDays(1));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LevelChanges.LEVEL_CHANGE)
        .processInstanceBusinessKey(product).count()).as("no level-change process: the board has decided").isZero();
    Decision decision = portfolio.latestDecision(cycle.getId(), "UserTask_DecideAnnual").orElseThrow();
    assertThat(decision.outcome()).isEqualTo("demote");
    assertThat(decision.level()).isEqualTo("N2");
    assertThat(decision.body()).isEqualTo("bestyrelse");

    complete(open(cycle, "UserTask_SteeringGroupFollowUp"), steeringFollowUp());
    assertThat(cycle(product).getId()).as("the same cycle goes on at N2").isEqualTo(cycle.getId());
    assertThat(cycle).isWaitingAt("TimerEvent_EvaluationDue");
    assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "currentLevel")).isEqualTo("N2");
  }

  @Test
  void anEvaluationNotDoneByItsDueDateEscalatesToTheSecretariatAndTheProductIsOverdue() {
    // The cycle was planned seven months ago (the engine's clock then), and nobody evaluated.
    LocalDate today = LocalDate.now();
    ClockUtil.setCurrentTime(Date.from(today.minusMonths(7).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
    String product = LevelFixtures.product(portfolio, "N2");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = cycle(product);
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation()).isEqualTo(today.minusMonths(1));
    ClockUtil.reset();

    await("the evaluation begins and its due date has passed").atMost(ofSeconds(60)).until(() ->
        engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
            .taskDefinitionKey("UserTask_EscalateOverdueEvaluation").count() == 1);
    Task escalation = open(cycle, "UserTask_EscalateOverdueEvaluation");
    assertThat(candidates(escalation)).containsExactly("forretningsledelse");
    assertThat(open(cycle, "UserTask_UpdateAnnualSelfAssessment")).as("the evaluation itself still waits").isNotNull();
    assertThat(outbox.forProcess(cycle.getId())).as("the secretariat is told by mail")
        .anySatisfy(mail -> {
          assertThat(mail.kind()).isEqualTo(MailKind.TASK_CREATED);
          assertThat(mail.taskId()).isEqualTo(escalation.getId());
        });
    Product overdue = portfolio.product(product).orElseThrow();
    assertThat(overdue.nextEvaluation()).as("overdue: the next evaluation is in the past").isBefore(ProcessClock.today());
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/products/" + product).json()
        .path("nextEvaluation").asText()).isEqualTo(today.minusMonths(1).toString());

    complete(escalation, withVariables("overdueAction", "Styregruppen har lovet selvevalueringen i næste uge"));
    evaluate(cycle, "N2", "keep");
    assertThat(portfolio.product(product).orElseThrow().nextEvaluation())
        .as("evaluated at last: no longer overdue").isEqualTo(today.plusMonths(6));
  }
}
