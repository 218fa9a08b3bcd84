package dk.os2.governance.security;

import static dk.os2.governance.security.EngineCalls.message;
import static dk.os2.governance.security.EngineCalls.snapshot;
import static dk.os2.governance.security.EngineCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.proposal.Proposals;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Threat model, the engine's REST surface: every rule holds for the engine operation, whatever
 * spelling of its URL reached it. For each class of attack, the normal route and its other
 * spellings (the engine alias {@code /engine-rest/engine/default}, a trailing slash,
 * {@code /complete} for {@code /submit-form}, the webapps' API with a Tasklist session) are
 * refused, and nothing changed: products, decisions, processes, tasks and variables. Non-canonical
 * spellings ({@code ;}, {@code //}, {@code /./}, {@code /../}, encoded characters) are refused
 * before anything runs.
 */
class EngineSurfaceTests extends IntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PAYLOAD_USER = "pwned";
  static final String EXPRESSION = "${identityService.saveUser(identityService.newUser('" + PAYLOAD_USER + "'))}";

  @Autowired
  Catalogue catalogue;

  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** A proposal waiting for the secretariat's screening. */
  ProcessInstance proposal() {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(catalogue, Proposals.uniqueName("Angreb"), "N1"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task taskOf(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }


  static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }


  /** A request as an API client (HTTP Basic) or, for paths under /camunda, as a Tasklist session. */
  HttpResponse<String> send(String user, String method, String path, Object body) throws Exception {
    Http http = path.startsWith("/camunda/") ? Http.session(baseUrl(), user) : Http.basic(baseUrl(), user);
    return http.send(http.request(method, path, body == null ? null : "application/json",
        body == null ? null : json(body)), path.startsWith("/camunda/"));
  }


  /** The spellings of one engine operation under the engine's two REST applications. */
  static Stream<String> spellings(String operation) {
    return Stream.of("/engine-rest" + operation, "/engine-rest" + operation + "/",
        "/engine-rest/engine/default" + operation, "/engine-rest/engine/default" + operation + "/",
        "/camunda/api/engine/engine/default" + operation);
  }

  // --- 2 and 4: a completion carries exactly its own form's fields, on every route --------------

  static Stream<String> completionRoutes() {
    return Stream.concat(spellings("/task/{id}/submit-form"), spellings("/task/{id}/complete"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completionRoutes")
  void theSecretariatCannotSetTheBoardsDecisionAtScreening(String route) throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    Map<String, Object> before = snapshot(jdbc, engine, pi);

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("screeningDecision", "forward");
    values.put("screeningComment", "Ok");
    values.put("boardDecision", "approve");
    values.put("approvedLevel", "N3");
    HttpResponse<String> response = send("sekretariat", "POST", route.replace("{id}", taskId), variables(values));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(message(response)).contains("boardDecision").contains("hører ikke til formularen");
    assertThat(snapshot(jdbc, engine, pi)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} carries {1}")
  @MethodSource("identityInjections")
  void noCompletionChangesTheProcessIdentity(String route, String variable, Object value) throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    Map<String, Object> before = snapshot(jdbc, engine, pi);

    HttpResponse<String> response = send("sekretariat", "POST", route.replace("{id}", taskId),
        variables(Map.of("screeningDecision", "forward", "screeningComment", "Ok", variable, value)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(message(response)).contains(variable);
    assertThat(snapshot(jdbc, engine, pi)).isEqualTo(before);
  }

  static Stream<Arguments> identityInjections() {
    List<Object[]> injections = List.of(new Object[] {"productId", "et-andet-produkt"},
        new Object[] {"proposer", "bestyrelse"}, new Object[] {"indicativeLevel", "N3"},
        new Object[] {"requestedLevel", "N3"}, new Object[] {"catalogueReference", "os2-levels@0.1"});
    return completionRoutes().limit(6).flatMap(route -> injections.stream()
        .map(injection -> Arguments.of(route, injection[0], injection[1])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("completionRoutes")
  void aValidCompletionWorksOnEveryRouteOfItsOwnBody(String route) throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    HttpResponse<String> response = send("sekretariat", "POST", route.replace("{id}", taskId),
        variables(Map.of("screeningDecision", "forward", "screeningComment", "Klar til udvalget")));
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
    assertThat(engine.getRuntimeService().getActiveActivityIds(pi.getId())).containsExactly("UserTask_RecommendProposal");
  }

  // --- 1: one canonical URL or a refusal --------------------------------------------------------

  static Stream<String> nonCanonical() {
    return Stream.of("/engine-rest/task/{id}/submit-form;x=1", "/engine-rest/task;x=1/{id}/complete",
        "/engine-rest/task/{id};jsessionid=1/complete", "/engine-rest//task/{id}/complete",
        "/engine-rest/task//{id}/submit-form", "/engine-rest/task/./{id}/complete",
        "/engine-rest/x/../task/{id}/complete", "/engine-rest/task/{id}/%2e/complete",
        "/engine-rest/task/{id}%3Bx=1/complete", "/engine-rest/task/{id}/complete%25",
        "/engine-rest/task/{id}%5Ccomplete", "/engine-rest/task/{id}%2Fcomplete",
        "/camunda/api/engine/engine/default/task;x=1/{id}/complete",
        "/camunda/api/engine/engine/default//task/{id}/submit-form");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonCanonical")
  void aNonCanonicalSpellingIsRefusedBeforeAnythingRuns(String route) throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    Map<String, Object> before = snapshot(jdbc, engine, pi);

    HttpResponse<String> response = send("sekretariat", "POST", route.replace("{id}", taskId),
        variables(Map.of("screeningDecision", "forward", "screeningComment", "Ok", "boardDecision", "approve")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(message(response)).doesNotContainIgnoringCase("exception").doesNotContain("Bad Request");
    assertThat(snapshot(jdbc, engine, pi)).isEqualTo(before);
  }

  @Test
  void theFirewallSaysWhyInDanish() throws Exception {
    HttpResponse<String> response = send("kommune", "GET", "/engine-rest/task;x=1", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response)).contains("Adressen er ikke gyldig");
    assertThat(send("kommune", "GET", "/api/products;x=1", null).statusCode()).isEqualTo(400);
    assertThat(send("kommune", "GET", "/app//produkter", null).statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unusedMethods")
  void methodsNoClientNeedsAreRefusedAndTheApiIsNotDescribedToStrangers(String method, String route) throws Exception {
    Http anonymous = Http.anonymousSession(baseUrl());
    HttpResponse<String> response = anonymous.send(anonymous.request(method, route, null, null));
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).doesNotContain("wadl");
  }

  static Stream<Arguments> unusedMethods() {
    return Stream.of("OPTIONS", "PATCH", "TRACE").flatMap(method -> Stream.of("/engine-rest/engine",
        "/engine-rest/task", "/camunda/api/engine/engine/", "/camunda/api/admin/auth/user/default", "/api/products")
        .map(route -> Arguments.of(method, route)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/products", "/api/products/", "/app/produkter", "/app/produkter/"})
  void withoutLoginAPageGoesToTheLoginAndTheApiAnswers401WhateverTheSpelling(String route) throws Exception {
    Http anonymous = Http.anonymousSession(baseUrl());
    HttpResponse<String> response = anonymous.send(anonymous.request("GET", route, null, null));
    if (route.startsWith("/api")) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(message(response)).contains("logget ind");
    } else {
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("/camunda/app/tasklist/"));
    }
  }

  // --- 3: starts only through the start form; no start instructions -----------------------------

  static Stream<Arguments> startAttacks() {
    return Stream.concat(
        spellings("/process-definition/key/project-proposal/start").map(route -> Arguments.of(route, 403)),
        spellings("/process-definition/key/project-proposal/submit-form").map(route -> Arguments.of(route, 400)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startAttacks")
  void aMunicipalityCannotSkipTheBoardWithStartInstructions(String route, int status) throws Exception {
    ProcessInstance victim = proposal();
    String victimProduct = (String) engine.getRuntimeService().getVariable(victim.getId(), "productId");
    Map<String, Object> before = snapshot(jdbc, engine, victim);
    long processes = engine.getRuntimeService().createProcessInstanceQuery().count();

    Map<String, Object> body = new LinkedHashMap<>(variables(Map.of("boardDecision", "approve",
        "approvedLevel", "N3", "productId", victimProduct)));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
        "activityId", "ServiceTask_RecordBoardDecision")));
    body.put("skipCustomListeners", true);
    body.put("skipIoMappings", true);
    HttpResponse<String> response = send("kommune", "POST", route, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(message(response)).isNotBlank().doesNotContainIgnoringCase("exception");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(processes);
    assertThat(snapshot(jdbc, engine, victim)).isEqualTo(before);
  }

  // --- 3: deny by default -----------------------------------------------------------------------

  /** Operations no body needs: each refused with 403 on the engine and on its alias. */
  static Stream<Arguments> forbiddenOperations() {
    List<String[]> operations = List.of(
        new String[] {"POST", "/process-instance/{pi}/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"ServiceTask_RecordBoardDecision\"}]}"},
        new String[] {"POST", "/modification/execute", "{\"processInstanceIds\":[\"{pi}\"],\"instructions\":[]}"},
        new String[] {"POST", "/migration/execute", "{\"processInstanceIds\":[\"{pi}\"]}"},
        new String[] {"PUT", "/process-instance/{pi}/variables/boardDecision", "{\"value\":\"approve\"}"},
        new String[] {"POST", "/process-instance/{pi}/variables", "{\"modifications\":{\"productId\":{\"value\":\"x\"}}}"},
        new String[] {"DELETE", "/process-instance/{pi}/variables/productId", null},
        new String[] {"PUT", "/task/{task}/variables/boardDecision", "{\"value\":\"approve\"}"},
        new String[] {"POST", "/task/{task}/localVariables", "{\"modifications\":{\"approvedLevel\":{\"value\":\"N3\"}}}"},
        new String[] {"PUT", "/execution/{pi}/localVariables/proposer", "{\"value\":\"bestyrelse\"}"},
        new String[] {"POST", "/task/{task}/bpmnError", "{\"errorCode\":\"x\"}"},
        new String[] {"POST", "/task/{task}/resolve", "{}"},
        new String[] {"POST", "/task/{task}/delegate", "{\"userId\":\"bestyrelse\"}"},
        new String[] {"POST", "/task/{task}/identity-links", "{\"groupId\":\"kommuner\",\"type\":\"candidate\"}"},
        new String[] {"PUT", "/task/{task}", "{\"name\":\"Ny\",\"dueDate\":null}"},
        new String[] {"POST", "/task/create", "{\"id\":\"forfalsket\",\"name\":\"Falsk\"}"},
        new String[] {"POST", "/message", "{\"messageName\":\"x\",\"processInstanceId\":\"{pi}\"}"},
        new String[] {"POST", "/signal", "{\"name\":\"x\"}"},
        new String[] {"PUT", "/process-instance/{pi}/suspended", "{\"suspended\":true}"},
        new String[] {"PUT", "/process-definition/key/project-proposal/suspended", "{\"suspended\":true}"},
        new String[] {"DELETE", "/process-instance/{pi}", null},
        new String[] {"POST", "/process-instance/delete", "{\"processInstanceIds\":[\"{pi}\"]}"},
        new String[] {"PUT", "/job-definition/suspended", "{\"processDefinitionKey\":\"project-proposal\",\"suspended\":true}"},
        new String[] {"POST", "/job/retries", "{\"retries\":0,\"processInstances\":[\"{pi}\"]}"},
        new String[] {"POST", "/user/create", "{\"profile\":{\"id\":\"ny\"},\"credentials\":{\"password\":\"hemmelig1\"}}"},
        new String[] {"POST", "/group/create", "{\"id\":\"nygruppe\",\"name\":\"Ny\"}"},
        new String[] {"PUT", "/group/bestyrelse/members/kommune", null},
        new String[] {"POST", "/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"kommune\",\"resourceType\":0,\"resourceId\":\"*\"}"},
        new String[] {"POST", "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"Min\",\"query\":{}}"},
        new String[] {"PUT", "/user/bestyrelse/credentials", "{\"password\":\"nyt-kodeord1\",\"authenticatedUserPassword\":\"demo\"}"});
    return operations.stream().flatMap(op -> Stream.of(
        Arguments.of(op[0], "/engine-rest" + op[1], op[2]),
        Arguments.of(op[0], "/engine-rest/engine/default" + op[1], op[2])));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("forbiddenOperations")
  void whatNoBodyNeedsIsRefused(String method, String route, String body) throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    Map<String, Object> before = snapshot(jdbc, engine, pi);
    String path = route.replace("{pi}", pi.getId()).replace("{task}", taskId);
    Http http = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> response = http.send(http.request(method, path, body == null ? null : "application/json",
        body == null ? null : body.replace("{pi}", pi.getId()).getBytes(StandardCharsets.UTF_8)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(message(response)).contains("ikke tilladt");
    assertThat(snapshot(jdbc, engine, pi)).isEqualTo(before);
  }

  @Test
  void tasklistsOwnOperationsStillWork() throws Exception {
    ProcessInstance pi = proposal();
    String taskId = taskOf(pi).getId();
    Http session = Http.session(baseUrl(), "sekretariat");
    String base = "/camunda/api/engine/engine/default/task/" + taskId;
    HttpResponse<String> claim = session.send(session.request("POST", base + "/claim", "application/json",
        json(Map.of("userId", "sekretariat"))), true);
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    assertThat(taskOf(pi).getAssignee()).isEqualTo("sekretariat");
    assertThat(session.send(session.request("POST", base + "/comment/create", "application/json",
        json(Map.of("message", "<b>${1+1}</b>"))), true).statusCode())
        .as("comments are not part of the governance model: rationales live in the forms").isEqualTo(403);
    assertThat(session.send(session.request("GET", base + "/form-variables", null, null), false).statusCode())
        .isEqualTo(200);
  }

  // --- 5: queries cannot evaluate expressions ---------------------------------------------------

  String myTasksFilter() {
    return engine.getFilterService().createFilterQuery().filterName("Mine opgaver").singleResult().getId();
  }

  Stream<String> queryRoutes() {
    String filter = myTasksFilter();
    return Stream.of(spellings("/task"), spellings("/task/count"), spellings("/filter/" + filter + "/list"),
        spellings("/filter/" + filter + "/count"), spellings("/filter/" + filter + "/singleResult"))
        .flatMap(s -> s);
  }

  @Test
  void expressionsInOrQueriesAreRefusedOnEveryRoute() throws Exception {
    long users = engine.getIdentityService().createUserQuery().count();
    for (String route : queryRoutes().toList()) {
      for (String user : List.of("kommune", "admin")) {
        HttpResponse<String> response = send(user, "POST", route,
            Map.of("orQueries", List.of(Map.of("dueAfterExpression", EXPRESSION))));
        assertThat(response.statusCode()).as(user + " " + route + ": " + response.body()).isEqualTo(400);
        assertThat(message(response)).contains("Udtryk");
      }
    }
    assertThat(engine.getIdentityService().createUserQuery().userId(PAYLOAD_USER).count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/engine/default/task",
      "/engine-rest/engine/default/task/count/", "/camunda/api/engine/engine/default/task"})
  void expressionsInQueryParametersAreRefused(String route) throws Exception {
    String query = "?dueAfterExpression=" + URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8);
    HttpResponse<String> response = send("kommune", "GET", route + query, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(engine.getIdentityService().createUserQuery().userId(PAYLOAD_USER).count()).isZero();
  }

  @Test
  void aSavedFilterCannotCarryAnExpressionEvenForAnAdministrator() throws Exception {
    long filters = engine.getFilterService().createFilterQuery().count();
    for (String route : List.of("/engine-rest/filter/create", "/engine-rest/engine/default/filter/create")) {
      HttpResponse<String> response = send("admin", "POST", route, Map.of("resourceType", "Task", "name", "Farlig",
          "query", Map.of("orQueries", List.of(Map.of("dueAfterExpression", EXPRESSION)))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);

    // A filter saved with an expression before these rules (here: through the Java API) cannot run.
    Filter planted = engine.getFilterService().newTaskFilter("Plantet");
    planted.setQuery(engine.getTaskService().createTaskQuery().or().dueAfterExpression(EXPRESSION).endOr());
    String id = engine.getFilterService().saveFilter(planted).getId();
    try {
      for (String route : List.of("/engine-rest/filter/" + id + "/list", "/engine-rest/filter/" + id + "/count",
          "/engine-rest/engine/default/filter/" + id + "/singleResult", "/camunda/api/engine/engine/default/filter/" + id + "/list")) {
        for (String method : List.of("GET", "POST")) {
          HttpResponse<String> response = send("admin", method, route, method.equals("POST") ? Map.of() : null);
          assertThat(response.statusCode()).as(method + " " + route + ": " + response.body()).isEqualTo(400);
        }
      }
    } finally {
      engine.getFilterService().deleteFilter(id);
    }
    assertThat(engine.getIdentityService().createUserQuery().userId(PAYLOAD_USER).count()).isZero();

    HttpResponse<String> mine = send("kommune", "POST", "/engine-rest/filter/" + myTasksFilter() + "/list", Map.of());
    assertThat(mine.statusCode()).as("the shipped filters with ${currentUser()} still run").isEqualTo(200);
  }

  // --- CVE-2026-77226: the admin setup stays closed on every spelling ---------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/camunda/api/admin/setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin/setup;x=1/default/user/create",
      "/camunda/api/admin/setup/default;x=1/user/create", "/camunda/api/admin//setup/default/user/create",
      "/camunda/api/admin/./setup/default/user/create"})
  void theAdminSetupIsClosedEvenWhenTheAdminGroupIsEmpty(String route) throws Exception {
    var identity = engine.getIdentityService();
    identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
    try {
      Http anonymous = Http.anonymousSession(baseUrl());
      HttpResponse<String> response = anonymous.send(anonymous.request("POST", route, "application/json",
          json(Map.of("profile", Map.of("id", "angriber", "firstName", "A", "lastName", "B", "email", "a@b.dk"),
              "credentials", Map.of("password", "angriber123")))), true);
      assertThat(response.statusCode()).as(response.body()).isIn(400, 401, 403, 404);
      assertThat(identity.createUserQuery().userId("angriber").count()).isZero();
    } finally {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
  }
}
