package dk.os2.governance.security;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.levels.LevelChanges;
import dk.os2.governance.levels.MemberRole;
import dk.os2.governance.levels.ProductGroups;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.meeting.MeetingFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Threat model, item "a decision belongs to its task": the authorization matrix of every login ×
 * every user task of every process × read, read variables, claim and complete, over real HTTP with
 * Basic authentication on {@code /engine-rest}. Only the task's owner (its candidate group, or its
 * assignee) may claim and complete it. Two designed exceptions, both asserted case by case:
 *
 * <ul>
 *   <li><b>The secretariat reads every task and its variables</b> (it watches every process in
 *       Cockpit: {@code GovernanceIdentity} grants its group READ on every task). It never claims
 *       or completes a task that is not its own.
 *   <li><b>The administrator</b> ({@code camunda-admin}) reads every task and its variables (to
 *       repair processes in Cockpit), but like everyone else never claims or completes a task
 *       that belongs to a body: no login decides in a body's place.
 * </ul>
 *
 * Every user task of every model under {@code bpmn/} is in the matrix (the proposal, level change,
 * evaluation, criteria change, statutes change and meeting processes); a test derived from the models
 * fails when a new task is not. A completion is refused on each of its spellings
 * ({@code /submit-form}, {@code /complete}, with and without the engine alias).
 *
 * Each task is reached by driving its process as the real owners do; for each task, every
 * non-owner tries every action with the very body the owner later submits successfully, and after
 * all refusals the task is still open with the same assignee, candidates and variables. Observed:
 * a login that may not read a task gets 404 for the task itself and 403 for its variables, claim
 * and completion; the matrix accepts either refusal.
 */
class AuthorizationMatrixTests extends IntegrationTests {

  static final String CHAIR = "styreformand";
  static final String SUPPLIER = "leverandoer";
  /** The password the level tests give the product-group people they create (see LevelFixtures). */
  static final String CHAIR_PASSWORD = "hemmeligt-kodeord";
  static final String SECRETARIAT = "sekretariat";
  static final String ADMIN = "admin";

  /** Every login in the matrix: each body, the proposer, a product's steering group, the administrator. */
  static final List<String> USERS = List.of("kommune", SECRETARIAT, "forretningsudvalg", "bestyrelse",
      "koordinationsudvalg", "generalforsamling", CHAIR, ADMIN);

  enum Action {
    READ("read"), VARIABLES("read variables"), CLAIM("claim"), COMPLETE("complete");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  @Autowired
  Catalogue catalogue;

  @Autowired
  Portfolio portfolio;

  @Autowired
  ProductGroups groups;

  @Autowired
  LevelChanges levelChanges;

  @Autowired
  JdbcTemplate jdbc;

  // --- the processes and their tasks -------------------------------------------------------------

  /**
   * One user task as its owner works it. {@code owner} is the one login that owns it;
   * {@code assigneeTask} says whether it is assigned by the process (else offered to a candidate
   * group); {@code body} is a valid submission of the task's form; {@code matrix} says whether the
   * whole matrix runs here (a task met twice on a path, or a step that only leads to another task,
   * is just completed).
   */
  record Stage(String taskKey, String ownerLabel, String owner, boolean assigneeTask,
      Function<Run, Map<String, Object>> body, boolean matrix) {}

  /** A path through one process: how it starts and which tasks it meets, in order. */
  record Chain(String name, Function<Run, String> start, List<Stage> stages, boolean cleanUp) {}

  /** What a chain learns as it runs. */
  static final class Run {
    String processInstanceId;
    String productId;
    String productName;
    String taskId;
    Map<String, Object> before;
    /** For a process about no product (a rule change, a meeting): the variable that says what it is about. */
    String subjectVariable;
    String subjectValue;

    String subjectVariable() {
      return subjectVariable != null ? subjectVariable : "productId";
    }

    String subjectValue() {
      return subjectVariable != null ? subjectValue : productId;
    }

    /** A text of the process that no refusal may show. */
    String marker() {
      return subjectVariable != null ? subjectValue : productName;
    }
  }

  static Stage matrix(String taskKey, String ownerLabel, String owner, Function<Run, Map<String, Object>> body) {
    return new Stage(taskKey, ownerLabel, owner, false, body, true);
  }

  static Stage assigned(String taskKey, String owner, Function<Run, Map<String, Object>> body) {
    return new Stage(taskKey, "assignee " + owner, owner, true, body, true);
  }

