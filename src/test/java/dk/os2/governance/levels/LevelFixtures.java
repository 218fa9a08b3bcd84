package dk.os2.governance.levels;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;

/** Products, people and answers for the level tests. */
final class LevelFixtures {

  static final String CHAIR = "styreformand";
  static final String SUPPLIER = "leverandoer";
  static final String PASSWORD = "hemmeligt-kodeord";

  private LevelFixtures() {}

  static void people(IdentityService identity) {
    for (String id : new String[] {CHAIR, SUPPLIER}) {
      if (identity.createUserQuery().userId(id).singleResult() == null) {
        User user = identity.newUser(id);
        user.setEmail(id + "@eksempel.dk");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
      }
    }
  }

  /** An active product at a level, used in two municipalities with one code version. */
  /** An N2 product whose steering and coordination groups meet N2, its people able to log in. */
  static String productAtN2WithGroups(IdentityService identity, Portfolio portfolio, ProductGroups groups) {
    people(identity);
    String product = product(portfolio, "N2");
    groupsForN2(groups, product);
    return product;
  }

  static String product(Portfolio portfolio, String level) {
    String id = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Niveau"), "Formål", "Behov",
        "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", level, "kommune", null));
    portfolio.approve(id, level, LocalDate.now().minusYears(1));
    portfolio.usage(id, "Aarhus\nOdense", true);
    return id;
  }

  /** The groups N2 asks for. */
  static void groupsForN2(ProductGroups groups, String productId) {
    groups.add(productId, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    groups.add(productId, GroupKind.STEERING, CHAIR, MemberRole.PARTICIPANT, "Aarhus Kommune");
    groups.add(productId, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    groups.add(productId, GroupKind.COORDINATION, SUPPLIER, MemberRole.SUPPLIER, "Magenta");
  }

  /** Every criterion up to the level answered "Ja". */
  static Map<String, Object> answers(Catalogue catalogue, String level) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      values.put(c.answerVariable(), "Ja");
      values.put(c.documentationVariable(), "Se repository");
    }
    return values;
  }

  static Map<String, Object> board(String decisionField, String decision) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(decisionField, decision);
    values.put("meetingDate", LocalDate.now().minusDays(1).toString());
    values.put("minutesReference", "Bestyrelsesmøde pkt. 5");
    values.put(decisionField.equals("annualDecision") ? "annualRationale" : "levelDecisionRationale", "Begrundet");
    return values;
  }

  /**
   * The secretariat starts an evaluation at once for the product (the product page's button):
   * the cycle, once its timer has fired and the steering group's self-assessment task waits. An N3
   * product's cycle runs from the moment it reached N3, so the button brings that cycle's
   * evaluation forward (200); a product without one gets a new cycle (201).
   */
  static ProcessInstance evaluationStartedNow(String baseUrl, ProcessEngine engine, String product) {
    RestClient.Response started = RestClient.as(baseUrl, "sekretariat")
        .post("/api/products/" + product + "/annual-evaluations", Map.of());
    assertThat(started.status()).as(started.body()).isIn(200, 201);
    ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
    awaitSelfAssessmentTask(engine, cycle);
    return cycle;
  }

  /** Waits until the cycle's timer has fired and the self-assessment task is there. */
  static void awaitSelfAssessmentTask(ProcessEngine engine, ProcessInstance cycle) {
    // The cycle's own due timer is run here rather than waiting for the job executor, which may be
    // busy with other products' jobs in the shared database.
    await("the evaluation timer fires").atMost(ofSeconds(60)).until(() -> {
      if (engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId())
          .taskDefinitionKey("UserTask_UpdateAnnualSelfAssessment").count() == 1) {
        return true;
      }
      for (org.camunda.bpm.engine.runtime.Job job : engine.getManagementService().createJobQuery()
          .processInstanceId(cycle.getId()).timers().duedateLowerThan(new java.util.Date(
              org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 1000)).list()) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException raced) {
          // The job executor took it first: an optimistic-locking failure, or (when it removed the
          // timer's branch execution meanwhile) the engine's NullPointerException on the gone execution.
          // The await checks the outcome, the task, either way.
        }
      }
      return false;
    });
  }
}
