package dk.os2.governance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.evaluation.Tally;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of the proposal process, driven through the engine's Java API. */
class ProposalProcessTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  Evaluations evaluations;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  dk.os2.governance.levels.ProductGroups groups;

  ProcessInstance propose(String name, String level) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(catalogue, name, level));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void forward(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Klar"));
  }

  void recommend(ProcessInstance pi, String level) {
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", level,
        "committeeRationale", "Relevant for mange kommuner"));
  }

  void decide(ProcessInstance pi, Map<String, Object> decision) {
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    complete(task(pi), decision);
  }

  static Map<String, Object> board(String decision, String level, String justification) {
    HashMap<String, Object> values = new HashMap<>();
    values.put("boardDecision", decision);
    values.put("approvedLevel", level);
    values.put("meetingDate", "2026-11-20");
    values.put("minutesReference", "Referat 2026-11, pkt. 4");
    values.put("boardRationale", "Bestyrelsens begrundelse");
    values.put("boardJustification", justification);
    return values;
  }

  Product product(ProcessInstance pi) {
    String id = (String) engine.getRuntimeService().getVariable(pi.getId(), "productId");
    return portfolio.product(id).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"N1", "N2", "N3"})
  void approvedProductEntersThePortfolioAtTheBoardsLevel(String level) {
    ProcessInstance pi = propose(Proposals.uniqueName("Godkendt" + level), level);
    assertThat(product(pi).status()).isEqualTo(ProductStatus.PROPOSED);

    forward(pi);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "checkPassed")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "indicativeLevel")).isEqualTo(level);
    recommend(pi, level);
    decide(pi, board("approve", level, null));

    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(task(pi)).isAssignedTo("kommune");
    Product product = product(pi);
    assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(product.level()).isEqualTo(level);
    assertThat(product.levelSince()).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "boardDecisionLabel").toString())
        .startsWith("Godkendt på niveau " + level);
    assertThat(annualCycles(product.id())).as("every active product is evaluated in its cycle, from its approval")
        .isOne();
    assertThat(product.nextEvaluation()).as("twice a year").isEqualTo(LocalDate.now().plusMonths(6));

    complete(task(pi), withVariables("outcomeAcknowledged", true));
    assertThat(pi).isEnded().hasPassed("EndEvent_ProposalDecided");
  }

  long annualCycles(String productId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
        .processInstanceBusinessKey(productId).count();
  }

  @Test
  void aRolledBackApprovalAtN3LeavesNeitherTheProductsNewLevelNorItsCycle() {
    ProcessInstance pi = propose(Proposals.uniqueName("Rullet"), "N3");
    forward(pi);
    recommend(pi, "N3");
    String boardTask = task(pi).getId();
    String productId = product(pi).id();

    long[] cyclesInTheTransaction = new long[1];
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      engine.getTaskService().complete(boardTask, board("approve", "N3", null));
      cyclesInTheTransaction[0] = annualCycles(productId);
      throw new IllegalStateException("the caller's transaction fails after the completion");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(cyclesInTheTransaction[0]).as("the approval had started the cycle in its transaction").isEqualTo(1);
    assertThat(annualCycles(productId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from running_process where product_id = ?", Integer.class, productId))
        .isZero();
    Product product = portfolio.product(productId).orElseThrow();
    assertThat(product.status()).isEqualTo(ProductStatus.PROPOSED);
    assertThat(product.nextEvaluation()).isNull();
    assertThat(task(pi).getId()).isEqualTo(boardTask);

    decide(pi, board("approve", "N3", null));
    assertThat(annualCycles(productId)).as("the committed approval starts it once").isEqualTo(1);
  }

  @Test
  void secretariatReturnsTheProposalToTheProposerAndGetsItBack() {
    ProcessInstance pi = propose(Proposals.uniqueName("Retur"), "N1");
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));

    assertThat(pi).isWaitingAt("UserTask_SupplementProposal");
    assertThat(task(pi)).isAssignedTo("kommune");
    Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
    supplemented.put("need", "Et præciseret behov");
    supplemented.put("supplementResponse", "Behovet er uddybet");
    complete(task(pi), supplemented);

    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(product(pi).need()).isEqualTo("Et præciseret behov");
    forward(pi);
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
  }

  @Test
  void committeeReturnsTheProposalToTheSecretariat() {
    ProcessInstance pi = propose(Proposals.uniqueName("UdvalgRetur"), "N1");
    forward(pi);
    complete(task(pi), withVariables("committeeRecommendation", "return", "committeeRationale", "Mangler budget"));
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    forward(pi);
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
  }

  @Test
  void boardReturnsTheProposalToTheCommittee() {
    ProcessInstance pi = propose(Proposals.uniqueName("BestyrelseRetur"), "N1");
    forward(pi);
    recommend(pi, "N1");
    decide(pi, board("return", null, null));
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    assertThat(product(pi).status()).isEqualTo(ProductStatus.PROPOSED);
  }

  @Test
  void rejectedProposalIsKeptWithItsDecisionAndTheProposerIsTold() {
    ProcessInstance pi = propose(Proposals.uniqueName("Afvist"), "N2");
    forward(pi);
    complete(task(pi), withVariables("committeeRecommendation", "reject", "committeeRationale", "Overlapper OS2x"));
    decide(pi, board("reject", null, null));

    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "boardDecisionLabel")).isEqualTo("Afvist");
    Product product = product(pi);
    assertThat(product.status()).isEqualTo(ProductStatus.REJECTED);
    assertThat(product.level()).isNull();
    List<Decision> decisions = portfolio.decisions(product.id());
    assertThat(decisions).extracting(Decision::body)
        .containsExactly("forretningsledelse", "forretningsudvalg", "bestyrelse");
    Decision board = decisions.get(2);
    assertThat(board.outcome()).isEqualTo("reject");
    assertThat(board.minutesReference()).isEqualTo("Referat 2026-11, pkt. 4");
    assertThat(board.meetingDate()).isEqualTo(LocalDate.parse("2026-11-20"));
  }

  @Test
  void boardOverridesTheRecommendationWithAWrittenJustification() {
    ProcessInstance pi = propose(Proposals.uniqueName("Tilsidesat"), "N2");
    forward(pi);
    complete(task(pi), withVariables("committeeRecommendation", "reject", "committeeRationale", "For tidligt"));
    decide(pi, board("approve", "N1", "Bestyrelsen vil give projektet en chance på N1"));

    Product product = product(pi);
    assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(product.level()).isEqualTo("N1");
    Decision board = portfolio.decisions(product.id()).get(2);
    assertThat(board.outcome()).isEqualTo("approve");
    assertThat(board.level()).isEqualTo("N1");
    assertThat(board.justification()).isEqualTo("Bestyrelsen vil give projektet en chance på N1");
    assertThat(board.catalogueReference()).isEqualTo(catalogue.reference());
  }

  @Test
  void automatedCheckRecordsGapsForTheCommitteeAndBoard() {
    Map<String, Object> values = Proposals.valid(catalogue, Proposals.uniqueName("Mangler"), "N2");
    values.put("sa_N2_4_answer", "Nej");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal", values);
    engine.getIdentityService().clearAuthentication();
    forward(pi);

    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars.get("checkPassed")).isEqualTo(false);
    assertThat(vars.get("indicativeLevel")).isEqualTo("N1");
    assertThat(vars.get("checkSummary").toString()).contains("N2-4").contains("Nej").contains("N2: 🟢 4 🟡 0 🔴 1 ⚪ 0");

    EvaluationDetails report = evaluations.details((String) vars.get("evaluationId")).orElseThrow();
    assertThat(report.source()).isEqualTo("AUTOMATED");
    assertThat(report.indicativeLevel()).isEqualTo("N1");
    assertThat(report.gaps().get("N2")).containsExactly("N2-4");
    assertThat(report.counts().byLevel().get("N1")).isEqualTo(new Tally(5, 0, 0, 0));
    assertThat(vars.get("reportLink").toString()).endsWith("/app/evalueringer/" + report.id());
  }

  @Test
  void everyTaskBelongsToItsBodyHasADueDateAndShowsTheProduct() {
    ProcessInstance pi = propose(Proposals.uniqueName("Opgaver"), "N1");
    assertCandidate(task(pi), "forretningsledelse");
    forward(pi);
    assertCandidate(task(pi), "forretningsudvalg");
    recommend(pi, "N1");
    assertCandidate(task(pi), "bestyrelse");
  }

  void assertCandidate(Task task, String group) {
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(group);
    assertThat(task.getDueDate()).isNotNull().isInTheFuture();
    assertThat(task.getDescription()).contains(engine.getRuntimeService()
        .getVariable(task.getProcessInstanceId(), "productName").toString());
  }

  // A documented deviation counts yellow, stands in for the criterion, and is shown.

  @ParameterizedTest(name = "requested {0}")
  @ValueSource(strings = {"N1", "N2", "N3"})
  void aNejWithADocumentedDeviationCountsYellowAtEachLevel(String level) {
    Map<String, Object> values = Proposals.valid(catalogue, Proposals.uniqueName("Afvigelse" + level), level);
    // N1-2 allows a deviation at every level; N2-3 from N2 on. No N3 criterion allows one.
    values.put("sa_N1_2_answer", "Nej");
    values.put("sa_N1_2_deviation", "Ejerskabet overdrages til OS2 i 2027");
    if (!"N1".equals(level)) {
      values.put("sa_N2_3_answer", "Nej");
      values.put("sa_N2_3_deviation", "Dokumentationen følger i næste version");
    }
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal", values);
    engine.getIdentityService().clearAuthentication();
    forward(pi);

    Map<String, Object> vars = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(vars.get("checkPassed")).isEqualTo(true);
    assertThat(vars.get("indicativeLevel")).as("the deviation stands in for the criterion").isEqualTo(level);
    String summary = vars.get("checkSummary").toString();
    assertThat(summary).as("the committee's and board's forms show it").contains("Dokumenterede afvigelser")
        .contains("Ejerskabet overdrages til OS2 i 2027").contains("N1: 🟢 4 🟡 1 🔴 0 ⚪ 0")
        .doesNotContain("obligatorisk kriterium besvaret 'Nej'");

    EvaluationDetails report = evaluations.details((String) vars.get("evaluationId")).orElseThrow();
    assertThat(report.indicativeLevel()).isEqualTo(level);
    assertThat(report.counts().byLevel().get("N1")).isEqualTo(new Tally(4, 1, 0, 0));
    if (!"N1".equals(level)) {
      assertThat(summary).contains("Dokumentationen følger i næste version").contains("N2: 🟢 4 🟡 1 🔴 0 ⚪ 0");
      assertThat(report.counts().byLevel().get("N2")).isEqualTo(new Tally(4, 1, 0, 0));
      assertThat(report.gaps().get("N2")).isEmpty();
    }
    if ("N3".equals(level)) {
      assertThat(report.counts().byLevel().get("N3")).isEqualTo(new Tally(3, 0, 0, 0));
    }
    var item = report.themes().stream().flatMap(t -> t.items().stream())
        .filter(i -> i.criterionId().equals("N1-2")).findFirst().orElseThrow();
    assertThat(item.light()).isEqualTo("YELLOW");
    assertThat(item.rationale()).contains("Ejerskabet overdrages til OS2 i 2027");

    String page = dk.os2.governance.RestClient.as(baseUrl(), "bestyrelse").get("/app/evalueringer/" + report.id()).body();
    assertThat(page).as("the report page shows the deviation").contains("Ejerskabet overdrages til OS2 i 2027");
  }

  // No loop opens with the previous round's answers.

  void assertFresh(ProcessInstance pi, String... fields) {
    Task task = task(pi);
    var formVariables = engine.getFormService().getTaskFormVariables(task.getId());
    for (String field : fields) {
      assertThat(engine.getTaskService().getVariable(task.getId(), field))
          .as(field + " starts empty at " + task.getTaskDefinitionKey()).isNull();
      assertThat(formVariables.containsKey(field)).as(field + " is not pre-filled").isFalse();
    }
  }

  @Test
  void aSecondScreeningStartsWithNothingTickedAndTheSupplementWithNoOldResponse() {
    ProcessInstance pi = propose(Proposals.uniqueName("AndenScreening"), "N1");
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));
    assertThat(pi).isWaitingAt("UserTask_SupplementProposal");
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), "screeningComment"))
        .as("the proposer reads why it came back").isEqualTo("Uddyb behovet");
    Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
    supplemented.put("supplementResponse", "Behovet er uddybet");
    complete(task(pi), supplemented);

    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertFresh(pi, "screeningDecision", "screeningComment");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "productName")).as("the proposal itself stays")
        .isNotNull();
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Stadig uklart"));
    assertThat(pi).isWaitingAt("UserTask_SupplementProposal");
    assertFresh(pi, "supplementResponse");
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), "need")).isNotNull();

    List<Decision> decisions = portfolio.decisions(product(pi).id());
    assertThat(decisions).as("what was decided is kept").extracting(Decision::rationale)
        .containsExactly("Uddyb behovet", "Stadig uklart");
  }

  @Test
  void returnedToTheSecretariatOrTheCommitteeEachBodyStartsEmpty() {
    ProcessInstance pi = propose(Proposals.uniqueName("TomIgen"), "N2");
    forward(pi);
    complete(task(pi), withVariables("committeeRecommendation", "return", "committeeRationale", "Mangler budget"));
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertFresh(pi, "screeningDecision", "screeningComment");
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), "committeeRationale"))
        .as("the secretariat reads why it came back").isEqualTo("Mangler budget");
    forward(pi);
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    assertFresh(pi, "committeeRecommendation", "committeeRationale", "recommendedLevel");
    recommend(pi, "N2");
    Map<String, Object> back = board("return", null, null);
    back.put("boardJustification", "Uenige");
    decide(pi, back);
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    assertFresh(pi, "committeeRecommendation", "committeeRationale", "recommendedLevel");
    assertThat(engine.getTaskService().getVariable(task(pi).getId(), "boardRationale"))
        .as("the committee reads why it came back").isEqualTo("Bestyrelsens begrundelse");
    recommend(pi, "N2");
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    assertFresh(pi, "boardDecision", "approvedLevel", "meetingDate", "minutesReference", "boardRationale",
        "boardJustification");
    decide(pi, board("approve", "N2", null));
    assertThat(product(pi).status()).isEqualTo(ProductStatus.ACTIVE);
  }

  @Test
  void eachTaskCardCarriesTheProductAndLevel() {
    String name = Proposals.uniqueName("Kort");
    ProcessInstance pi = propose(name, "N2");
    for (int step = 0; step < 3; step++) {
      Task task = task(pi);
      assertThat(engine.getTaskService().getVariableLocal(task.getId(), "taskProduct")).isEqualTo(name);
      assertThat(engine.getTaskService().getVariableLocal(task.getId(), "taskLevel")).isEqualTo("N2");
      if (step == 0) {
        forward(pi);
      } else if (step == 1) {
        recommend(pi, "N2");
      }
    }
  }

  // --- Issue 14: no body decides blind; returned work says why; what was decided is all shown ---

  void completeAs(String userId, ProcessInstance pi, Map<String, Object> values) {
    String taskId = task(pi).getId();
    engine.getIdentityService().setAuthentication(userId, List.of(userId.equals("sekretariat") ? "forretningsledelse" : userId));
    try {
      engine.getTaskService().complete(taskId, values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  @Test
  void theCriteriaCheckRunsBeforeScreeningSoTheSecretariatSeesTheSelfAssessmentsResult() {
    Map<String, Object> values = Proposals.valid(catalogue, Proposals.uniqueName("Screening"), "N2");
    values.put("sa_N2_3_answer", "Nej");
    values.put("sa_N2_3_deviation", "Driftsguiden skrives i 2027");
    values.put("sa_N2_4_answer", "Nej");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal", values);
    engine.getIdentityService().clearAuthentication();

    assertThat(pi).isWaitingAt("UserTask_ScreenProposal").hasPassed("ServiceTask_CheckSelfAssessment");
    assertThat(variable(pi, "checkPassed")).isEqualTo(false);
    assertThat(variable(pi, "indicativeLevel")).isEqualTo("N1");
    assertThat(variable(pi, "checkSummary").toString())
        .contains("Vejledende niveau: N1")
        .contains("Mangel N2-4")
        .contains("Dokumenterede afvigelser").contains("Driftsguiden skrives i 2027")
        .contains("N2: 🟢 3 🟡 1 🔴 1 ⚪ 0");
    assertThat(variable(pi, "reportLink").toString()).contains("/app/evalueringer/" + variable(pi, "evaluationId"));
  }

  /**
   * "Vejledende niveau: N3" while the counts for N2 and N3 showed 0: a proposal asked for N3,
   * was returned and supplemented down to N1; the N2 and N3 answers stayed in the process and
   * raised the indicative level above what the check assessed and the report counts.
   */
  @Test
  void answersLeftFromAHigherLevelNeverRaiseTheIndicativeLevelAboveTheCounts() {
    ProcessInstance pi = propose(Proposals.uniqueName("Nedad"), "N3");
    assertThat(variable(pi, "indicativeLevel")).isEqualTo("N3");
    complete(task(pi), withVariables("screeningDecision", "return", "screeningComment", "Søg hellere N1"));
    Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
    supplemented.put("requestedLevel", "N1");
    supplemented.put("supplementResponse", "Vi søger N1");
    complete(task(pi), supplemented);

    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(variable(pi, "indicativeLevel")).isEqualTo("N1");
    assertThat(variable(pi, "checkSummary").toString()).contains("Vejledende niveau: N1.")
        .contains("N2: 🟢 0 🟡 0 🔴 0 ⚪ 0");
    EvaluationDetails report = evaluations.details((String) variable(pi, "evaluationId")).orElseThrow();
    assertThat(report.indicativeLevel()).isEqualTo("N1");
  }

  @Test
  void aReturnedProposalTellsTheProposerWhoReturnedItWhenAndWhyAndTheNoteClearsWhenItMovesOn() {
    ProcessInstance pi = propose(Proposals.uniqueName("Hvorfor"), "N1");
    completeAs("sekretariat", pi, withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));

    assertThat(pi).isWaitingAt("UserTask_SupplementProposal");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Forretningsledelsen (sekretariatet) – ")
        .contains("sekretariat");
    assertThat(variable(pi, "returnComment")).isEqualTo("Uddyb behovet");
    assertThat(variable(pi, "returnedAt").toString()).matches("\\d{2}-\\d{2}-\\d{4} kl\\. \\d{2}:\\d{2}");
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(pi.getId(), "returnComment", "Alt er fint"))
        .hasMessageContaining("returnComment");

    Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(pi.getId()));
    supplemented.put("supplementResponse", "Behovet er uddybet");
    complete(task(pi), supplemented);
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
    assertThat(variable(pi, "returnComment")).as("the second screening sees why it came back").isEqualTo("Uddyb behovet");
    forward(pi);
    assertThat(variable(pi, "returnComment")).as("forwarded: no longer news").isNull();

    recommend(pi, "N1");
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    completeAs("bestyrelse", pi, board("return", null, null));
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
    assertThat(variable(pi, "returnedBy").toString()).startsWith("Bestyrelsen – ");
    assertThat(variable(pi, "returnComment")).isEqualTo("Bestyrelsens begrundelse");
  }

  @Test
  void theOutcomeTaskHasTheBoardsWholeDecisionIncludingItsJustification() {
    ProcessInstance pi = propose(Proposals.uniqueName("Udfald"), "N2");
    forward(pi);
    complete(task(pi), withVariables("committeeRecommendation", "reject", "committeeRationale", "For tidligt"));
    decide(pi, board("approve", "N1", "Bestyrelsen vil give projektet en chance på N1"));

    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(variable(pi, "boardJustification")).isEqualTo("Bestyrelsen vil give projektet en chance på N1");
    assertThat(variable(pi, "boardRationale")).isEqualTo("Bestyrelsens begrundelse");
    assertThat(variable(pi, "boardDecidedBy")).isEqualTo("Bestyrelsen");
    assertThat(variable(pi, "boardMeetingDate")).isEqualTo("20-11-2026");
    assertThat(variable(pi, "minutesReference")).isEqualTo("Referat 2026-11, pkt. 4");
  }

  @Test
  void approvedAtN2WhatTheProposalNamedIsCarriedIntoUsageAndGroups() {
    ProcessInstance pi = propose(Proposals.uniqueName("Baeres"), "N2");
    forward(pi);
    recommend(pi, "N2");
    decide(pi, board("approve", "N2", null));

    Product product = product(pi);
    assertThat(product.municipalities()).containsExactlyInAnyOrder("Aarhus", "Odense");
    assertThat(product.singleCodeVersion()).as("the self-assessment answered N2-4 'Ja'").isTrue();
    assertThat(jdbc.queryForObject("""
        select count(*) from product_group_member
        where product_id = ? and group_kind = 'COORDINATION' and user_id = 'kommune' and member_role = 'MUNICIPALITY'""",
        Integer.class, product.id())).isEqualTo(1);
    List<String> gaps = groups.structuralGaps(product.id(), "N2", false);
    assertThat(gaps).noneMatch(g -> g.contains("ingen kommune")).noneMatch(g -> g.contains("i brug i"))
        .noneMatch(g -> g.contains("én version"));
    assertThat(gaps).as("the proposal's supplier is carried into the coordination group; only the board's "
        + "appointment to the steering group is left").containsExactly(
        "Styregruppen har ingen deltager fra OS2's bestyrelse eller udpeget af den.");
    assertThat(groups.members(product.id(), GroupKind.COORDINATION)).filteredOn(m -> m.role() == MemberRole.SUPPLIER)
        .singleElement().satisfies(m -> {
          assertThat(m.organisation()).isEqualTo("Magenta");
          assertThat(m.organisationOnly()).as("a supplier is named as an organisation, not a login").isTrue();
        });
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(GroupKind.COORDINATION.groupId(product.id()))
        .list()).as("only people with a login are Camunda members, so only they get tasks and mails")
        .extracting(u -> u.getId()).containsExactly("kommune");
    dk.os2.governance.RestClient.Response api = dk.os2.governance.RestClient.as(baseUrl(), "sekretariat")
        .get("/api/products/" + product.id() + "/groups");
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.json().path("gapsForN2").toString()).as(api.body()).doesNotContain("leverandør");
    assertThat(api.json().path("members").findValuesAsText("organisation")).contains("Magenta");

    // The product page shows what was decided in Danish: no codes, no group ids.
    dk.os2.governance.RestClient.Response page = dk.os2.governance.RestClient.as(baseUrl(), "sekretariat")
        .get("/app/produkter/" + product.id());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<td>Aktiv</td>").contains("<td>Godkendt</td>").contains("<td>Bestyrelsen</td>")
        .contains("<td>Sendt videre</td>").contains("<td>Forretningsledelsen (sekretariatet)</td>")
        .contains("Automatisk kontrol af selvevaluering")
        .doesNotContain(">approve<").doesNotContain(">forward<").doesNotContain(">ACTIVE<")
        .doesNotContain(">AUTOMATED<").doesNotContain(">bestyrelse<").doesNotContain(">forretningsledelse<")
        .doesNotContain("Koordinationsgruppen har ingen kommune");
  }
}