  static Stage pass(String taskKey, String ownerLabel, String owner, Function<Run, Map<String, Object>> body) {
    return new Stage(taskKey, ownerLabel, owner, false, body, false);
  }

  List<Chain> chains() {
    Stage screenAndReturn = matrix("UserTask_ScreenProposal", "forretningsledelse", SECRETARIAT,
        run -> values("screeningDecision", "return", "screeningComment", "Uddyb behovet"));
    Stage supplement = assigned("UserTask_SupplementProposal", "kommune", run -> {
      Map<String, Object> values = Proposals.valid(catalogue, run.productName, "N1");
      values.put("supplementResponse", "Behovet er uddybet");
      return values;
    });
    Stage screenAndForward = pass("UserTask_ScreenProposal", "forretningsledelse", SECRETARIAT,
        run -> values("screeningDecision", "forward", "screeningComment", "Klar"));
    Stage recommendProposal = matrix("UserTask_RecommendProposal", "forretningsudvalg", "forretningsudvalg",
        run -> values("committeeRecommendation", "recommend", "recommendedLevel", "N1",
            "committeeRationale", "Anbefales"));
    Stage decideProposal = matrix("UserTask_DecideProposal", "bestyrelse", "bestyrelse",
        run -> values("boardDecision", "approve", "approvedLevel", "N1", "meetingDate", yesterday(),
            "minutesReference", "Referat pkt. 4", "boardRationale", "Godkendt"));
    Stage acknowledge = assigned("UserTask_AcknowledgeOutcome", "kommune", run -> values("outcomeAcknowledged", true));

    Stage selfAssessmentN2 = matrix("UserTask_UpdateSelfAssessment", "the product's steering group", CHAIR,
        run -> answers("N2"));
    Stage recommendLevel = matrix("UserTask_RecommendLevelChange", "forretningsudvalg", "forretningsudvalg",
        run -> values("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar"));
    Stage decideLevel = matrix("UserTask_DecideLevelChange", "bestyrelse", "bestyrelse",
        run -> values("levelDecision", "approve", "meetingDate", yesterday(), "minutesReference", "Referat pkt. 5",
            "levelDecisionRationale", "Godkendt"));
    Stage failingSelfAssessment = pass("UserTask_UpdateSelfAssessment", "the product's steering group", CHAIR,
        run -> answers("N2"));
    Stage revise = assigned("UserTask_ReviseApplication", CHAIR,
        run -> values("revisionDecision", "withdraw", "revisionComment", "Vi finder en leverandør"));
    Stage selfAssessmentN3 = pass("UserTask_UpdateSelfAssessment", "the product's steering group", CHAIR,
        run -> answers("N3"));
    Stage handover = matrix("UserTask_ReviewHandover", "koordinationsudvalg", "koordinationsudvalg",
        run -> values("handoverDecision", "accept", "handoverRationale", "SLA og test er på plads"));

    Stage annualSelfAssessment = matrix("UserTask_UpdateAnnualSelfAssessment", "the product's steering group", CHAIR,
        run -> answers("N2"));
    Stage secretariatReview = matrix("UserTask_ReviewBySecretariat", "forretningsledelse", SECRETARIAT,
        run -> values("secretariatRecommendation", "keep", "secretariatAssessment", "Alt i orden"));
    Stage steeringFollowUp = matrix("UserTask_SteeringGroupFollowUp", "the product's steering group", CHAIR,
        run -> values("steeringFeedback", "Enige", "steeringImprovements", "Bedre dokumentation",
            "governanceReportReference", "https://github.com/OS2/x/blob/main/governance.md"));
    Stage decideAnnual = matrix("UserTask_DecideAnnual", "bestyrelse", "bestyrelse",
        run -> values("annualDecision", "keep", "meetingDate", yesterday(), "minutesReference", "Referat pkt. 6",
            "annualRationale", "Beholdes"));
    Stage vitalSelfAssessment = pass("UserTask_UpdateAnnualSelfAssessment", "the product's steering group", CHAIR,
        run -> answers("N3"));
    Stage secretariatEvaluates = pass("UserTask_ReviewBySecretariat", "forretningsledelse", SECRETARIAT,
        run -> values("secretariatRecommendation", "action", "secretariatAssessment", "Dokumentation mangler"));
    Stage operationsReview = matrix("UserTask_ReviewOperations", "koordinationsudvalg", "koordinationsudvalg",
        run -> values("operationsRecommendation", "keep", "operationsAssessment", "Stabil drift"));
    Stage decideActionPlan = pass("UserTask_DecideAnnual", "bestyrelse", "bestyrelse",
        run -> values("annualDecision", "action", "actionPlan", "Opdatér dokumentationen",
            "followUpDate", LocalDate.now().plusMonths(2).toString(),
            "meetingDate", yesterday(), "minutesReference", "Referat pkt. 7", "annualRationale", "Handlingsplan"));
    Stage followUpActionPlan = matrix("UserTask_FollowUpActionPlan", "forretningsledelse", SECRETARIAT,
        run -> values("actionPlanStatus", "done", "actionPlanFollowUpNote", "Dokumentationen er opdateret"));
    Stage escalation = matrix("UserTask_EscalateOverdueEvaluation", "forretningsledelse", SECRETARIAT,
        run -> values("overdueAction", "Styregruppen afleverer i næste uge"));

    Stage recommendProductCriteria = matrix("UserTask_RecommendProductCriteria", "forretningsudvalg",
        "forretningsudvalg", run -> values("businessRecommendation", "recommend",
            "businessRecommendationRationale", "Drøftet i udvalget"));
    Stage recommendOperationsCriteria = matrix("UserTask_RecommendOperationsCriteria", "koordinationsudvalg",
        "koordinationsudvalg", run -> values("operationsRecommendation", "recommend",
            "operationsRecommendationRationale", "Drøftet i udvalget"));
    Stage decideCriteriaChange = matrix("UserTask_DecideCriteriaChange", "bestyrelse", "bestyrelse",
        run -> values("criteriaDecision", "return", "meetingDate", yesterday(), "minutesReference", "Referat pkt. 8",
            "criteriaDecisionRationale", "Uddyb konsekvenserne"));
    Stage reviseCriteriaChange = matrix("UserTask_ReviseCriteriaChange", "forretningsledelse", SECRETARIAT,
        run -> values("revisionDecision", "withdraw", "revisionComment", "Vi venter til næste år"));

    Stage recommendStatutes = matrix("UserTask_RecommendChange", "bestyrelse", "bestyrelse",
        run -> values("boardRecommendation", "return", "boardRationale", "Præcisér formuleringen"));
    Stage reviseStatutes = matrix("UserTask_ReviseChange", "forretningsledelse", SECRETARIAT,
        run -> values("revisionDecision", "resubmit", "revisionComment", "Rettet som ønsket"));
    Stage recommendStatutesAgain = pass("UserTask_RecommendChange", "bestyrelse", "bestyrelse",
        run -> values("boardRecommendation", "recommend", "boardRationale", "Anbefales"));
    Stage decideStatutes = matrix("UserTask_DecideChange", "generalforsamling", "generalforsamling",
        run -> values("meetingDate", yesterday(), "votesFor", 10, "votesAgainst", 30, "votesAbstaining", 2,
            "quorumMet", true, "assemblyDecision", "reject", "minutesReference", "GF pkt. 4",
            "assemblyNotes", "Afstemning ved håndsoprækning"));

    Stage recordMinutes = matrix("UserTask_RecordMinutes", "forretningsledelse", SECRETARIAT,
        run -> values("minutesConfirmed", true));

    return List.of(
        new Chain("criteria-change, returned and withdrawn", this::criteriaChange,
            List.of(recommendProductCriteria, recommendOperationsCriteria, decideCriteriaChange, reviseCriteriaChange),
            false),
        new Chain("statutes-change, returned, resubmitted, not adopted", this::statutesChange,
            List.of(recommendStatutes, reviseStatutes, recommendStatutesAgain, decideStatutes), false),
        new Chain("governance-meeting, minutes", this::meeting, List.of(recordMinutes), false),
        new Chain("project-proposal", this::propose,
            List.of(screenAndReturn, supplement, screenAndForward, recommendProposal, decideProposal, acknowledge), false),
        new Chain("level-change N1→N2", run -> levelChange(run, "N1", "N2", Setup.COMPLETE_N2),
            List.of(selfAssessmentN2, recommendLevel, decideLevel), false),
        new Chain("level-change N1→N2, failing checks", run -> levelChange(run, "N1", "N2", Setup.NO_SUPPLIER),
            List.of(failingSelfAssessment, revise), false),
        new Chain("level-change N2→N3, handover", run -> levelChange(run, "N2", "N3", Setup.COMPLETE_N3),
            List.of(selfAssessmentN3, handover), true),
        new Chain("annual-evaluation", run -> annualCycle(run, "N2"),
            List.of(annualSelfAssessment, secretariatReview, steeringFollowUp, decideAnnual), true),
        new Chain("annual-evaluation N3, action plan", run -> annualCycle(run, "N3"),
            List.of(vitalSelfAssessment, secretariatEvaluates, operationsReview, decideActionPlan, followUpActionPlan),
            true),
        new Chain("annual-evaluation, overdue", run -> annualCycle(run, "N2"), List.of(escalation), true));
  }

