package dk.os2.governance.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.util.List;
import dk.os2.governance.SqlStatements;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board meeting's agenda: every pending board decision, and every N3 product as a standing item. */
class BoardAgendaTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Test
  void theAgendaCollectsPendingDecisionsAndN3Products() {
    String proposed = Proposals.uniqueName("Dagsorden");
    engine.getIdentityService().setAuthenticatedUserId("kommune");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, proposed, "N1"));
    engine.getIdentityService().clearAuthentication();
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Anbefales"));
    String boardTask = task(pi).getId();

    String vital = Proposals.uniqueName("Vital");
    String vitalId = portfolio.registerProposal(new Portfolio.Proposal(vital, "F", "B", "Vejle Kommune", "V", "v@vejle.dk",
        null, null, "MPL-2.0", null, "N3", "kommune", null));
    portfolio.approve(vitalId, "N3", LocalDate.parse("2025-06-01"));

    JsonNode agenda = RestClient.as(baseUrl(), "sekretariat").get("/api/board-agenda").json();
    JsonNode decision = null;
    for (JsonNode d : agenda.path("decisions")) {
      if (d.path("taskId").asText().equals(boardTask)) {
        decision = d;
      }
    }
    assertThat(decision).as("the pending board decision is on the agenda").isNotNull();
    assertThat(decision.path("product").asText()).isEqualTo(proposed);
    assertThat(decision.path("task").asText()).isEqualTo("Beslut om forslaget");
    // For API clients an address derived from the request (the test's port), never os2.base-url.
    assertThat(decision.path("link").asText())
        .isEqualTo(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + boardTask);
    assertThat(agenda.path("standingItems").findValuesAsText("product")).contains(vital).doesNotContain(proposed);

    RestClient.Response page = RestClient.as(baseUrl(), "bestyrelse").get("/app/bestyrelsesmoede");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(proposed).contains(vital).contains("Faste punkter");
    // On the page a path of this site: it works on whatever address the page was reached by.
    assertThat(page.body()).contains("href=\"/camunda/app/tasklist/default/#/?task=" + boardTask + "\"")
        .doesNotContain("href=\"http");
    assertThat(RestClient.as(baseUrl(), "kommune").get("/api/board-agenda").status()).isEqualTo(403);

    complete(task(pi), withVariables("boardDecision", "approve", "approvedLevel", "N1", "meetingDate", "2026-11-20",
        "minutesReference", "Pkt. 2", "boardRationale", "Godkendt"));
    assertThat(RestClient.as(baseUrl(), "sekretariat").get("/api/board-agenda").json().path("decisions")
        .findValuesAsText("taskId")).as("a decided item leaves the agenda").doesNotContain(boardTask);
  }

  /**
   * The agenda reads in the same number of statements however many decisions wait and however
   * many N3 products stand on it (at 2,000 open tasks it once ran about 8 statements a task).
   */
  @Test
  void theAgendaReadsInAFixedNumberOfStatements() {
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    boardTask(Proposals.uniqueName("Fast"));
    standing(Proposals.uniqueName("Staaende"));
    secretariat.get("/api/board-agenda");
    List<String> before = SqlStatements.count(SqlStatements.requests(),
        () -> assertThat(secretariat.get("/api/board-agenda").status()).isEqualTo(200));
    int decisionsBefore = secretariat.get("/api/board-agenda").json().path("decisions").size();

    for (int i = 0; i < 3; i++) {
      boardTask(Proposals.uniqueName("Fast"));
      standing(Proposals.uniqueName("Staaende"));
    }
    List<String> after = SqlStatements.count(SqlStatements.requests(),
        () -> assertThat(secretariat.get("/api/board-agenda").status()).isEqualTo(200));

    assertThat(secretariat.get("/api/board-agenda").json().path("decisions").size()).isEqualTo(decisionsBefore + 3);
    assertThat(after).as("statements with three more decisions and standing items: %s", after).hasSameSizeAs(before);
    assertThat(SqlStatements.count(SqlStatements.thisThread(), () -> agenda.agenda("")))
        .as("the agenda itself: tasks, their product names, the N3 products").hasSizeLessThanOrEqualTo(3);
  }

  @Autowired
  BoardAgenda agenda;

  /** A proposal screened and recommended: a decision waiting for the board. */
  private String boardTask(String name) {
    engine.getIdentityService().setAuthenticatedUserId("kommune");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, name, "N1"));
    engine.getIdentityService().clearAuthentication();
    complete(task(pi), withVariables("screeningDecision", "forward", "screeningComment", "Ok"));
    complete(task(pi), withVariables("committeeRecommendation", "recommend", "recommendedLevel", "N1",
        "committeeRationale", "Anbefales"));
    return task(pi).getId();
  }

  private void standing(String name) {
    String id = portfolio.registerProposal(new Portfolio.Proposal(name, "F", "B", "Vejle Kommune", "V", "v@vejle.dk",
        null, null, "MPL-2.0", null, "N3", "kommune", null));
    portfolio.approve(id, "N3", LocalDate.parse("2025-06-01"));
  }
}
