package dk.os2.governance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.meeting.MeetingFixtures;
import dk.os2.governance.proposal.Proposals;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Threat model, meetings: the minutes the secretariat records complete other bodies' waiting tasks
 * in one go, so what they say must hold together. Only the secretariat writes them; a decision the
 * minutes' own votes contradict, or a quorum with none of the body's members present, is refused in
 * Danish and decides nothing; the general assembly's vote on a change of the licence terms is
 * decided through the minutes with the votes the minutes count (not typed a second time), and its
 * majority rule holds there as in its own task. What the general assembly is shown it votes on, and
 * the meeting a minutes task belongs to, are process variables no one but the system writes.
 */
class MinutesAttackTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  @AfterEach
  void noStatutesChangeRunning() {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutes-change").list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test cleanup"));
    jdbc.update("delete from statutes_running_change");
  }

  String itemOf(String meetingId, Task task) {
    return jdbc.queryForObject("select id from meeting_item where meeting_id = ? and task_id = ?", String.class,
        meetingId, task.getId());
  }

  HttpResponse<String> post(String user, String path, Map<String, String> fields) throws Exception {
    Http http = Http.basic(baseUrl(), user);
    return http.send(http.request("POST", path, "application/x-www-form-urlencoded", Http.form(fields)));
  }

  static Map<String, String> minutes(String item, String quorum, String present, String votesFor, String against,
      Map<String, String> answers, String action) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("quorum", quorum);
    if (present != null) {
      fields.put("present", present);
    }
    fields.put("item." + item + ".action", "DECIDE");
    answers.forEach((key, value) -> fields.put("item." + item + ".field." + key, value));
    fields.put("item." + item + ".for", votesFor);
    fields.put("item." + item + ".against", against);
    fields.put("item." + item + ".abstaining", "1");
    fields.put("handling", action);
    return fields;
  }

  @Test
  void minutesThatContradictTheirOwnVotesOrQuorumDecideNothing() throws Exception {
    ProcessInstance proposal = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Referatangreb"));
    Task waiting = engine.getTaskService().createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:11");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    String item = itemOf(meetingId, waiting);
    String path = "/app/moeder/" + meetingId + "/referat";
    Map<String, String> approve = Map.of("boardDecision", "approve", "approvedLevel", "N1",
        "boardRationale", "Godkendt som indstillet");

    for (String stranger : List.of("bestyrelse", "kommune", "generalforsamling", "forretningsudvalg")) {
      HttpResponse<String> refused = post(stranger, path, minutes(item, "ja", "bestyrelse", "5", "0", approve, "registrer"));
      assertThat(refused.statusCode()).as(stranger + " writes the minutes: " + refused.body()).isEqualTo(403);
    }

    HttpResponse<String> against = post("sekretariat", path, minutes(item, "ja", "bestyrelse", "1", "4", approve, "registrer"));
    assertThat(against.statusCode()).as(against.body()).isEqualTo(400);
    assertThat(against.body()).contains("beslutningen kan ikke være truffet med 1 stemmer for og 4 imod");

    HttpResponse<String> tie = post("sekretariat", path, minutes(item, "ja", "bestyrelse", "3", "3", approve, "gem"));
    assertThat(tie.statusCode()).isEqualTo(400);
    assertThat(tie.body()).contains("med 3 stemmer for og 3 imod");

    HttpResponse<String> nobody = post("sekretariat", path, minutes(item, "ja", null, "5", "0", approve, "registrer"));
    assertThat(nobody.statusCode()).isEqualTo(400);
    assertThat(nobody.body()).contains("ingen af organets medlemmer er markeret som til stede");

    assertThat(jdbc.queryForObject("select minutes_saved_at is null from meeting where id = ?", Boolean.class, meetingId))
        .as("nothing of the refused minutes is saved").isTrue();
    assertThat(proposal).as("and nothing decided").isWaitingAt("UserTask_DecideProposal");
    assertThat(jdbc.queryForObject("select count(*) from governance_decision where process_instance_id = ? "
        + "and body = 'bestyrelse'", Long.class, proposal.getId())).isZero();

    HttpResponse<String> agreed = post("sekretariat", path, minutes(item, "ja", "bestyrelse", "5", "0", approve, "registrer"));
    assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(302);
    assertThat(proposal).hasPassed("UserTask_DecideProposal");
    assertThat(meeting).isEnded();
  }

  @Test
  void theGeneralAssemblyVotesThroughTheMinutesWithTheVotesTheMinutesCount() throws Exception {
    HttpResponse<String> drafted = post("sekretariat", "/app/vedtaegter/licensvilkaar/aendring", Map.of(
        "tekst", "# Standardlicens- og tilslutningsvilkår\n\n## 1 Licens\nNy tekst " + UUID.randomUUID() + "\n",
        "begrundelse", "Vilkårene skal præciseres."));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
    String change = drafted.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/forslag/([^?]+).*", "$1");
    Task recommend = engine.getTaskService().createTaskQuery().processInstanceId(change).singleResult();
    Http board = Http.basic(baseUrl(), "bestyrelse");
    assertThat(board.send(board.request("POST", "/engine-rest/task/" + recommend.getId() + "/submit-form",
        "application/json", EngineCalls.JSON.writeValueAsBytes(EngineCalls.variables(Map.of(
            "boardRecommendation", "recommend", "boardRationale", "Bestyrelsen indstiller forslaget."))))).statusCode())
        .isEqualTo(204);
    Task vote = engine.getTaskService().createTaskQuery().processInstanceId(change).singleResult();
    assertThat(vote.getTaskDefinitionKey()).isEqualTo("UserTask_DecideChange");

    // What the general assembly is shown it votes on, and the meeting the minutes belong to, are the system's.
    for (String variable : List.of("documentKind", "documentTitle", "majorityRule", "draftId")) {
      assertThatThrownBy(() -> engine.getRuntimeService().setVariable(change, variable, "STATUTES"))
          .as(variable).isInstanceOf(ProcessEngineException.class).hasMessageContaining("'" + variable + "'");
    }
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "generalforsamling", "00:12");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    for (String variable : List.of("meetingId", "meetingBody", "meetingStartsAt")) {
      assertThatThrownBy(() -> engine.getRuntimeService().setVariable(meeting.getId(), variable, "bestyrelse"))
          .as(variable).isInstanceOf(ProcessEngineException.class).hasMessageContaining("'" + variable + "'");
    }
    String item = itemOf(meetingId, vote);
    String path = "/app/moeder/" + meetingId + "/referat";
    HttpResponse<String> page = Http.basic(baseUrl(), "sekretariat").send(Http.basic(baseUrl(), "sekretariat")
        .request("GET", path, null, null));
    assertThat(page.body()).as("the vote is typed once, as the item's votes").contains("item." + item + ".for")
        .doesNotContain("item." + item + ".field.votesFor").doesNotContain("item." + item + ".field.quorumMet");

    Map<String, String> adopt = Map.of("assemblyDecision", "adopt", "assemblyNotes", "Afstemning ved håndsoprækning");
    HttpResponse<String> tie = post("sekretariat", path, minutes(item, "ja", "generalforsamling", "10", "10", adopt,
        "registrer"));
    assertThat(tie.statusCode()).as(tie.body()).isEqualTo(400);
    assertThat(tie.body()).contains("kan ikke være vedtaget med 10 stemmer for og 10 imod");
    assertThat(engine.getTaskService().createTaskQuery().taskId(vote.getId()).count()).as("nothing decided").isOne();

    HttpResponse<String> carried = post("sekretariat", path, minutes(item, "ja", "generalforsamling", "12", "10", adopt,
        "registrer"));
    assertThat(carried.statusCode()).as(carried.body()).isEqualTo(302);
    Map<String, Object> adopted = jdbc.queryForMap("select status, votes_for, votes_against, votes_abstaining, "
        + "quorum_met, minutes_reference from statutes_version where process_instance_id = ?", change);
    assertThat(adopted.get("status")).isEqualTo("ADOPTED");
    assertThat(adopted.get("votes_for")).as("the minutes' own count").isEqualTo(12);
    assertThat(adopted.get("votes_against")).isEqualTo(10);
    assertThat(adopted.get("votes_abstaining")).isEqualTo(1);
    assertThat(adopted.get("quorum_met")).isEqualTo(true);
    assertThat((String) adopted.get("minutes_reference")).contains("/app/moeder/" + meetingId);
  }
}
