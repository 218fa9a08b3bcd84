package dk.os2.governance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What each body sees in its task list and count, on the REST API Tasklist and API clients use,
 * with the engine's authorization checks as application.yml sets them (revokes checked always): a body sees exactly the
 * tasks offered to its groups or assigned to it, never another body's, in the list, the count and
 * Tasklist's POST query alike.
 */
class TaskVisibilityTests extends IntegrationTests {

  /** The bodies that see only their own tasks (the secretariat reads every task by design). */
  static final List<String> BODIES = List.of("forretningsudvalg", "bestyrelse", "koordinationsudvalg");

  @Autowired
  Catalogue catalogue;

  String atScreening;
  String atCommittee;
  String atBoard;

  /** Three proposals, one waiting for each of the secretariat, the committee and the board. */
  @BeforeEach
  void proposals() {
    atScreening = openTask(proposal(0), "forretningsledelse");
    atCommittee = openTask(proposal(1), "forretningsudvalg");
    atBoard = openTask(proposal(2), "bestyrelse");
  }

  @Test
  void each_body_sees_exactly_its_own_tasks_in_the_list_the_count_and_tasklists_query() {
    for (String body : BODIES) {
      RestClient client = RestClient.as(baseUrl(), body);
      Set<String> groups = groupsOf(body);
      Set<String> own = ownTasks(body, groups);

      // Everything the body may see, unfiltered: exactly its own tasks.
      assertThat(ids(client.get("/engine-rest/task?maxResults=5000"))).as(body + ", all tasks").isEqualTo(own);
      assertThat(client.get("/engine-rest/task/count").json().get("count").asLong()).as(body + ", count")
          .isEqualTo(own.size());

      for (String group : groups) {
        Set<String> offered = ids(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).list());
        assertThat(ids(client.get("/engine-rest/task?candidateGroup=" + group
            + "&firstResult=0&maxResults=5000&sortBy=created&sortOrder=desc")))
            .as(body + ", candidateGroup=" + group).isEqualTo(offered);
        assertThat(client.get("/engine-rest/task/count?candidateGroup=" + group).json().get("count").asLong())
            .isEqualTo(offered.size());
        Map<String, Object> tasklist = tasklistQuery(group);
        Set<String> offeredOrAssigned = ids(engine.getTaskService().createTaskQuery().taskCandidateGroup(group)
            .includeAssignedTasks().list());
        assertThat(ids(client.post("/engine-rest/task?firstResult=0&maxResults=5000", tasklist)))
            .as(body + ", Tasklist's query for " + group).isEqualTo(offeredOrAssigned);
        assertThat(client.post("/engine-rest/task/count", tasklist).json().get("count").asLong())
            .isEqualTo(offeredOrAssigned.size());
      }

      // Another body's group asked for by name: nothing, not even a count.
      for (String other : List.of("forretningsledelse", "forretningsudvalg", "bestyrelse")) {
        if (!groups.contains(other)) {
          assertThat(client.get("/engine-rest/task?candidateGroup=" + other).json()).as(body + " asks for " + other)
              .isEmpty();
          assertThat(client.get("/engine-rest/task/count?candidateGroup=" + other).json().get("count").asLong())
              .isZero();
          assertThat(client.post("/engine-rest/task", tasklistQuery(other)).json()).isEmpty();
        }
      }
    }

