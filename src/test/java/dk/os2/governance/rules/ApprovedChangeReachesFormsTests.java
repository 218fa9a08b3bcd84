package dk.os2.governance.rules;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CataloguePublished;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 4, through the process: the secretariat proposes a version of the shipped catalogue
 * that adds a criterion, the Business Committee recommends, the board approves it in force today.
 * With no Java or form file changed, a new proposal's start form asks for the new criterion and the
 * server requires it, while a proposal started before keeps its version's forms.
 */
class ApprovedChangeReachesFormsTests extends IntegrationTests {

  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";
  static final String START_FORM = "/engine-rest/process-definition/key/project-proposal/deployed-start-form";

  @Autowired
  Catalogue shipped;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEventPublisher events;

  RestClient as(String user) {
    return RestClient.as(baseUrl(), user);
  }

  /** The shipped catalogue's text as a new version with a recommendation N1-6 added. */
  static String withN16(String version) {
    String text = RuleFixtures.catalogue("os2-levels").replace("version: \"1.0\"", "version: \"" + version + "\"");
    return text + """
          - id: N1-6
            theme: dokumentation
            level: N1
            title: Produktet har en tilgængelighedserklæring
            guidance: Link til erklæringen efter webtilgængelighedsloven.
            mandatory: true
            deviationAllowed: true
            owner: forretningsudvalg
        """;
  }

  String startProposal(Map<String, Object> values) {
    RestClient.Response response = as("kommune").post(START, variables(values));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  @Test
  void anApprovedCriterionReachesNewProposalsFormsAndNotThoseStartedBefore() {
    String before = startProposal(Proposals.valid(shipped, Proposals.uniqueName("FørÆndring"), "N1"));
    assertThat(as("kommune").get(START_FORM).body()).doesNotContain("sa_N1_6_answer");

    String version = "1.0-proces-" + UUID.randomUUID().toString().substring(0, 6);
    RestClient.Response proposed = RuleFixtures.postText(baseUrl(), "sekretariat", "/api/criteria-changes",
        withN16(version));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    ProcessInstance change = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(proposed.json().path("processInstanceId").asText()).singleResult();
    String after = null;
    try {
      assertThat(change).isWaitingAt("UserTask_RecommendProductCriteria");
      assertThat((String) engine.getRuntimeService().getVariable(change.getId(), "changeSummary"))
          .contains("1 tilføjet").contains("N1-6");
      submit("forretningsudvalg", change, Map.of("businessRecommendation", "recommend",
          "businessRecommendationRationale", "Tilgængelighed skal dokumenteres"));
      assertThat(change).isWaitingAt("UserTask_DecideCriteriaChange");
      submit("bestyrelse", change, Map.of("criteriaDecision", "approve",
          "effectiveDate", MeetingDate.danish(LocalDate.now()),
          "meetingDate", MeetingDate.danish(LocalDate.now().minusDays(1)),
          "minutesReference", "Bestyrelsesmøde pkt. 4",
          "criteriaDecisionRationale", "Indstillet af Forretningsudvalget"));
      assertThat(change).isEnded();

      assertThat(as("kommune").get(START_FORM).body())
          .as("a new proposal's start form asks for the approved criterion")
          .contains("sa_N1_6_answer").contains("Produktet har en tilgængelighedserklæring");
      RestClient.Response withoutIt = as("kommune").post(START,
          variables(Proposals.valid(shipped, Proposals.uniqueName("UdenSvar"), "N1")));
      assertThat(withoutIt.status()).as("the server asks for it too").isEqualTo(400);
      assertThat(withoutIt.body()).contains("N1-6");

      after = startProposal(withAnswer(Proposals.valid(shipped, Proposals.uniqueName("EfterÆndring"), "N1")));
      assertThat(engine.getRuntimeService().getVariable(after, CatalogueVersions.VARIABLE)).isEqualTo(version);

      assertThat(engine.getRuntimeService().getVariable(before, CatalogueVersions.VARIABLE))
          .as("a proposal started before keeps the version it began with").isEqualTo(shipped.version());
      String screening = taskOf(before, "sekretariat");
      RestClient.Response returned = as("sekretariat").post("/engine-rest/task/" + screening + "/submit-form",
          variables(Map.of("screeningDecision", "return", "screeningComment", "Uddyb dokumentationen")));
      assertThat(returned.status()).as(returned.body()).isEqualTo(204);
      String supplement = taskOf(before, "kommune");
      assertThat(as("kommune").get("/engine-rest/task/" + supplement + "/deployed-form").body())
          .as("its supplement form is its own version's").contains("sa_N1_5_answer").doesNotContain("sa_N1_6_answer");
    } finally {
      // Other tests share this database: the test's version leaves force, and the shipped
      // version's forms become the latest again.
      jdbc.sql("update criteria_catalogue set effective_date = null where catalogue_id = ? and version = ?")
          .params(shipped.id(), version).update();
      events.publishEvent(new CataloguePublished(shipped.id(), shipped.version()));
      engine.getRuntimeService().deleteProcessInstance(before, "test finished");
      if (after != null) {
        engine.getRuntimeService().deleteProcessInstance(after, "test finished");
      }
    }
    assertThat(as("kommune").get(START_FORM).body()).doesNotContain("sa_N1_6_answer");
  }

  static Map<String, Object> withAnswer(Map<String, Object> values) {
    values.put("sa_N1_6_answer", "Ja");
    values.put("sa_N1_6_documentation", "https://example.org/tilgaengelighed");
    return values;
  }

  void submit(String user, ProcessInstance pi, Map<String, Object> values) {
    RestClient.Response response = as(user).post("/engine-rest/task/" + task(pi).getId() + "/submit-form",
        variables(values));
    assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(204);
  }

  String taskOf(String pi, String user) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + pi).json();
    assertThat(tasks.size()).as("tasks of " + user + ": " + tasks).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }
}
