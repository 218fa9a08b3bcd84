package dk.os2.benchmark;

import static dk.os2.governance.RestClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.proposal.Proposals;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The three lifecycles as people drive them through the engine REST API (and the application's
 * own API where it starts a process), each step one request for the task as its body and one form
 * submission with the same variables on both sides. The bare engine gets exactly the same bodies.
 */
final class Lifecycles {

  /** Runs one step; the counting run measures around it. */
  interface Steps {
    void step(String label, Runnable action);
  }

  static final Steps PLAIN = (label, action) -> action.run();

  private final Catalogue catalogue;

  Lifecycles(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Proposal → board decision: start + 4 completions. Returns the process instance. */
  String proposal(Side side, boolean app, String name, Steps steps) {
    String[] pi = new String[1];
    String start = app ? "/engine-rest/process-definition/key/project-proposal/submit-form"
        : "/engine-rest/process-definition/key/bare-proposal/submit-form";
    steps.step("start", () -> pi[0] = ok(side.as("kommune").post(start, variables(Proposals.valid(catalogue, name, "N1"))), 200)
        .json().path("id").asText());
    steps.step("screen", () -> complete(side, "sekretariat", pi[0], app ? "UserTask_ScreenProposal" : "UserTask_Screen",
        Map.of("screeningDecision", "forward", "screeningComment", "Ok")));
    steps.step("recommend", () -> complete(side, "forretningsudvalg", pi[0],
        app ? "UserTask_RecommendProposal" : "UserTask_Recommend",
        Map.of("committeeRecommendation", "recommend", "recommendedLevel", "N1", "committeeRationale", "Anbefales")));
    steps.step("decide", () -> complete(side, "bestyrelse", pi[0], app ? "UserTask_DecideProposal" : "UserTask_Decide",
        Map.of("boardDecision", "approve", "approvedLevel", "N1", "meetingDate", LocalDate.now().minusDays(1).toString(),
            "minutesReference", "Referat pkt. 4", "boardRationale", "Godkendt på mødet")));
    steps.step("acknowledge", () -> complete(side, "kommune", pi[0],
        app ? "UserTask_AcknowledgeOutcome" : "UserTask_Acknowledge", Map.of("outcomeAcknowledged", true)));
    return pi[0];
  }

  /**
   * What the secretariat does before a level change (not measured): the product's usage and its
   * groups as N3 asks. Returns the product's id (the application), or the name (the bare engine).
   */
  String prepareProduct(Side side, boolean app, String name) {
    if (!app) {
      return name;
    }
    RestClient secretariat = side.as("sekretariat");
    JsonNode found = ok(secretariat.get("/api/products?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), 200).json();
    String product = found.path("items").get(0).path("id").asText();
    ok(secretariat.put("/api/products/" + product + "/usage",
        Map.of("municipalities", List.of("Aarhus Kommune", "Odense Kommune"), "singleCodeVersion", true)), 204);
    member(secretariat, product, "STEERING", "bestyrelse", "BOARD_MEMBER", "OS2");
    member(secretariat, product, "STEERING", "styreformand", "PARTICIPANT", "Aarhus Kommune");
    member(secretariat, product, "COORDINATION", "kommune", "MUNICIPALITY", "Aarhus Kommune");
    member(secretariat, product, "COORDINATION", "leverandoer", "SUPPLIER", "Magenta");
    member(secretariat, product, "COORDINATION", "bestyrelse", "BOARD_MEMBER", "OS2");
    return product;
  }

  private static void member(RestClient secretariat, String product, String kind, String user, String role, String organisation) {
    ok(secretariat.post("/api/products/" + product + "/groups/" + kind + "/members",
        Map.of("userId", user, "role", role, "organisation", organisation)), 201);
  }

  /** N1 → N3 with the handover: start + 4 completions. */
  String levelChange(Side side, boolean app, String product, Steps steps) {
    String[] pi = new String[1];
    Map<String, Object> request = Map.of("targetLevel", "N3", "reason", "Produktet bruges nu bredt og er klar til drift");
    steps.step("start", () -> pi[0] = app
        ? ok(side.as("styreformand").post("/api/products/" + product + "/level-changes", request), 201)
            .json().path("processInstanceId").asText()
        : ok(side.as("styreformand").post("/engine-rest/process-definition/key/bare-level-change/submit-form",
            variables(request)), 200).json().path("id").asText());
    steps.step("self-assessment", () -> complete(side, "styreformand", pi[0],
        app ? "UserTask_UpdateSelfAssessment" : "UserTask_SelfAssessment", answers("N3")));
    steps.step("handover", () -> complete(side, "koordinationsudvalg", pi[0],
        app ? "UserTask_ReviewHandover" : "UserTask_Handover",
        Map.of("handoverDecision", "accept", "handoverRationale", "SLA og test er på plads")));
    steps.step("recommend", () -> complete(side, "forretningsudvalg", pi[0],
        app ? "UserTask_RecommendLevelChange" : "UserTask_Recommend",
        Map.of("levelRecommendation", "recommend", "levelRecommendationRationale", "Klar")));
    steps.step("decide", () -> complete(side, "bestyrelse", pi[0], app ? "UserTask_DecideLevelChange" : "UserTask_Decide",
        board("levelDecision", "approve", "levelDecisionRationale")));
    return pi[0];
  }

  /** An N3 product's evaluation brought forward by the secretariat: start (timer) + 5 completions. */
  String evaluation(Side side, boolean app, String product, Steps steps) {
    String[] pi = new String[1];
    steps.step("start", () -> pi[0] = app
        ? ok(side.as("sekretariat").post("/api/products/" + product + "/annual-evaluations", Map.of()), 200, 201)
            .json().path("processInstanceId").asText()
        : ok(side.as("sekretariat").post("/engine-rest/process-definition/key/bare-evaluation/submit-form",
            variables(Map.of())), 200).json().path("id").asText());
    steps.step("self-assessment", () -> complete(side, "styreformand", pi[0],
        app ? "UserTask_UpdateAnnualSelfAssessment" : "UserTask_SelfAssessment", answers("N3")));
    steps.step("secretariat", () -> complete(side, "sekretariat", pi[0],
        app ? "UserTask_ReviewBySecretariat" : "UserTask_Secretariat",
        Map.of("secretariatRecommendation", "keep", "secretariatAssessment", "Produktet lever op til N3")));
    steps.step("operations", () -> complete(side, "koordinationsudvalg", pi[0],
        app ? "UserTask_ReviewOperations" : "UserTask_Operations",
        Map.of("operationsRecommendation", "keep", "operationsAssessment", "Driften kører stabilt")));
    steps.step("decide", () -> complete(side, "bestyrelse", pi[0], app ? "UserTask_DecideAnnual" : "UserTask_Decide",
        board("annualDecision", "keep", "annualRationale")));
    steps.step("follow-up", () -> complete(side, "styreformand", pi[0],
        app ? "UserTask_SteeringGroupFollowUp" : "UserTask_FollowUp",
        Map.of("steeringFeedback", "Forstået", "steeringImprovements", "Vi samler brugerne",
            "governanceReportReference", "governance.md version 2")));
    return pi[0];
  }

  Map<String, Object> answers(String level) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      values.put(c.answerVariable(), "Ja");
      values.put(c.documentationVariable(), "Se repository");
    }
    return values;
  }

  static Map<String, Object> board(String field, String decision, String rationale) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(field, decision);
    values.put("meetingDate", LocalDate.now().minusDays(1).toString());
    values.put("minutesReference", "Bestyrelsesmøde pkt. 5");
    values.put(rationale, "Begrundet");
    return values;
  }

  /** The body finds its task (one query, retried only while a job has yet to create it) and submits its form. */
  static void complete(Side side, String user, String pi, String taskKey, Map<String, ?> values) {
    RestClient client = side.as(user);
    String taskId;
    try {
      JsonNode tasks = Awaitility.await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> ok(client.get("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey), 200)
              .json(), found -> found.size() == 1);
      taskId = tasks.get(0).path("id").asText();
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(side.name + ": " + user + " never saw task " + taskKey + " of " + pi);
    }
    ok(client.post("/engine-rest/task/" + taskId + "/submit-form", variables(values)), 204);
  }

  static RestClient.Response ok(RestClient.Response response, int... expected) {
    for (int status : expected) {
      if (response.status() == status) {
        return response;
      }
    }
    throw new IllegalStateException("expected " + java.util.Arrays.toString(expected) + " but got " + response.status()
        + ": " + response.body());
  }
}
