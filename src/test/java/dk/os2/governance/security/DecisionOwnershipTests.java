package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.levels.LevelChanges;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.submission.FormSchema;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Threat model, item "a decision belongs to its task": the identity of a process (its product,
 * proposer or applicant, a level change's target level, the checked level and catalogue) is set by
 * the system and cannot be changed by any submission, and every step that acts on a decision reads
 * what the deciding task recorded. Driven through the engine's Java API as each body's user.
 */
class DecisionOwnershipTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  LevelChanges levelChanges;

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  // --- people -----------------------------------------------------------------------------------

  <T> T as(String user, String group, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void as(String user, String group, Runnable work) {
    as(user, group, () -> {
      work.run();
      return null;
    });
  }

  void completeAs(String user, String group, ProcessInstance pi, Map<String, Object> values) {
    as(user, group, () -> engine.getTaskService().complete(task(pi).getId(), values));
  }

  // --- proposals --------------------------------------------------------------------------------

  ProcessInstance propose(String name) {
    return as("kommune", "kommuner", () -> engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1")));
  }

  String productOf(ProcessInstance pi) {
    return engine.getRuntimeService().getVariable(pi.getId(), "productId").toString();
  }

  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  void screen(ProcessInstance pi) {
    completeAs("sekretariat", "forretningsledelse", pi, values("screeningDecision", "forward", "screeningComment", "Klar"));
  }

  void recommend(ProcessInstance pi) {
    completeAs("forretningsudvalg", "forretningsudvalg", pi, values("committeeRecommendation", "recommend",
        "recommendedLevel", "N1", "committeeRationale", "Anbefales"));
  }

  void approve(ProcessInstance pi, String level) {
    completeAs("bestyrelse", "bestyrelse", pi, values("boardDecision", "approve", "approvedLevel", level,
        "meetingDate", LocalDate.now().minusDays(1).toString(), "minutesReference", "Referat pkt. 3",
        "boardRationale", "Godkendt", "boardJustification", "Bestyrelsen vil prøve det"));
  }

  /** What a refused attempt must leave untouched. */
  record Snapshot(List<Product> products, List<List<Decision>> decisions, List<String> activities,
      Map<String, Object> variables) {}

  Snapshot snapshot(ProcessInstance pi, String... productIds) {
    List<Product> products = new java.util.ArrayList<>();
    List<List<Decision>> decisions = new java.util.ArrayList<>();
    for (String id : productIds) {
      products.add(portfolio.product(id).orElseThrow());
      decisions.add(portfolio.decisions(id));
    }
    return new Snapshot(products, decisions, engine.getRuntimeService().getActiveActivityIds(pi.getId()),
        new HashMap<>(engine.getRuntimeService().getVariables(pi.getId())));
  }

  // --- the engine guard --------------------------------------------------------------------------

  @ParameterizedTest(name = "screening that also sets {0} is refused")
  @ValueSource(strings = {"productId", "proposer", "indicativeLevel", "catalogueReference", "checkPassed"})
  void aTaskCompletionCannotWriteTheProcessIdentityOrTheCheckResults(String variable) {
    ProcessInstance other = propose(Proposals.uniqueName("Offer"));
    ProcessInstance pi = propose(Proposals.uniqueName("Angreb"));
    Snapshot before = snapshot(pi, productOf(pi), productOf(other));

    Map<String, Object> forged = values("screeningDecision", "forward", "screeningComment", "Klar");
    forged.put(variable, switch (variable) {
      case "productId" -> productOf(other);
      case "checkPassed" -> false; // the check ran before screening and passed: a forgery changes it
      case "indicativeLevel" -> "N3";
      default -> "angriber";
    });
    assertThatThrownBy(() -> completeAs("sekretariat", "forretningsledelse", pi, forged))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'" + variable + "'")
        .hasMessageContaining("kan ikke ændres");

    assertThat(snapshot(pi, productOf(pi), productOf(other))).isEqualTo(before);
    assertThat(pi).isWaitingAt("UserTask_ScreenProposal");
  }

  @Test
  void theCommitteeCannotRaiseTheCheckedLevelWhileRecommending() {
    ProcessInstance pi = propose(Proposals.uniqueName("Indikativ"));
    screen(pi);
    Snapshot before = snapshot(pi, productOf(pi));
    Map<String, Object> forged = values("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Anbefales", "indicativeLevel", "N3");
    assertThatThrownBy(() -> completeAs("forretningsudvalg", "forretningsudvalg", pi, forged))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'indicativeLevel'");
    assertThat(snapshot(pi, productOf(pi))).isEqualTo(before);
    assertThat(pi).isWaitingAt("UserTask_RecommendProposal");
  }

  @Test
  void noApiCanRewriteOrShadowTheIdentity() {
    ProcessInstance other = propose(Proposals.uniqueName("Offer"));
    ProcessInstance pi = propose(Proposals.uniqueName("Skygge"));
    String taskId = task(pi).getId();
    Snapshot before = snapshot(pi, productOf(pi), productOf(other));

    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(pi.getId(), "productId", productOf(other)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'productId'");
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(pi.getId(), "proposer", "angriber"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'proposer'");
    assertThatThrownBy(() -> engine.getRuntimeService().removeVariable(pi.getId(), "proposer"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'proposer'");
    assertThatThrownBy(() -> engine.getTaskService().setVariableLocal(taskId, "productId", productOf(other)))
        .as("a task-local variable would shadow the process's own").isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(taskId,
        values("screeningDecision", "forward", "screeningComment", "Klar", "proposer", "angriber")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'proposer'");

    assertThat(snapshot(pi, productOf(pi), productOf(other))).isEqualTo(before);
  }

  // --- a decision acts on its own process ----------------------------------------------------------

  @Test
  void aBoardApprovalLandsOnTheProposalsOwnProductEvenIfTheVariableWasForged() {
    ProcessInstance other = propose(Proposals.uniqueName("Offer"));
    ProcessInstance pi = propose(Proposals.uniqueName("Egen"));
    String own = productOf(pi);
    String victim = productOf(other);
    screen(pi);
    recommend(pi);
    // Suppose a write got past the guard: the steps that act must not care.
    SystemWrites.run(() -> engine.getRuntimeService().setVariable(pi.getId(), "productId", victim));
    approve(pi, "N1");

    assertThat(portfolio.product(own).orElseThrow().status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(portfolio.product(own).orElseThrow().level()).isEqualTo("N1");
    assertThat(portfolio.product(victim).orElseThrow().status()).isEqualTo(ProductStatus.PROPOSED);
    assertThat(portfolio.decisions(victim)).isEmpty();
    assertThat(portfolio.decisions(own)).extracting(Decision::taskKey)
        .containsExactly("UserTask_ScreenProposal", "UserTask_RecommendProposal", "UserTask_DecideProposal");
    assertThat(other).isWaitingAt("UserTask_ScreenProposal");
  }

  @Test
  void theOutcomeGoesToTheOriginalProposer() {
    ProcessInstance pi = propose(Proposals.uniqueName("Udfald"));
    screen(pi);
    recommend(pi);
    SystemWrites.run(() -> engine.getRuntimeService().setVariable(pi.getId(), "proposer", "angriber"));
    approve(pi, "N1");
    assertThat(pi).isWaitingAt("UserTask_AcknowledgeOutcome");
    assertThat(task(pi).getAssignee()).isEqualTo("kommune");
  }

  @Test
  void aStartCannotNameAnotherProposer() {
    String name = Proposals.uniqueName("Stedfortræder");
    Map<String, Object> forged = Proposals.valid(catalogue, name, "N1");
    forged.put("proposer", "angriber");
    assertThatThrownBy(() -> as("kommune", "kommuner",
        () -> engine.getRuntimeService().startProcessInstanceByKey("project-proposal", forged)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'proposer'");
    assertThat(portfolio.productNamed(name)).isEmpty();
  }

  @Test
  void theBoardCannotBeSkippedWithStartInstructions() {
    ProcessInstance victimProcess = propose(Proposals.uniqueName("Offer"));
    String victim = productOf(victimProcess);
    Product before = portfolio.product(victim).orElseThrow();

    // Without authentication, so no authorization check refuses it first: the engine itself must.
    assertThatThrownBy(() -> engine.getRuntimeService()
        .createProcessInstanceByKey("project-proposal")
        .startBeforeActivity("ServiceTask_RecordBoardDecision")
        .setVariables(values("productId", victim, "boardDecision", "approve", "approvedLevel", "N3"))
        .execute()).isInstanceOf(ProcessEngineException.class).hasMessageContaining("intet registreret produkt");

    assertThat(portfolio.product(victim).orElseThrow()).isEqualTo(before);
    assertThat(portfolio.decisions(victim)).isEmpty();
  }

  @Test
  void aDecisionLeftInTheVariablesByAnotherBodyIsNotTheBoardsDecision() {
    ProcessInstance pi = propose(Proposals.uniqueName("Forudfyldt"));
    // The secretariat writes the board's fields while screening (no guard protects outcome fields)...
    completeAs("sekretariat", "forretningsledelse", pi, values("screeningDecision", "forward",
        "screeningComment", "Klar", "boardDecision", "approve", "approvedLevel", "N3"));
    recommend(pi);
    Snapshot before = snapshot(pi, productOf(pi));
    // ...and a board completion without its own outcome must not turn them into the board's decision.
    assertThatThrownBy(() -> completeAs("bestyrelse", "bestyrelse", pi, values("boardRationale", "Set",
        "meetingDate", LocalDate.now().minusDays(1).toString(), "minutesReference", "Referat pkt. 1")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("opgavens egen formular");
    assertThat(snapshot(pi, productOf(pi))).isEqualTo(before);
    assertThat(pi).isWaitingAt("UserTask_DecideProposal");
    assertThat(portfolio.product(productOf(pi)).orElseThrow().status()).isEqualTo(ProductStatus.PROPOSED);
  }

  @Test
  void aCompletionMustCarryOneOfTheTasksOwnOutcomes() {
    ProcessInstance pi = propose(Proposals.uniqueName("Udfaldsfelt"));
    Snapshot before = snapshot(pi, productOf(pi));
    assertThatThrownBy(() -> completeAs("sekretariat", "forretningsledelse", pi,
        values("screeningDecision", "approve", "screeningComment", "Godkendt")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ikke en af opgavens mulige afgørelser");
    assertThat(snapshot(pi, productOf(pi))).isEqualTo(before);
  }

  // --- level changes --------------------------------------------------------------------------------

  String productAt(String level) {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Niveau"), "Formål", "Behov",
        "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", level, "kommune", null));
    portfolio.approve(id, level, LocalDate.now().minusYears(1));
    portfolio.usage(id, "Aarhus\nOdense", true);
    return id;
  }

  Map<String, Object> answers(String level) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      values.put(c.answerVariable(), "Ja");
      values.put(c.documentationVariable(), "Se repository");
    }
    return values;
  }

  @Test
  void anApprovedDemotionEndsAtTheRequestedLevelWhateverTheVariablesSay() {
    String product = productAt("N2");
    String id = as("sekretariat", "forretningsledelse",
        () -> levelChanges.start(product, "N1", "Bruges kun af én kommune", "sekretariat", true));
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi).isWaitingAt("UserTask_UpdateSelfAssessment");

    Map<String, Object> forged = answers("N1");
    forged.put("requestedLevel", "N3");
    Snapshot before = snapshot(pi, product);
    assertThatThrownBy(() -> completeAs("sekretariat", "forretningsledelse", pi, forged))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'requestedLevel'");
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(id, "requestedLevel", "N3"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'requestedLevel'");
    assertThat(snapshot(pi, product)).isEqualTo(before);

    completeAs("sekretariat", "forretningsledelse", pi, answers("N1"));
    assertThat(pi).isWaitingAt("UserTask_RecommendLevelChange");
    // Suppose someone managed to write it anyway: the demotion still lands where it was asked to.
    SystemWrites.run(() -> engine.getRuntimeService().setVariable(id, "requestedLevel", "N3"));
    completeAs("forretningsudvalg", "forretningsudvalg", pi,
        values("levelRecommendation", "recommend", "levelRecommendationRationale", "Enig"));
    completeAs("bestyrelse", "bestyrelse", pi, values("levelDecision", "approve",
        "meetingDate", LocalDate.now().minusDays(1).toString(), "minutesReference", "Referat pkt. 7",
        "levelDecisionRationale", "Nedjusteres"));

    assertThat(pi).isEnded();
    Product after = portfolio.product(product).orElseThrow();
    assertThat(after.level()).isEqualTo("N1");
    assertThat(after.handoverAcceptedOn()).isNull();
    assertThat(levelChanges.annualCycleRunning(product)).as("the product's one cycle goes on at N1").isTrue();
    assertThat(portfolio.latestDecision(id, "UserTask_DecideLevelChange").orElseThrow().level()).isEqualTo("N1");
  }

  @Test
  void levelChangesAreStartedOnlyByTheSystem() {
    String product = productAt("N1");
    Map<String, Object> variables = values("productId", product, "requestedLevel", "N3", "direction", "promote",
        "applicant", "angriber", "selfAssessmentGroup", "forretningsledelse");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("level-change", product, variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("kan kun startes af systemet");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("annual-evaluation", product, variables))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("kan kun startes af systemet");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(product).list())
        .as("only the cycle the system started when the product became active")
        .extracting(pi -> pi.getProcessDefinitionId().split(":")[0]).containsExactly("annual-evaluation");
  }

  // --- forms ----------------------------------------------------------------------------------------

  @Test
  void fieldsAFormShowsReadOnlyOrDisabledAreNotSubmittable() throws Exception {
    FormSchema form = FormSchema.parse(new ObjectMapper().readTree("""
        {"id": "committee", "components": [
          {"type": "select", "key": "indicativeLevel", "readonly": true, "values": [{"value": "N1"}]},
          {"type": "textfield", "key": "catalogueReference", "disabled": true},
          {"type": "textfield", "key": "checkedLevel", "readonly": "=true"},
          {"type": "textfield", "key": "note", "readonly": false, "disabled": false},
          {"type": "radio", "key": "committeeRecommendation", "values": [{"value": "recommend"}]}
        ]}"""));
    assertThat(form.fields().keySet()).containsExactly("note", "committeeRecommendation");
  }
}
