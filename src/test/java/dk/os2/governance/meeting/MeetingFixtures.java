package dk.os2.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.submission.MeetingDate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Work waiting for the board, and meetings planned for today (their timers have passed: they run at once). */
public final class MeetingFixtures {

  static final String CHAIR = "moedeformand";
  static final String SUPPLIER = "moedeleverandoer";

  private MeetingFixtures() {}

  /** A proposal that the secretariat screened and the committee recommended at N1: it waits for the board. */
  public static ProcessInstance proposalAtTheBoard(ProcessEngine engine, Catalogue catalogue, String name) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1"));
    engine.getIdentityService().clearAuthentication();
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Anbefales"));
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("UserTask_DecideProposal");
    return pi;
  }

  /** An N1 product's level change to N2, checked and recommended: it waits for the board. */
  public static ProcessInstance levelChangeAtTheBoard(String baseUrl, ProcessEngine engine, Catalogue catalogue,
      Portfolio portfolio, ProductGroups groups) {
    for (String id : List.of(CHAIR, SUPPLIER)) {
      if (engine.getIdentityService().createUserQuery().userId(id).singleResult() == null) {
        User user = engine.getIdentityService().newUser(id);
        user.setEmail(id + "@eksempel.dk");
        user.setPassword("hemmeligt-kodeord");
        engine.getIdentityService().saveUser(user);
      }
    }
    String product = portfolio.registerProposal(new Portfolio.Proposal(Proposals.uniqueName("Niveau"), "Formål",
        "Behov", "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", "N1", "kommune", null));
    portfolio.approve(product, "N1", LocalDate.now().minusYears(1));
    portfolio.usage(product, "Aarhus\nOdense", true);
    groups.add(product, GroupKind.STEERING, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    groups.add(product, GroupKind.STEERING, CHAIR, MemberRole.PARTICIPANT, "Aarhus Kommune");
    groups.add(product, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    groups.add(product, GroupKind.COORDINATION, SUPPLIER, MemberRole.SUPPLIER, "Magenta");
    RestClient.Response started = RestClient.as(baseUrl, "sekretariat").post("/api/products/" + product
        + "/level-changes", Map.of("targetLevel", "N2", "reason", "Produktet bruges nu bredt"));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo("N2")) {
      answers.put(c.answerVariable(), "Ja");
      answers.put(c.documentationVariable(), "Se repository");
    }
    complete(task(pi), answers);
    complete(task(pi), withVariables("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("UserTask_DecideLevelChange");
    return pi;
  }

  /** The secretariat plans a meeting for today at the time; returns its process once the minutes task waits. */
  public static ProcessInstance meetingHeldToday(ProcessEngine engine, String body, String time) {
    engine.getIdentityService().setAuthentication("sekretariat", List.of("forretningsledelse"));
    ProcessInstance pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey("governance-meeting", Map.of(
          "meetingBody", body, "plannedDate", MeetingDate.danish(LocalDate.now()), "plannedTime", time,
          "meetingPlace", "Mødelokale 1, Kommunernes Hus"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    awaitMinutesTask(engine, pi);
    return pi;
  }

  public static Task awaitMinutesTask(ProcessEngine engine, ProcessInstance pi) {
    await("the meeting's timers have run and the minutes task waits").atMost(Duration.ofSeconds(60))
        .until(() -> minutesTask(engine, pi) != null);
    return minutesTask(engine, pi);
  }

  public static Task minutesTask(ProcessEngine engine, ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_RecordMinutes").singleResult();
  }

  public static String meetingId(ProcessEngine engine, ProcessInstance pi) {
    return String.valueOf(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("meetingId").singleResult().getValue());
  }
}
