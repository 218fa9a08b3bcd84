package dk.os2.governance.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.deviation.Deviation;
import dk.os2.governance.deviation.Deviations;
import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deviation stands in for its criterion until it expires: an evaluation's check enters it in the
 * register owned by the steering group for a year, and the first check after its expiry counts the
 * criterion red, lowers the indicative level and says why, at every level.
 */
class ExpiredDeviationProcessTests extends IntegrationTests {

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  Catalogue catalogue;

  @Autowired
  Deviations deviations;

  @Autowired
  Evaluations evaluations;

  @BeforeEach
  void people() {
    LevelFixtures.people(engine.getIdentityService());
  }

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Map<String, Object> answersWithDeviation(String level, String criterion) {
    Map<String, Object> answers = LevelFixtures.answers(catalogue, level);
    String prefix = "sa_" + criterion.replace('-', '_');
    answers.put(prefix + "_answer", "Nej");
    answers.put(prefix + "_deviation", "Kravet opfyldes, når driftsaftalen er fornyet");
    return answers;
  }

  Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  // N1-2 allows a deviation from N1 on, N2-3 from N2 on; no N3 criterion allows one.
  @ParameterizedTest(name = "at {0}")
  @CsvSource({"N1, N1-2, intet", "N2, N2-3, N1", "N3, N2-3, N1"})
  void anExpiredDeviationCountsRedAndLowersTheIndicativeLevelInTheNextEvaluation(String level, String criterion,
      String lowered) {
    String product = LevelFixtures.product(portfolio, level);
    LevelFixtures.groupsForN2(groups, product);

    ProcessInstance first = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    complete(task(first), answersWithDeviation(level, criterion));
    assertThat(first).isWaitingAt("UserTask_ReviewBySecretariat");
    assertThat(variable(first, "indicativeLevel")).as("the deviation stands in for " + criterion).isEqualTo(level);
    List<Deviation> registered = deviations.forProduct(product);
    assertThat(registered).hasSize(1);
    Deviation deviation = registered.get(0);
    assertThat(deviation.criterionId()).isEqualTo(criterion);
    assertThat(deviation.ownerId()).as("owned by the steering group").isEqualTo(GroupKind.STEERING.groupId(product));
    assertThat(deviation.ownerName()).isEqualTo("Styregruppe");
    assertThat(deviation.expiresOn()).isEqualTo(LocalDate.now().plusYears(1));
    engine.getRuntimeService().deleteProcessInstance(first.getId(), "test: the evaluation is decided elsewhere");

    // Its expiry date passes (set back in the register rather than moving the engine's clock a year,
    // which would fire the evaluation timer of every product in the shared database); the steering
    // group documents the deviation again in the next evaluation.
    LocalDate expired = LocalDate.now().minusDays(1);
    jdbc.sql("update deviation set expires_on = ? where id = ?").params(java.sql.Date.valueOf(expired), deviation.id())
        .update();
    assertThat(deviations.forProduct(product).get(0).state()).isEqualTo(Deviation.State.EXPIRED);
    ProcessInstance next = LevelFixtures.evaluationStartedNow(baseUrl(), engine, product);
    complete(task(next), answersWithDeviation(level, criterion));

    assertThat(variable(next, "indicativeLevel")).as("the expired deviation no longer stands in").isEqualTo(lowered);
    assertThat(variable(next, "levelCheckSummary").toString())
        .contains("Mangel " + criterion)
        .contains("den dokumenterede afvigelse udløb " + expired.format(
            java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    EvaluationDetails report = evaluations.details(variable(next, "evaluationId").toString()).orElseThrow();
    assertThat(report.indicativeLevel()).isEqualTo("intet".equals(lowered) ? null : lowered);
    var item = report.themes().stream().flatMap(t -> t.items().stream())
        .filter(i -> i.criterionId().equals(criterion)).findFirst().orElseThrow();
    assertThat(item.light()).as("the report counts it red").isEqualTo("RED");
    assertThat(item.rationale()).contains("står ikke længere i stedet for kriteriet");
    assertThat(deviations.forProduct(product)).as("an expired deviation is not entered again").hasSize(1);
  }
}
