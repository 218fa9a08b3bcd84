package dk.os2.governance.statutes;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.RestClient;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A change of the statutes or the licence terms, on PostgreSQL, as the bodies do it: the secretariat
 * drafts on the page, the board recommends in its task, the general assembly votes in its task; an
 * adopted change is published with its diff and decision, anything else publishes nothing.
 */
class StatutesChangeProcessTests extends StatutesTests {

  @Test
  void anAdoptedChangeIsPublishedAsTheNextVersionWithItsDiffAndDecision() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    String text = before.bodyText() + "\n## § 9 Ikrafttræden\nVedtægterne træder i kraft ved vedtagelsen.\n";
    String pi = draft("vedtaegter", text, "Vi mangler en bestemmelse om ikrafttræden.");

    Task board = task(pi);
    assertThat(board.getTaskDefinitionKey()).isEqualTo("UserTask_RecommendChange");
    assertThat(engine.getTaskService().createTaskQuery().taskId(board.getId()).taskCandidateGroup("bestyrelse").count()).isOne();
    assertThat(store.current(DocumentKind.STATUTES).orElseThrow().id()).as("nothing published while it runs")
        .isEqualTo(before.id());
    assertThat(submit("bestyrelse", board, Map.of("boardRecommendation", "recommend",
        "boardRationale", "Bestyrelsen anbefaler forslaget.")).status()).isEqualTo(204);

