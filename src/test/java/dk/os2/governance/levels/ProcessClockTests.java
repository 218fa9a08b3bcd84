package dk.os2.governance.levels;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One clock: with the engine's clock moved, the dates the processes compute are the engine's
 * (the board decided without a meeting date, the automated check, the annual evaluation), not the
 * machine's.
 */
class ProcessClockTests extends IntegrationTests {

  /** A day the machine's clock is not on: the engine's clock is moved there. */
  static final LocalDate ENGINE_DAY = LocalDate.of(2024, 2, 29);

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Catalogue catalogue;

  @Autowired
  Evaluations evaluations;

  @BeforeEach
  void moveTheEnginesClock() {
    LevelFixtures.people(engine.getIdentityService());
    ClockUtil.setCurrentTime(Date.from(ENGINE_DAY.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aProposalApprovedWithoutAMeetingDateIsActiveSinceTheEnginesToday() {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(catalogue, Proposals.uniqueName("Uret"), "N1"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String productId = (String) engine.getRuntimeService().getVariable(pi.getId(), "productId");
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Klar"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Relevant"));
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    complete(task(pi), withVariables("boardDecision", "approve", "approvedLevel", "N1",
        "minutesReference", "Referat pkt. 4", "boardRationale", "Begrundet"));

    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(portfolio.product(productId).orElseThrow().levelSince()).isEqualTo(ENGINE_DAY);
    assertThat(evaluations.forProduct(productId)).as("the automated check's evaluation").isNotEmpty()
        .extracting(EvaluationDetails::evaluatedOn).containsOnly(ENGINE_DAY);
  }

  @Test
  void aLevelChangeApprovedWithoutAMeetingDateIsAtItsLevelSinceTheEnginesToday() {
    String product = LevelFixtures.product(portfolio, "N1");
    LevelFixtures.groupsForN2(groups, product);
    RestClient chair = new RestClient(baseUrl(), LevelFixtures.CHAIR, LevelFixtures.PASSWORD);
    RestClient.Response started = chair.post("/api/products/" + product + "/level-changes",
        Map.of("targetLevel", "N2", "reason", "Produktet bruges nu bredt"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");
    RestClient.Response answered = chair.post("/engine-rest/task/" + task(pi).getId() + "/submit-form",
        RestClient.variables(LevelFixtures.answers(catalogue, "N2")));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(pi).isWaitingAt("UserTask_DecideLevelChange");
    complete(task(pi), withVariables("levelDecision", "approve", "minutesReference", "Referat pkt. 5",
        "levelDecisionRationale", "Begrundet"));

    assertThat(pi).isEnded().hasPassed("ServiceTask_ApplyLevelChange");
    Product changed = portfolio.product(product).orElseThrow();
    assertThat(changed.level()).isEqualTo("N2");
    assertThat(changed.levelSince()).isEqualTo(ENGINE_DAY);
    assertThat(evaluations.forProduct(product)).as("the level check's evaluation").isNotEmpty()
        .extracting(EvaluationDetails::evaluatedOn).containsOnly(ENGINE_DAY);
  }

  @Test
  void anAnnualDecisionWithoutAMeetingDateIsEvaluatedOnTheEnginesToday() {
    String product = LevelFixtures.product(portfolio, "N2");
    LevelFixtures.groupsForN2(groups, product);
    ProcessInstance cycle = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    complete(task(cycle), LevelFixtures.answers(catalogue, "N2"));
    complete(task(cycle), withVariables("secretariatRecommendation", "keep", "secretariatAssessment", "Stabil"));
    assertThat(cycle).isWaitingAt("UserTask_DecideAnnual", "UserTask_SteeringGroupFollowUp");
    complete(task("UserTask_DecideAnnual", cycle), withVariables("annualDecision", "keep",
        "minutesReference", "Referat pkt. 6", "annualRationale", "Begrundet"));

    assertThat(cycle).as("the steering group's track goes on").isWaitingAt("UserTask_SteeringGroupFollowUp");
    assertThat(portfolio.product(product).orElseThrow().lastEvaluation()).isEqualTo(ENGINE_DAY);
  }
}
