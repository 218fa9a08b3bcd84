package dk.os2.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.proposal.Proposals;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meeting process on PostgreSQL: the agenda assembles itself, the secretariat's minutes carry
 * each decision back to the process waiting for it (approve, reject, return), a meeting without
 * quorum decides nothing, an item not reached moves to the next meeting, and a decision taken
 * directly in its own task leaves the agenda without failing the minutes.
 */
class MeetingProcessTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  MeetingStore store;

  @Autowired
  RecordMinutes minutes;

  MeetingStore.Item item(String meetingId, String taskId) {
    return store.items(meetingId).stream().filter(i -> taskId.equals(i.taskId())).findFirst().orElseThrow(
        () -> new AssertionError("task " + taskId + " is not on the agenda of meeting " + meetingId));
  }

  static Minutes.Typed decide(Map<String, String> answers, int votesFor) {
    return new Minutes.Typed("DECIDE", answers, String.valueOf(votesFor), "0", "1", "Drøftet på mødet");
  }

  List<String> save(String meetingId, boolean quorum, Map<String, Minutes.Typed> byTask) {
    Map<String, Minutes.Typed> byItem = new LinkedHashMap<>();
    byTask.forEach((taskId, typed) -> byItem.put(item(meetingId, taskId).id(), typed));
    return minutes.save(meetingId, new RecordMinutes.Input(quorum, List.of("bestyrelse"), "Sekretariatet", byItem),
        "sekretariat");
  }

  /** The secretariat completes its minutes task through the engine's REST API, as Tasklist does. */
  RestClient.Response register(ProcessInstance meeting, String user) {
    return RestClient.as(baseUrl(), user).post("/engine-rest/task/"
        + MeetingFixtures.minutesTask(engine, meeting).getId() + "/submit-form",
        RestClient.variables(Map.of("minutesConfirmed", true)));
  }

  Decision boardDecision(String productId) {
    return portfolio.decisions(productId).stream().filter(d -> "bestyrelse".equals(d.body())).findFirst()
        .orElseThrow();
  }

  @Test
  void theMinutesCarryApproveRejectAndReturnIntoTheWaitingProcesses() {
    ProcessInstance approved = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-godkend"));
    ProcessInstance rejected = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-afvis"));
    ProcessInstance returned = MeetingFixtures.levelChangeAtTheBoard(baseUrl(), engine, catalogue, portfolio, groups);
    String approvedTask = task(approved).getId();
    String rejectedTask = task(rejected).getId();
    String returnedTask = task(returned).getId();

    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:01");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    assertThat(store.items(meetingId)).extracting(MeetingStore.Item::taskId)
        .as("every decision waiting for the board is on the agenda").contains(approvedTask, rejectedTask, returnedTask);

    List<String> problems = save(meetingId, true, Map.of(
        approvedTask, decide(Map.of("boardDecision", "approve", "approvedLevel", "N1", "boardRationale",
            "Godkendt som indstillet"), 5),
        rejectedTask, decide(Map.of("boardDecision", "reject", "boardRationale", "Ikke relevant for OS2",
            "boardJustification", "Bestyrelsen afviger fra indstillingen: behovet er dækket"), 4),
        returnedTask, decide(Map.of("levelDecision", "return", "levelDecisionRationale", "Uddyb driftsaftalen",
            "levelDecisionJustification", "Indstillingen mangler driftsaftalen"), 6)));
    assertThat(problems).isEmpty();
    assertThat(approved).as("saving the minutes decides nothing yet").isWaitingAt("UserTask_DecideProposal");

    assertThat(register(meeting, "bestyrelse").status())
        .as("the board cannot complete the secretariat's minutes task").isEqualTo(403);
    RestClient.Response registered = register(meeting, "sekretariat");
    assertThat(registered.status()).as(registered.body()).isEqualTo(204);

    assertThat(meeting).isEnded();
    String approvedProduct = portfolio.proposedIn(approved.getId()).orElseThrow().id();
    assertThat(portfolio.product(approvedProduct).orElseThrow().status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(portfolio.product(approvedProduct).orElseThrow().level()).isEqualTo("N1");
    assertThat(approved).hasPassed("UserTask_DecideProposal");
    assertThat(portfolio.proposedIn(rejected.getId()).orElseThrow().status()).isEqualTo(ProductStatus.REJECTED);
    assertThat(returned).isWaitingAt("UserTask_RecommendLevelChange");

    Decision decision = boardDecision(approvedProduct);
    assertThat(decision.outcome()).isEqualTo("approve");
    assertThat(decision.meetingDate()).isEqualTo(LocalDate.now());
    assertThat(decision.minutesReference()).contains("/app/moeder/" + meetingId + "/referat/dokument")
        .contains("punkt");
    assertThat(decision.decidedBy()).as("who recorded the minutes").isEqualTo("sekretariat");
    assertThat(item(meetingId, approvedTask).status()).isEqualTo("DECIDED");
    assertThat(store.find(meetingId).orElseThrow().minutesRecordedBy()).isEqualTo("sekretariat");

    RestClient.Response product = RestClient.as(baseUrl(), "kommune").get("/app/produkter/" + approvedProduct);
    assertThat(product.body()).as("the product's history links to the minutes")
        .contains("href=\"/app/moeder/" + meetingId + "/referat/dokument\"");
    RestClient.Response document = RestClient.as(baseUrl(), "kommune").get("/app/moeder/" + meetingId + "/referat/dokument");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body()).contains("Godkendt af bestyrelsen").contains("Afvist af bestyrelsen")
        .contains("Bestyrelsen afviger fra indstillingen").contains("For: 5, imod: 0, undlod: 1")
        .contains("Beslutningsdygtigt:").contains("Til stede");
    RestClient.Response pdf = RestClient.as(baseUrl(), "sekretariat").get("/app/moeder/" + meetingId + "/referat.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF");
  }

  @Test
  void withoutQuorumNoDecisionIsTakenAndTheItemIsOnTheNextMeetingsAgenda() {
    ProcessInstance waiting = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-kvorum"));
    String taskId = task(waiting).getId();
    ProcessInstance first = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:02");
    String firstId = MeetingFixtures.meetingId(engine, first);
    assertThat(save(firstId, false, Map.of(taskId, decide(Map.of("boardDecision", "approve", "approvedLevel", "N1",
        "boardRationale", "Godkendt"), 2)))).isEmpty();
    assertThat(register(first, "sekretariat").status()).isEqualTo(204);

    assertThat(waiting).as("no quorum: no decision").isWaitingAt("UserTask_DecideProposal");
    assertThat(portfolio.decisions(portfolio.proposedIn(waiting.getId()).orElseThrow().id()))
        .extracting(Decision::body).doesNotContain("bestyrelse");
    assertThat(item(firstId, taskId).status()).isEqualTo("NO_QUORUM");

    ProcessInstance next = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:03");
    String nextId = MeetingFixtures.meetingId(engine, next);
    assertThat(item(nextId, taskId).status()).as("the item moved on to the next meeting").isEqualTo("OPEN");
    RestClient.Response page = RestClient.as(baseUrl(), "sekretariat").get("/app/moeder/" + nextId + "/referat");
    assertThat(page.body()).contains("Udskudt fra Bestyrelsesmøde");
  }

  @Test
  void anItemNotReachedMovesToTheNextMeetingWhichDecidesIt() {
    ProcessInstance waiting = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-udskudt"));
    String taskId = task(waiting).getId();
    ProcessInstance first = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:04");
    String firstId = MeetingFixtures.meetingId(engine, first);
    assertThat(save(firstId, true, Map.of(taskId,
        new Minutes.Typed("NOT_REACHED", Map.of(), null, null, null, "Nåede ikke punktet")))).isEmpty();
    assertThat(register(first, "sekretariat").status()).isEqualTo(204);
    assertThat(waiting).isWaitingAt("UserTask_DecideProposal");
    assertThat(item(firstId, taskId).status()).isEqualTo("NOT_REACHED");

    ProcessInstance next = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:05");
    String nextId = MeetingFixtures.meetingId(engine, next);
    assertThat(save(nextId, true, Map.of(taskId, decide(Map.of("boardDecision", "approve", "approvedLevel", "N1",
        "boardRationale", "Godkendt på næste møde"), 5)))).isEmpty();
    assertThat(register(next, "sekretariat").status()).isEqualTo(204);
    assertThat(waiting).hasPassed("UserTask_DecideProposal");
    assertThat(boardDecision(portfolio.proposedIn(waiting.getId()).orElseThrow().id()).minutesReference())
        .contains(nextId);
  }

  @Test
  void aDecisionTakenInItsOwnTaskLeavesTheAgendaAndTheMinutesSkipIt() {
    ProcessInstance waiting = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-direkte"));
    String taskId = task(waiting).getId();
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:06");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    assertThat(save(meetingId, true, Map.of(taskId, decide(Map.of("boardDecision", "approve", "approvedLevel", "N1",
        "boardRationale", "Godkendt på mødet"), 5)))).isEmpty();

    complete(task(waiting), Map.of("boardDecision", "reject", "approvedLevel", "N1", "meetingDate",
        LocalDate.now().toString(), "minutesReference", "Skriftlig behandling", "boardRationale", "Afvist i opgaven",
        "boardJustification", "Afgjort skriftligt"));
    RestClient.Response page = RestClient.as(baseUrl(), "bestyrelse").get("/app/moeder/" + meetingId);
    assertThat(page.body()).contains("Afgjort direkte i opgaven");

    RestClient.Response registered = register(meeting, "sekretariat");
    assertThat(registered.status()).as("the minutes do not fail on a task that is gone: " + registered.body())
        .isEqualTo(204);
    assertThat(item(meetingId, taskId).status()).isEqualTo("DECIDED_IN_TASK");
    String product = portfolio.proposedIn(waiting.getId()).orElseThrow().id();
    assertThat(portfolio.decisions(product).stream().filter(d -> "bestyrelse".equals(d.body())).toList())
        .as("only the decision taken in the task").singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo("reject"));
    assertThat(RestClient.as(baseUrl(), "sekretariat").get("/app/moeder/" + meetingId + "/referat/dokument").body())
        .contains("Afgjort direkte i opgaven før referatet – sprunget over");
  }

  @Test
  void aDecisionTheItemsOwnFormWouldRefuseIsRefusedInDanishAndNothingIsSaved() {
    ProcessInstance waiting = MeetingFixtures.proposalAtTheBoard(engine, catalogue, Proposals.uniqueName("Møde-fejl"));
    String taskId = task(waiting).getId();
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:07");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    List<String> problems = save(meetingId, true, Map.of(taskId, decide(Map.of("boardDecision", "approve",
        "boardRationale", "Godkendt"), 5)));
    assertThat(problems).isNotEmpty().allMatch(p -> p.startsWith("Punkt "));
    assertThat(String.join(" ", problems)).contains("niveau");
    assertThat(problems).as("invalid votes").isNotEmpty();
    assertThat(save(meetingId, true, Map.of(taskId, new Minutes.Typed("DECIDE", Map.of("boardDecision", "approve",
        "approvedLevel", "N1", "boardRationale", "Godkendt"), "fem", null, null, null))))
        .anyMatch(p -> p.contains("«For» skal være et helt tal"));
    assertThat(store.find(meetingId).orElseThrow().minutesSavedAt()).as("nothing saved").isNull();
    assertThat(item(meetingId, taskId).minutesAction()).isNull();

    RestClient.Response early = register(meeting, "sekretariat");
    assertThat(early.status()).as("minutes not filled in yet").isIn(400, 500);
    assertThat(early.body()).contains("Udfyld referatet");
    assertThat(meeting).isWaitingAt("UserTask_RecordMinutes");
  }

  @Test
  void onlyTheSecretariatPlansAMeetingAndThePlanIsCheckedInDanish() {
    RestClient.Response byBoard = RestClient.as(baseUrl(), "bestyrelse").post(
        "/engine-rest/process-definition/key/governance-meeting/submit-form", RestClient.variables(Map.of(
            "meetingBody", "bestyrelse", "plannedDate", "01-12-2099", "plannedTime", "17:00", "meetingPlace", "Online")));
    assertThat(byBoard.status()).isIn(403, 400, 500);
    RestClient.Response badDate = RestClient.as(baseUrl(), "sekretariat").post(
        "/engine-rest/process-definition/key/governance-meeting/submit-form", RestClient.variables(Map.of(
            "meetingBody", "bestyrelse", "plannedDate", "31-02-2099", "plannedTime", "25:00", "meetingPlace", "Online")));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("findes ikke").contains("Klokkeslæt");
    RestClient.Response past = RestClient.as(baseUrl(), "sekretariat").post(
        "/engine-rest/process-definition/key/governance-meeting/submit-form", RestClient.variables(Map.of(
            "meetingBody", "bestyrelse", "plannedDate", "01-01-2020", "plannedTime", "17:00", "meetingPlace", "Online")));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("før i dag");
    RestClient.Response planned = RestClient.as(baseUrl(), "sekretariat").post(
        "/engine-rest/process-definition/key/governance-meeting/submit-form", RestClient.variables(Map.of(
            "meetingBody", "generalforsamling", "plannedDate", "01-12-2099", "plannedTime", "17:00",
            "meetingPlace", "https://moede.os2.eu/gf")));
    assertThat(planned.status()).as(planned.body()).isEqualTo(200);
    String id = planned.json().path("id").asText();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult())
        .as("the meeting waits for its agenda's day").isNotNull();
    String meetingId = store.byProcess(id).orElseThrow().id();
    assertThat(store.items(meetingId)).extracting(MeetingStore.Item::link)
        .as("the general assembly gets the board's annual portfolio report").contains("/app/rapporter/generalforsamling");
    assertThat(RestClient.as(baseUrl(), "kommune").get("/app/moeder/" + meetingId).status()).isEqualTo(403);
    assertThat(RestClient.as(baseUrl(), "generalforsamling").get("/app/moeder/" + meetingId).status()).isEqualTo(200);
    engine.getRuntimeService().deleteProcessInstance(id, "test");
  }
}
