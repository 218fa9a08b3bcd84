package dk.os2.governance.security;

import static dk.os2.governance.security.EngineCalls.message;
import static dk.os2.governance.security.EngineCalls.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.submission.MeetingDate;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Threat model, rule changes: a catalogue version is a decision of the board, and an approval never
 * publishes an older version after a newer one. Tried as the secretariat and the bodies would: an
 * older version number proposed; two changes running side by side, the one computed against the old
 * version approved after the other was published (which would undo it, on every route that completes
 * the board's task, the Java API included); an effective date before the version it succeeds. Each
 * refusal is Danish and publishes nothing; sent back and revised against the new version, the change
 * goes through. Only the owning body completes each task of the process.
 */
class RuleChangeAttackTests extends IntegrationTests {

  @Autowired
  CatalogueStore catalogues;

  String id;
  String v1;

  @BeforeEach
  void catalogueOfItsOwn() throws Exception {
    id = "angreb-" + UUID.randomUUID().toString().substring(0, 8);
    try (InputStream in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: os2-levels", "id: " + id);
    }
    HttpResponse<String> imported = text("admin", "/api/catalogues", v1);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
  }

  static String version(String text, String version) {
    return text.replace("version: \"1.0\"", "version: \"" + version + "\"");
  }

  /** A product criterion changed: N1-1's title. */
  static String retitled(String text, String title) {
    return text.replace("title: Bottom-up relevans er verificeret", "title: " + title);
  }

  HttpResponse<String> text(String user, String path, String body) throws IOException, InterruptedException {
    Http http = Http.basic(baseUrl(), user);
    return http.send(http.request("POST", path, "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8))
        .header("Accept", "application/json"));
  }

  String propose(String text) throws Exception {
    HttpResponse<String> started = text("sekretariat", "/api/criteria-changes", text);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return EngineCalls.JSON.readTree(started.body()).path("processInstanceId").asText();
  }

  Task task(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  HttpResponse<String> submit(String user, String processInstanceId, Map<String, ?> values) throws Exception {
    Http http = Http.basic(baseUrl(), user);
    return http.send(http.request("POST", "/engine-rest/task/" + task(processInstanceId).getId() + "/submit-form",
        "application/json", EngineCalls.JSON.writeValueAsBytes(variables(values))));
  }

  /** Every other body's login is refused the task; then its own body completes it. */
  void onlyTheBodyCompletes(String body, String processInstanceId, Map<String, ?> values) throws Exception {
    for (String stranger : List.of("kommune", "sekretariat", "forretningsudvalg", "koordinationsudvalg", "bestyrelse",
        "generalforsamling", "admin")) {
      if (!stranger.equals(body)) {
        HttpResponse<String> refused = submit(stranger, processInstanceId, values);
        assertThat(refused.statusCode()).as(stranger + " completes " + body + "'s task: " + refused.body())
            .isEqualTo(403);
      }
    }
    HttpResponse<String> done = submit(body, processInstanceId, values);
    assertThat(done.statusCode()).as(body + ": " + done.body()).isEqualTo(204);
  }

  static Map<String, Object> recommend() {
    return Map.of("businessRecommendation", "recommend", "businessRecommendationRationale", "Drøftet i udvalget");
  }

  static Map<String, Object> board(String outcome, LocalDate effective) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("criteriaDecision", outcome);
    if (effective != null) {
      values.put("effectiveDate", MeetingDate.danish(effective));
    }
    values.put("meetingDate", MeetingDate.danish(LocalDate.now()));
    values.put("minutesReference", "Bestyrelsesmøde pkt. 4");
    values.put("criteriaDecisionRationale", "Som indstillet");
    return values;
  }

  @Test
  void anAdministratorsWriteOfTheCatalogueVersionIsABadRequestThatChangesNothing() throws Exception {
    String pid = propose(retitled(version(v1, "1.1"), "Relevansen er verificeret nedefra"));
    Object before = engine.getRuntimeService().getVariable(pid, "catalogueVersion");
    Http http = Http.basic(baseUrl(), "admin");
    HttpResponse<String> refused = http.send(http.request("PUT", "/engine-rest/process-instance/" + pid
        + "/variables/catalogueVersion", "application/json", "{\"value\":\"0.1\",\"type\":\"String\"}"
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).contains("kan ikke ændres");
    assertThat(engine.getRuntimeService().getVariable(pid, "catalogueVersion")).isEqualTo(before);
  }

  @Test
  void aVersionNoNewerThanTheNewestPublishedCannotBeProposed() throws Exception {
    for (String older : List.of("0.9", "1.0.0", "0.10")) {
      HttpResponse<String> refused = text("sekretariat", "/api/criteria-changes",
          version(retitled(v1, "Relevans er verificeret"), older));
      assertThat(refused.statusCode()).as(older + ": " + refused.body()).isEqualTo(400);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("criteria-change")
          .processInstanceBusinessKey(id + " " + older).count()).isZero();
    }
    HttpResponse<String> older = text("sekretariat", "/api/criteria-changes", version(retitled(v1, "Gammel"), "0.9"));
    assertThat(message(older)).contains("Version 0.9 af kataloget '" + id + "' er ikke nyere end den seneste udgivne "
        + "version (1.0)");
    HttpResponse<String> page = Http.basic(baseUrl(), "sekretariat").send(Http.basic(baseUrl(), "sekretariat")
        .request("POST", "/app/kriterier/aendring", "application/x-www-form-urlencoded",
            Http.form(Map.of("tekst", version(retitled(v1, "Gammel"), "0.9")))));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).as("the page says why, in Danish").contains("er ikke nyere end den seneste udgivne");
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.0");
  }

  @Test
  void aChangeOvertakenByANewerApprovedVersionIsNotPublishedOnAnyRoute() throws Exception {
    String first = propose(version(retitled(v1, "Relevans er verificeret (1.1)"), "1.1"));
    String second = propose(version(retitled(v1, "Relevans er verificeret (1.2)"), "1.2"));
    onlyTheBodyCompletes("forretningsudvalg", first, recommend());
    onlyTheBodyCompletes("forretningsudvalg", second, recommend());
    onlyTheBodyCompletes("bestyrelse", second, board("approve", LocalDate.now()));
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.2");

    // The board now approves the change computed against 1.0: 1.2's criteria would be lost.
    HttpResponse<String> refused = submit("bestyrelse", first, board("approve", LocalDate.now()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).contains("version 1.2 er udgivet").contains("beregnet mod version 1.0")
        .contains("Send ændringen tilbage til sekretariatet");
    assertThat(catalogues.find(id, "1.1")).as("nothing published").isEmpty();
    assertThat(task(first).getTaskDefinitionKey()).isEqualTo("UserTask_DecideCriteriaChange");

    // Not through the engine's Java API either (no form check there): the publishing step refuses.
    String taskId = task(first).getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, board("approve", LocalDate.now())))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("version 1.2 er udgivet");
    assertThat(catalogues.find(id, "1.1")).isEmpty();
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.2");
    assertThat(catalogues.inForce(id).orElseThrow().criterion("N1-1").orElseThrow().title())
        .isEqualTo("Relevans er verificeret (1.2)");

    // The way out: sent back, revised on top of 1.2 as 1.3, it goes round again and is published.
    onlyTheBodyCompletes("bestyrelse", first, Map.of("criteriaDecision", "return",
        "criteriaDecisionRationale", "Ret ændringen mod version 1.2", "meetingDate", MeetingDate.danish(LocalDate.now()),
        "minutesReference", "Bestyrelsesmøde pkt. 5"));
    String revised = version(retitled(v1, "Relevans er verificeret (1.2)"), "1.3")
        .replace("deviationAllowed: true\n    owner: forretningsudvalg\n  - id: N1-2",
            "deviationAllowed: false\n    owner: forretningsudvalg\n  - id: N1-2");
    Http secretariat = Http.basic(baseUrl(), "sekretariat");
    HttpResponse<String> revise = secretariat.send(secretariat.request("POST", "/app/kriterier/aendring/" + first,
        "application/x-www-form-urlencoded", Http.form(Map.of("tekst", revised))));
    assertThat(revise.statusCode()).as(revise.body()).isEqualTo(302);
    onlyTheBodyCompletes("sekretariat", first, Map.of("revisionDecision", "resubmit"));
    assertThat(engine.getRuntimeService().getVariable(first, "baseVersion")).isEqualTo("1.2");
    onlyTheBodyCompletes("forretningsudvalg", first, recommend());
    onlyTheBodyCompletes("bestyrelse", first, board("approve", LocalDate.now()));
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.3");
    assertThat(catalogues.inForce(id).orElseThrow().criterion("N1-1").orElseThrow().deviationAllowed()).isFalse();
    assertThat(catalogues.inForce(id).orElseThrow().criterion("N1-1").orElseThrow().title())
        .as("what 1.2 approved is kept").isEqualTo("Relevans er verificeret (1.2)");
  }

  @Test
  void aVersionCannotComeIntoForceBeforeTheVersionItSucceeds() throws Exception {
    LocalDate later = LocalDate.now().plusDays(60);
    String first = propose(version(retitled(v1, "Relevans (fra om 60 dage)"), "1.1"));
    onlyTheBodyCompletes("forretningsudvalg", first, recommend());
    onlyTheBodyCompletes("bestyrelse", first, board("approve", later));
    assertThat(catalogues.inForce(id).orElseThrow().version()).as("approved for later").isEqualTo("1.0");

    String second = propose(version(retitled(v1, "Relevans (fra i dag)"), "1.2"));
    assertThat(engine.getRuntimeService().getVariable(second, "baseVersion"))
        .as("computed against the version it succeeds, approved but not yet in force").isEqualTo("1.1");
    onlyTheBodyCompletes("forretningsudvalg", second, recommend());
    HttpResponse<String> refused = submit("bestyrelse", second, board("approve", LocalDate.now()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(message(refused)).contains("Ikrafttrædelsesdato kan ikke ligge før " + MeetingDate.danish(later))
        .contains("version 1.1");
    assertThat(catalogues.find(id, "1.2")).isEmpty();
    onlyTheBodyCompletes("bestyrelse", second, board("approve", later.plusDays(1)));
    assertThat(catalogues.published(id, "1.2").orElseThrow().effectiveDate()).isEqualTo(later.plusDays(1));
  }
}