    Task assembly = task(pi);
    assertThat(assembly.getTaskDefinitionKey()).isEqualTo("UserTask_DecideChange");
    assertThat(assembly.getName()).isEqualTo("Beslut ændringen på generalforsamlingen");
    RestClient.Response done = submit("generalforsamling", assembly, vote(30, 10, 5, true, "adopt"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    StatutesStore.Version now = store.current(DocumentKind.STATUTES).orElseThrow();
    assertThat(now.versionNo()).isEqualTo(before.versionNo() + 1);
    assertThat(now.bodyText()).contains("§ 9 Ikrafttræden");
    assertThat(now.previousVersionId()).isEqualTo(before.id());
    assertThat(now.votesFor()).isEqualTo(30);
    assertThat(now.quorumMet()).isTrue();
    assertThat(now.decidedOn()).isEqualTo(ProcessClock.today());
    assertThat(store.decisions(now.id())).extracting(StatutesStore.Decision::body)
        .containsExactly("bestyrelse", "generalforsamling");
    assertThat(store.decisions(now.id()).get(1).meetingDate()).isEqualTo(ProcessClock.today());

    // Every logged-in body reads the new version, the history and the diff.
    String overview = RestClient.as(baseUrl(), "kommune").get("/app/vedtaegter").body();
    assertThat(overview).contains("Gældende version: <strong>" + now.versionNo() + "</strong>")
        .contains("§ 9 Ikrafttræden").contains("30 for, 10 imod, 5 hverken for eller imod");
    String page = RestClient.as(baseUrl(), "koordinationsudvalg").get("/app/vedtaegter/versioner/" + now.id()).body();
    assertThat(page).contains("Forskelle fra version " + before.versionNo()).contains("3 linjer tilføjet, 0 linjer fjernet")
        .contains("<tr class=\"ADDED\">").contains("Vedtaget af generalforsamlingen").contains("Bestyrelsen anbefaler forslaget.")
        .contains("beslutningsdygtig");
  }

  @Test
  void withoutQuorumTheChangeIsNotAdoptedAndNothingIsPublished() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    String pi = draft("vedtaegter", before.bodyText() + "\nNy sætning.\n", "Præcisering.");
    submit("bestyrelse", task(pi), Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."));
    Task assembly = task(pi);

    RestClient.Response refused = submit("generalforsamling", assembly, vote(40, 0, 0, false, "adopt"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("ikke var beslutningsdygtig");
    assertThat(task(pi).getId()).as("the process waits for a valid decision").isEqualTo(assembly.getId());

    assertThat(submit("generalforsamling", assembly, vote(40, 0, 0, false, "reject")).status()).isEqualTo(204);
    assertThat(store.current(DocumentKind.STATUTES).orElseThrow().id()).isEqualTo(before.id());
    StatutesStore.Version closed = store.ofProcess(pi).orElseThrow();
    assertThat(closed.status()).isEqualTo("NOT_ADOPTED");
    assertThat(closed.versionNo()).isNull();
    assertThat(closed.quorumMet()).isFalse();
    assertThat(RestClient.as(baseUrl(), "bestyrelse").get("/app/vedtaegter").body())
        .contains("Ikke vedtaget af generalforsamlingen");
  }

  @Test
  void statutesNeedTwoThirdsWhileLicenceTermsNeedASimpleMajority() {
    StatutesStore.Version statutes = store.current(DocumentKind.STATUTES).orElseThrow();
    String pi = draft("vedtaegter", statutes.bodyText() + "\nTo tredjedele.\n", "Afprøvning af flertalskravet.");
    submit("bestyrelse", task(pi), Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."));
    RestClient.Response refused = submit("generalforsamling", task(pi), vote(20, 11, 3, true, "adopt"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("mindst 2/3 af de afgivne stemmer");
    RestClient.Response wrongWay = submit("generalforsamling", task(pi), vote(20, 10, 3, true, "reject"));
    assertThat(wrongWay.status()).as("20 of 30 is two thirds: adopted").isEqualTo(400);
    assertThat(submit("generalforsamling", task(pi), vote(20, 11, 3, true, "reject")).status()).isEqualTo(204);
    assertThat(store.ofProcess(pi).orElseThrow().status()).isEqualTo("NOT_ADOPTED");

    StatutesStore.Version licence = store.current(DocumentKind.LICENCE_TERMS).orElseThrow();
    String terms = draft("licensvilkaar", licence.bodyText() + "\n## 4 Support\nSupport aftales med leverandøren.\n",
        "Support skal nævnes.");
    submit("bestyrelse", task(terms), Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."));
    assertThat(submit("generalforsamling", task(terms), vote(20, 11, 3, true, "adopt")).status()).isEqualTo(204);
    assertThat(store.current(DocumentKind.LICENCE_TERMS).orElseThrow().versionNo()).isEqualTo(licence.versionNo() + 1);
  }

  @Test
  void theBoardRejectsAndNothingReachesTheGeneralAssembly() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    String pi = draft("vedtaegter", before.bodyText() + "\nUønsket.\n", "Forslag, bestyrelsen ikke vil.");
    assertThat(submit("bestyrelse", task(pi), Map.of("boardRecommendation", "reject",
        "boardRationale", "Forslaget er ikke i foreningens interesse.")).status()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi)
        .taskDefinitionKey("UserTask_DecideChange").count()).isZero();
    assertThat(store.ofProcess(pi).orElseThrow().status()).isEqualTo("REJECTED");
    assertThat(store.current(DocumentKind.STATUTES).orElseThrow().id()).isEqualTo(before.id());
  }

  @Test
  void returnedToTheSecretariatItIsRevisedAndSentAgainOrWithdrawn() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    String pi = draft("vedtaegter", before.bodyText() + "\nFørste udkast.\n", "Første begrundelse.");
    assertThat(submit("bestyrelse", task(pi), Map.of("boardRecommendation", "return",
        "boardRationale", "Formulér paragraffen klarere.")).status()).isEqualTo(204);

    Task revise = task(pi);
    assertThat(revise.getTaskDefinitionKey()).isEqualTo("UserTask_ReviseChange");
    assertThat(engine.getTaskService().createTaskQuery().taskId(revise.getId()).taskCandidateGroup("forretningsledelse")
        .count()).isOne();
    assertThat(engine.getTaskService().getVariable(revise.getId(), "returnComment")).isEqualTo("Formulér paragraffen klarere.");
    String page = RestClient.as(baseUrl(), "sekretariat").get("/app/vedtaegter/forslag/" + pi).body();
    assertThat(page).contains("Ret forslaget (sekretariatet)").contains("Formulér paragraffen klarere.");

    // Only the secretariat revises, and only while the task is open.
    assertThat(post("bestyrelse", "/app/vedtaegter/forslag/" + pi, Map.of("tekst", "x", "begrundelse", "y")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> revised = post("sekretariat", "/app/vedtaegter/forslag/" + pi,
        Map.of("tekst", before.bodyText() + "\nAndet, klarere udkast.\nMed to linjer.\n", "begrundelse", "Rettet efter bestyrelsen."));
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);
    assertThat(store.ofProcess(pi).orElseThrow().bodyText()).contains("Andet, klarere udkast.").doesNotContain("Første udkast.");
    assertThat(engine.getRuntimeService().getVariable(pi, "diffSummary")).as("a blank line and two lines").isEqualTo("3 linjer tilføjet, 0 linjer fjernet");

    assertThat(submit("sekretariat", revise, Map.of("revisionDecision", "resubmit",
        "revisionComment", "Rettet som ønsket.")).status()).isEqualTo(204);
    Task again = task(pi);
    assertThat(again.getTaskDefinitionKey()).isEqualTo("UserTask_RecommendChange");
    assertThat(engine.getTaskService().getVariable(again.getId(), "boardRecommendation"))
        .as("the board's answer from the first round starts empty").isNull();
    assertThat(post("sekretariat", "/app/vedtaegter/forslag/" + pi, Map.of("tekst", "z", "begrundelse", "y")).statusCode())
        .as("no revision while the board has it").isEqualTo(409);

    submit("bestyrelse", again, Map.of("boardRecommendation", "return", "boardRationale", "Stadig uklart."));
    assertThat(submit("sekretariat", task(pi), Map.of("revisionDecision", "withdraw",
        "revisionComment", "Vi trækker forslaget.")).status()).isEqualTo(204);
    assertThat(store.ofProcess(pi).orElseThrow().status()).isEqualTo("WITHDRAWN");
    assertThat(store.decisions(store.ofProcess(pi).orElseThrow().id())).extracting(StatutesStore.Decision::outcome)
        .containsExactly("return", "resubmit", "return", "withdraw");
    assertThat(store.current(DocumentKind.STATUTES).orElseThrow().id()).isEqualTo(before.id());
  }

  @Test
  void theServerRefusesBadVotesAndDatesInDanishAndTheProcessWaits() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    String pi = draft("vedtaegter", before.bodyText() + "\nValidering.\n", "Afprøvning.");
    submit("bestyrelse", task(pi), Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."));
    Task assembly = task(pi);

    Map<String, Object> negative = new HashMap<>(vote(30, 10, 0, true, "adopt"));
    negative.put("votesAgainst", -1);
    assertThat(message(submit("generalforsamling", assembly, negative))).contains("«Stemmer imod» kan ikke være negativt");
    Map<String, Object> fraction = new HashMap<>(vote(30, 10, 0, true, "adopt"));
    fraction.put("votesFor", 2.5);
    assertThat(message(submit("generalforsamling", assembly, fraction))).contains("«Stemmer for» skal være et helt tal");
    for (String date : List.of("31-02-2026", "11/03/2026", "i går")) {
      Map<String, Object> bad = new HashMap<>(vote(30, 10, 0, true, "adopt"));
      bad.put("meetingDate", date);
      assertThat(message(submit("generalforsamling", assembly, bad))).as(date).contains("«Generalforsamlingens dato");
    }
    Map<String, Object> future = new HashMap<>(vote(30, 10, 0, true, "adopt"));
    future.put("meetingDate", MeetingDate.danish(ProcessClock.today().plusDays(7)));
    assertThat(message(submit("generalforsamling", assembly, future))).contains("kan ikke ligge i fremtiden");
    Map<String, Object> missing = new HashMap<>(vote(30, 10, 0, true, "adopt"));
    missing.remove("votesAbstaining");
    assertThat(submit("generalforsamling", assembly, missing).status()).isEqualTo(400);

    assertThat(task(pi).getId()).isEqualTo(assembly.getId());
    assertThat(store.decisions(store.ofProcess(pi).orElseThrow().id())).hasSize(1);
    assertThat(store.current(DocumentKind.STATUTES).orElseThrow().id()).isEqualTo(before.id());
  }

  @Test
  void onlyTheRightBodyTakesEachStepAndOnlyTheSecretariatDrafts() {
    StatutesStore.Version before = store.current(DocumentKind.STATUTES).orElseThrow();
    assertThat(post("bestyrelse", "/app/vedtaegter/vedtaegter/aendring",
        Map.of("tekst", before.bodyText() + "\nX\n", "begrundelse", "Y")).statusCode()).isEqualTo(403);
    HttpResponse<String> same = post("sekretariat", "/app/vedtaegter/vedtaegter/aendring",
        Map.of("tekst", before.bodyText(), "begrundelse", "Ingen ændring"));
    assertThat(same.statusCode()).as("the same text is no change").isEqualTo(400);
    assertThat(same.body()).as("refused in Danish at the form, what was written kept")
        .contains("er den samme som den gældende version af vedtægter").contains(">Ingen ændring</textarea>");
    RestClient.Response direct = RestClient.as(baseUrl(), "sekretariat").post(
        "/engine-rest/process-definition/key/statutes-change/submit-form", variables(Map.of()));
    assertThat(direct.status()).as("no start around the page").isGreaterThanOrEqualTo(400);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(StatutesChanges.PROCESS).count())
        .isZero();

    String pi = draft("vedtaegter", before.bodyText() + "\nKun de rette organer.\n", "Afprøvning.");
    assertThat(post("sekretariat", "/app/vedtaegter/vedtaegter/aendring",
        Map.of("tekst", before.bodyText() + "\nEndnu en.\n", "begrundelse", "To på én gang")).body())
        .as("one change of a document at a time").contains("allerede en ændring");
    Task board = task(pi);
    for (String stranger : List.of("generalforsamling", "sekretariat", "kommune")) {
      assertThat(submit(stranger, board, Map.of("boardRecommendation", "recommend", "boardRationale", "x")).status())
          .as(stranger).isIn(403, 404);
    }
    submit("bestyrelse", board, Map.of("boardRecommendation", "recommend", "boardRationale", "Anbefales."));
    Task assembly = task(pi);
    for (String stranger : List.of("bestyrelse", "sekretariat", "forretningsudvalg", "admin")) {
      assertThat(submit(stranger, assembly, vote(30, 1, 0, true, "adopt")).status()).as(stranger).isIn(403, 404);
    }
    assertThat(task(pi).getId()).isEqualTo(assembly.getId());

    // The general assembly finds its work under its own Tasklist filter.
    String filter = engine.getFilterService().createTaskFilterQuery().filterName("Generalforsamlingens opgaver")
        .singleResult().getId();
    RestClient.Response list = RestClient.as(baseUrl(), "generalforsamling").post("/engine-rest/filter/" + filter + "/list",
        Map.of());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(assembly.getId()).contains("Beslut ændringen på generalforsamlingen");
  }

  private Map<String, Object> vote(int votesFor, int against, int abstaining, boolean quorum, String outcome) {
    return Map.of("meetingDate", MeetingDate.danish(ProcessClock.today()), "votesFor", votesFor,
        "votesAgainst", against, "votesAbstaining", abstaining, "quorumMet", quorum, "assemblyDecision", outcome,
        "minutesReference", "GF 2026 pkt. 4", "assemblyNotes", "Afstemning ved håndsoprækning.");
  }

  private String message(RestClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().path("message").asText();
  }

  private RestClient.Response submit(String user, Task task, Map<String, ?> values) {
    return RestClient.as(baseUrl(), user).post("/engine-rest/task/" + task.getId() + "/submit-form", variables(values));
  }

  private Task task(String pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
  }

  /** Drafts a change on the page as the secretariat; the process instance it started. */
  private String draft(String slug, String text, String rationale) {
    return StatutesDrafts.draft(baseUrl(), slug, text, rationale);
  }

  private HttpResponse<String> post(String user, String path, Map<String, String> form) {
    return StatutesDrafts.post(baseUrl(), user, path, form);
  }
}