    // The three proposals' tasks, each where it belongs.
    RestClient committee = RestClient.as(baseUrl(), "forretningsudvalg");
    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    assertThat(ids(committee.get("/engine-rest/task?maxResults=5000"))).contains(atCommittee)
        .doesNotContain(atScreening, atBoard);
    assertThat(ids(board.get("/engine-rest/task?maxResults=5000"))).contains(atBoard)
        .doesNotContain(atScreening, atCommittee);
    assertThat(ids(RestClient.as(baseUrl(), "sekretariat").get("/engine-rest/task?maxResults=5000")))
        .contains(atScreening, atCommittee, atBoard);
  }

  @Test
  void a_revoke_an_administrator_creates_in_admin_takes_effect_at_once() {
    RestClient board = RestClient.as(baseUrl(), "bestyrelse");
    assertThat(ids(board.get("/engine-rest/task?maxResults=5000"))).contains(atBoard);

    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getAuthorizationCheckRevokes()).isEqualTo("always");
    // A revoke for the user (Camunda weighs a group's grant on the task above a group's revoke).
    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("bestyrelse");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(atBoard);
    revoke.removePermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(revoke);
    try {
      // No restart: revokes are checked on every query.
      assertThat(ids(board.get("/engine-rest/task?maxResults=5000"))).doesNotContain(atBoard);
      assertThat(ids(board.post("/engine-rest/task?firstResult=0&maxResults=5000", tasklistQuery("bestyrelse"))))
          .doesNotContain(atBoard);
    } finally {
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    }
    assertThat(ids(board.get("/engine-rest/task?maxResults=5000"))).contains(atBoard);
  }

  @Autowired
  GovernanceIdentity governanceIdentity;

  @Test
  void a_global_authorization_an_earlier_version_left_on_processes_is_removed_at_start_and_cards_stay_readable()
      throws Exception {
    var authorizations = engine.getAuthorizationService();
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setUserId(Authorization.ANY);
    global.setResource(Resources.PROCESS_INSTANCE);
    global.setResourceId(Authorization.ANY);
    global.addPermission(Permissions.CREATE);
    authorizations.saveAuthorization(global);

    // With it, a global authorization counts as a revoke of READ: the board's card variables vanish.
    assertThat(cardVariables("bestyrelse", atBoard)).isEmpty();

    governanceIdentity.run(null);

    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).userIdIn(Authorization.ANY)
        .list()).noneMatch(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL);
    assertThat(cardVariables("bestyrelse", atBoard)).containsKeys(TaskCards.PRODUCT, TaskCards.LEVEL);
    // The municipalities still start proposals (granted to their group now).
    assertThat(proposal(0)).isNotBlank();
  }

  @Test
  void the_card_shows_the_product_and_level_and_leaves_no_history_of_its_own() {
    Task task = engine.getTaskService().createTaskQuery().taskId(atBoard).singleResult();
    Object productName = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "productName");
    assertThat(cardVariables("bestyrelse", atBoard)).containsEntry(TaskCards.PRODUCT, productName.toString())
        .containsKey(TaskCards.LEVEL);

    // The card's variables copy the process's: history keeps the originals, not the copies.
    var history = engine.getHistoryService();
    assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(atBoard).list()).as("the card's copies")
        .isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("productName").singleResult().getValue()).as("the original").isEqualTo(productName);
  }

  /** The card variables Tasklist's filter shows for one task, read as the user the way Tasklist reads them. */
  Map<String, String> cardVariables(String user, String taskId) {
    RestClient client = RestClient.as(baseUrl(), user);
    String filter = engine.getFilterService().createTaskFilterQuery().filterName(Body.BESTYRELSE.filterName())
        .singleResult().getId();
    RestClient.Response response = client.postHal("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=5000", Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Map<String, String> variables = new LinkedHashMap<>();
    for (JsonNode task : response.json().path("_embedded").path("task")) {
      if (task.path("id").asText().equals(taskId)) {
        for (JsonNode variable : task.path("_embedded").path("variable")) {
          variables.put(variable.path("name").asText(), variable.path("value").asText());
        }
      }
    }
    return variables;
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A proposal started by a municipality and moved on {@code steps} steps by its bodies. */
  String proposal(int steps) {
    var identity = engine.getIdentityService();
    identity.setAuthentication("kommune", List.of("kommuner"));
    String pi;
    try {
      pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(catalogue, Proposals.uniqueName("Synlighed"), "N1")).getId();
    } finally {
      identity.clearAuthentication();
    }
    if (steps >= 1) {
      complete(pi, "sekretariat", "forretningsledelse", Map.of("screeningDecision", "forward", "screeningComment", "Ok"));
    }
    if (steps >= 2) {
      complete(pi, "forretningsudvalg", "forretningsudvalg", Map.of("committeeRecommendation", "recommend",
          "recommendedLevel", "N1", "committeeRationale", "Anbefales"));
    }
    return pi;
  }

  void complete(String pi, String user, String group, Map<String, Object> values) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
      engine.getTaskService().complete(task.getId(), values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String openTask(String pi, String candidateGroup) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup(candidateGroup).count())
        .as("the proposal waits for " + candidateGroup).isEqualTo(1);
    return task.getId();
  }

  Set<String> groupsOf(String user) {
    Set<String> groups = new TreeSet<>();
    for (Group group : engine.getIdentityService().createGroupQuery().groupMember(user).list()) {
      groups.add(group.getId());
    }
    return groups;
  }

  /**
   * The open tasks offered to one of the user's groups, assigned to the user or granted to the user
   * by name (Camunda grants a task to whoever claimed it), read from the engine without a login.
   */
  Set<String> ownTasks(String user, Set<String> groups) {
    Set<String> own = new HashSet<>(ids(engine.getTaskService().createTaskQuery().taskAssignee(user).list()));
    own.addAll(ids(engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.copyOf(groups))
        .includeAssignedTasks().list()));
    Set<String> open = ids(engine.getTaskService().createTaskQuery().list());
    for (Authorization grant : engine.getAuthorizationService().createAuthorizationQuery().userIdIn(user)
        .resourceType(Resources.TASK).list()) {
      if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && grant.isPermissionGranted(Permissions.READ)
          && open.contains(grant.getResourceId())) {
        own.add(grant.getResourceId());
      }
    }
    return own;
  }

  static Map<String, Object> tasklistQuery(String group) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("candidateGroups", List.of(group));
    query.put("withCandidateGroups", true);
    query.put("includeAssignedTasks", true);
    query.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    return query;
  }

  static Set<String> ids(List<Task> tasks) {
    Set<String> ids = new HashSet<>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }

  static Set<String> ids(RestClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    for (JsonNode task : response.json()) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }
}