  /**
   * A criteria change of a catalogue of its own (imported first by the administrator) that changes a
   * product criterion and an operations criterion, so both committees recommend.
   */
  String criteriaChange(Run run) {
    String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    String v1;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: os2-levels", "id: " + id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(postText(ADMIN, "/api/catalogues", v1).status()).isEqualTo(201);
    int at = v1.indexOf("id: N1-5");
    String block = v1.substring(at, v1.indexOf("- id:", at));
    String v2 = v1.replace(block, block.replace("mandatory: false", "mandatory: true"))
        .replace("title: Parametrene for \"Overdragelse til drift\" er overholdt",
            "title: Overdragelse til drift er godkendt af Koordinationsudvalget")
        .replace("version: \"1.0\"", "version: \"1.1\"");
    RestClient.Response started = postText(SECRETARIAT, "/api/criteria-changes", v2);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    run.processInstanceId = started.json().path("processInstanceId").asText();
    run.subjectVariable = "catalogueId";
    run.subjectValue = id;
    return run.processInstanceId;
  }

  /** A change of the licence terms drafted by the secretariat on its page (no other change of them runs). */
  String statutesChange(Run run) {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutes-change").list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test: authorization matrix"));
    jdbc.update("delete from statutes_running_change");
    String form = "tekst=" + URLEncoder.encode("# Licensvilkår\n\nMatrix " + UUID.randomUUID() + "\n",
        StandardCharsets.UTF_8) + "&begrundelse=" + URLEncoder.encode("Prøve af rettighederne", StandardCharsets.UTF_8);
    HttpResponse<String> drafted = post(SECRETARIAT, "/app/vedtaegter/licensvilkaar/aendring",
        "application/x-www-form-urlencoded", form);
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
    run.processInstanceId = drafted.headers().firstValue("Location").orElseThrow()
        .replaceAll(".*/forslag/([^?]+).*", "$1");
    run.subjectVariable = "draftId";
    run.subjectValue = (String) engine.getRuntimeService().getVariable(run.processInstanceId, "draftId");
    return run.processInstanceId;
  }

  /** A board meeting held today whose minutes the secretariat has saved on the page (no item reached). */
  String meeting(Run run) {
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:11");
    run.processInstanceId = meeting.getId();
    run.subjectVariable = "meetingId";
    run.subjectValue = MeetingFixtures.meetingId(engine, meeting);
    HttpResponse<String> saved = post(SECRETARIAT, "/app/moeder/" + run.subjectValue + "/referat",
        "application/x-www-form-urlencoded", "quorum=nej&others=");
    assertThat(saved.statusCode()).as(saved.body()).isIn(200, 302, 303);
    return run.processInstanceId;
  }

  String propose(Run run) {
    run.productName = Proposals.uniqueName("Matrix");
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    try {
      run.processInstanceId = engine.getRuntimeService()
          .startProcessInstanceByKey("project-proposal", Proposals.valid(catalogue, run.productName, "N1")).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    run.productId = (String) engine.getRuntimeService().getVariable(run.processInstanceId, "productId");
    return run.processInstanceId;
  }

  enum Setup { COMPLETE_N2, NO_SUPPLIER, COMPLETE_N3 }

  String levelChange(Run run, String from, String to, Setup setup) {
    product(run, from);
    // The chair alone forms the steering group (appointed by the board), so no body's login is in it.
    groups.add(run.productId, GroupKind.STEERING, CHAIR, MemberRole.BOARD_APPOINTEE, "Aarhus Kommune");
    groups.add(run.productId, GroupKind.COORDINATION, "kommune", MemberRole.MUNICIPALITY, "Aarhus Kommune");
    if (setup != Setup.NO_SUPPLIER) {
      groups.add(run.productId, GroupKind.COORDINATION, SUPPLIER, MemberRole.SUPPLIER, "Magenta");
    }
    if (setup == Setup.COMPLETE_N3) {
      // N3: the whole board in the steering group, a board member in the coordination group.
      for (User member : engine.getIdentityService().createUserQuery().memberOfGroup("bestyrelse").list()) {
        groups.add(run.productId, GroupKind.STEERING, member.getId(), MemberRole.BOARD_MEMBER, "OS2");
      }
      groups.add(run.productId, GroupKind.COORDINATION, "bestyrelse", MemberRole.BOARD_MEMBER, "OS2");
    }
    run.processInstanceId = levelChanges.start(run.productId, to, "Produktet bruges nu bredt", CHAIR, false);
    return run.processInstanceId;
  }

  String annualCycle(Run run, String level) {
    product(run, level);
    groups.add(run.productId, GroupKind.STEERING, CHAIR, MemberRole.BOARD_APPOINTEE, "Aarhus Kommune");
    run.processInstanceId = levelChanges.startAnnualCycle(run.productId, true);
    await("the evaluation timer fires").atMost(ofSeconds(60)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceId(run.processInstanceId).taskDefinitionKey("UserTask_UpdateAnnualSelfAssessment").count() == 1);
    return run.processInstanceId;
  }

  /** An active product at a level, used in two municipalities with one code version. */
  void product(Run run, String level) {
    run.productName = Proposals.uniqueName("Matrix");
    run.productId = portfolio.registerProposal(new Portfolio.Proposal(run.productName, "Formål", "Behov",
        "Aarhus Kommune", "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0",
        "https://github.com/OS2/x", level, "kommune", null));
    portfolio.approve(run.productId, level, LocalDate.now().minusYears(1));
    portfolio.usage(run.productId, "Aarhus\nOdense", true);
  }

  void people() {
    IdentityService identity = engine.getIdentityService();
    for (String id : new String[] {CHAIR, SUPPLIER}) {
      if (identity.createUserQuery().userId(id).singleResult() == null) {
        User user = identity.newUser(id);
        user.setEmail(id + "@eksempel.dk");
        user.setPassword(CHAIR_PASSWORD);
        identity.saveUser(user);
      }
    }
  }

  // --- the matrix --------------------------------------------------------------------------------

  /** What a login may do to a task it does not own; the owner may do everything. */
  static int[] expected(Stage stage, String user, Action action) {
    if (user.equals(stage.owner())) {
      return action == Action.CLAIM || action == Action.COMPLETE ? new int[] {204} : new int[] {200};
    }
    if (user.equals(ADMIN)) {
      return switch (action) {
        case READ, VARIABLES -> new int[] {200};
        // Only the task's body claims and completes it, administrators included.
        case CLAIM, COMPLETE -> new int[] {403};
      };
    }
    if (user.equals(SECRETARIAT) && (action == Action.READ || action == Action.VARIABLES)) {
      return new int[] {200}; // the designed exception: the secretariat reads every process for Cockpit
    }
    return new int[] {403, 404};
  }

  static String describe(int[] statuses) {
    return statuses.length > 1 ? "refused (403/404)" : statuses[0] >= 400 ? "refused (" + statuses[0] + ")"
        : "allowed (" + statuses[0] + ")";
  }

  @TestFactory
  Stream<DynamicNode> onlyTheOwnerReadsClaimsAndCompletesEachUserTask() {
    people();
    return chains().stream().map(chain -> {
      Run run = new Run();
      List<DynamicNode> nodes = new ArrayList<>();
      nodes.add(dynamicTest("start " + chain.name(), () -> assertThat(chain.start().apply(run)).isNotBlank()));
      for (Stage stage : chain.stages()) {
        nodes.add(stage.matrix() ? dynamicContainer(stage.taskKey() + " (owner: " + stage.ownerLabel() + ")",
            matrixOf(stage, run)) : dynamicTest(stage.taskKey() + ": " + stage.owner() + " completes it",
            () -> {
              reach(run, stage);
              assertThat(submit(stage.owner(), run, stage).status()).isEqualTo(204);
              assertThat(openTask(run.taskId)).isNull();
            }));
      }
      if (chain.cleanUp()) {
        nodes.add(dynamicTest("clean up", () -> engine.getRuntimeService()
            .deleteProcessInstance(run.processInstanceId, "test: authorization matrix done")));
      } else {
        nodes.add(dynamicTest("the process has ended", () -> assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery().processInstanceId(run.processInstanceId).count()).isZero()));
      }
      return dynamicContainer(chain.name(), nodes);
    });
  }

  List<DynamicNode> matrixOf(Stage stage, Run run) {
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicTest("the process waits at " + stage.taskKey() + " for " + stage.ownerLabel(), () -> {
      reach(run, stage);
      Task task = openTask(run.taskId);
      if (stage.assigneeTask()) {
        assertThat(task.getAssignee()).isEqualTo(stage.owner());
      } else {
        assertThat(task.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(run.taskId))
            .extracting(IdentityLink::getGroupId).hasSize(1).first().satisfies(group -> {
              assertThat(engine.getIdentityService().createUserQuery().userId(stage.owner()).memberOfGroup(group)
                  .count()).as(stage.owner() + " is in the candidate group " + group).isOne();
            });
      }
      run.before = snapshot(run);
    }));
    List<String> others = USERS.stream().filter(u -> !u.equals(stage.owner()) && !u.equals(ADMIN)).toList();
    for (String user : others) {
      for (Action action : Action.values()) {
        nodes.add(attempt(stage, run, user, action));
      }
    }
    nodes.add(dynamicTest("after every refusal the task is open, as it was, with the same variables",
        () -> assertThat(snapshot(run)).isEqualTo(run.before)));
    // The administrator may read, but neither claim nor decide in the body's place.
    for (Action action : Action.values()) {
      nodes.add(attempt(stage, run, ADMIN, action));
    }
    nodes.add(dynamicTest("the task is as it was after the administrator's visit",
        () -> assertThat(snapshot(run)).isEqualTo(run.before)));
    for (Action action : Action.values()) {
      nodes.add(attempt(stage, run, stage.owner(), action));
    }
    nodes.add(dynamicTest("the owner's completion ended the task", () -> assertThat(openTask(run.taskId)).isNull()));
    return nodes;
  }

  DynamicNode attempt(Stage stage, Run run, String user, Action action) {
    int[] statuses = expected(stage, user, action);
    String who = user.equals(stage.owner()) ? user + " (owner)" : user;
    return dynamicTest(action.label + " · " + who + " → " + describe(statuses), () -> {
      RestClient.Response response = switch (action) {
        case READ -> client(user).get("/engine-rest/task/" + run.taskId);
        case VARIABLES -> {
          RestClient.Response variables = client(user).get("/engine-rest/task/" + run.taskId + "/variables");
          RestClient.Response formVariables = client(user).get("/engine-rest/task/" + run.taskId + "/form-variables");
          assertThat(formVariables.status()).as("form-variables as " + user + ": " + formVariables.body())
              .isIn(box(statuses));
          if (formVariables.status() == 200) {
            assertThat(formVariables.json().has(run.subjectVariable())).as(formVariables.body()).isTrue();
          }
          yield variables;
        }
        case CLAIM -> client(user).post("/engine-rest/task/" + run.taskId + "/claim", Map.of("userId", user));
        case COMPLETE -> {
          if (!user.equals(stage.owner())) {
            // The other spellings of a completion are refused alike; the canonical one is checked below.
            for (String route : List.of("/engine-rest/task/{id}/complete", "/engine-rest/engine/default/task/{id}/submit-form",
                "/engine-rest/engine/default/task/{id}/complete")) {
              RestClient.Response other = client(user).post(route.replace("{id}", run.taskId),
                  RestClient.variables(stage.body().apply(run)));
              assertThat(other.status()).as(route + " as " + user + ": " + other.body()).isIn(box(statuses));
            }
          }
          yield submit(user, run, stage);
        }
      };
      assertThat(response.status()).as(action.label + " as " + user + ": " + response.body()).isIn(box(statuses));
      if (response.status() >= 400) {
        assertThat(response.body()).as("a refusal shows nothing of the task").doesNotContain(run.marker());
      }
      if (action == Action.READ && response.status() == 200) {
        assertThat(response.json().path("id").asText()).isEqualTo(run.taskId);
        assertThat(response.json().path("taskDefinitionKey").asText()).isEqualTo(stage.taskKey());
      }
      if (action == Action.VARIABLES && response.status() == 200) {
        assertThat(response.json().path(run.subjectVariable()).path("value").asText()).isEqualTo(run.subjectValue());
      }
      if (action == Action.CLAIM && response.status() == 204) {
        assertThat(openTask(run.taskId).getAssignee()).isEqualTo(user);
        if (!user.equals(stage.owner())) {
          RestClient.Response unclaim = client(user).post("/engine-rest/task/" + run.taskId + "/unclaim", Map.of());
          assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
          assertThat(openTask(run.taskId).getAssignee()).isNull();
        }
      }
    });
  }

  // --- helpers -----------------------------------------------------------------------------------

  void reach(Run run, Stage stage) {
    assertThat(run.processInstanceId).as("the process started").isNotNull();
    // Tracks run side by side, so the task is found by its key. A task behind a timer (an action
    // plan's follow-up date, an evaluation's due date) is reached by firing the process's timers.
    Task task = openTask(run, stage.taskKey());
    if (task == null) {
      engine.getManagementService().createJobQuery().processInstanceId(run.processInstanceId).timers().list()
          .forEach(timer -> engine.getManagementService().executeJob(timer.getId()));
      task = openTask(run, stage.taskKey());
    }
    assertThat(task).as("an open task " + stage.taskKey() + " in " + run.processInstanceId).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(stage.taskKey());
    run.taskId = task.getId();
  }

  Task openTask(Run run, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(run.processInstanceId)
        .taskDefinitionKey(taskKey).singleResult();
  }

  Task openTask(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  /** The task, who may work it, where its process is, all its variables, and its product's record. */
  Map<String, Object> snapshot(Run run) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Task task = openTask(run.taskId);
    facts.put("task", task == null ? null : task.getId() + "/" + task.getTaskDefinitionKey() + "/" + task.getAssignee());
    facts.put("candidates", engine.getTaskService().getIdentityLinksForTask(run.taskId).stream()
        .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId()).sorted().toList());
    facts.put("position", engine.getRuntimeService().getActiveActivityIds(run.processInstanceId));
    facts.put("variables", new TreeMap<>(engine.getRuntimeService().getVariables(run.processInstanceId)).toString());
    facts.put("task variables", new TreeMap<>(engine.getTaskService().getVariablesLocal(run.taskId)).toString());
    if (run.productId != null) {
      facts.put("product", portfolio.product(run.productId).orElseThrow());
      facts.put("decisions", portfolio.decisions(run.productId));
    }
    return facts;
  }

  RestClient.Response postText(String user, String path, String text) {
    HttpResponse<String> response = post(user, path, "text/plain; charset=UTF-8", text);
    return new RestClient.Response(response.statusCode(), response.body());
  }

  HttpResponse<String> post(String user, String path, String contentType, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + (user.equals(CHAIR) ? CHAIR_PASSWORD : "demo")).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- every user task of every model is in the matrix --------------------------------------------

  /**
   * The matrix is derived from the models: every user task of every BPMN file under {@code bpmn/} is
   * a matrix stage of some chain, so a new task cannot be left out.
   */
  @Test
  void theMatrixCoversEveryUserTaskOfEveryModel() throws Exception {
    Set<String> modelled = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(UserTask.class).forEach(task -> modelled.add(task.getId()));
      }
    }
    assertThat(modelled).as("the models' user tasks").contains("UserTask_RecordMinutes", "UserTask_DecideChange",
        "UserTask_DecideCriteriaChange");
    Set<String> inMatrix = chains().stream().flatMap(chain -> chain.stages().stream()).filter(Stage::matrix)
        .map(Stage::taskKey).collect(Collectors.toCollection(TreeSet::new));
    assertThat(inMatrix).as("every user task of every model is in the authorization matrix").isEqualTo(modelled);
  }

  RestClient client(String user) {
    return new RestClient(baseUrl(), user, user.equals(CHAIR) ? CHAIR_PASSWORD : "demo");
  }

  RestClient.Response submit(String user, Run run, Stage stage) {
    return client(user).post("/engine-rest/task/" + run.taskId + "/submit-form",
        RestClient.variables(stage.body().apply(run)));
  }

  Map<String, Object> answers(String level) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      values.put(c.answerVariable(), "Ja");
      values.put(c.documentationVariable(), "Se repository");
    }
    return values;
  }

  static String yesterday() {
    return LocalDate.now().minusDays(1).toString();
  }

  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  static Integer[] box(int[] statuses) {
    return java.util.Arrays.stream(statuses).boxed().toArray(Integer[]::new);
  }
}
