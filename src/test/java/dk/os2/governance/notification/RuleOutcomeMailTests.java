package dk.os2.governance.notification;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outcome of a rule change reaches the people behind it, in Danish, through the outbox: the
 * secretariat member who proposed a criteria change and the committee that recommended it hear the
 * board's decision; the drafter of a change of the licence terms and the board that recommended it
 * hear the general assembly's. One mail per decision, none for a decision that was refused.
 */
class RuleOutcomeMailTests extends IntegrationTests {

  @Autowired
  Outbox outbox;

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void noStatutesChangeRunning() {
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutes-change").list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test cleanup"));
    jdbc.sql("delete from statutes_running_change").update();
  }

  // --- criteria changes ---------------------------------------------------------------------------

  /** A criteria change of a catalogue of the test's own that makes the product criterion N1-5 mandatory. */
  String proposeCriteriaChange(String catalogueId) throws IOException {
    String v1;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/os2-levels.yaml")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: os2-levels", "id: " + catalogueId);
    }
    assertThat(postText("admin", "/api/catalogues", v1).status()).isEqualTo(201);
    int at = v1.indexOf("id: N1-5");
    String block = v1.substring(at, v1.indexOf("- id:", at));
    String v2 = v1.replace(block, block.replace("mandatory: false", "mandatory: true"))
        .replace("version: \"1.0\"", "version: \"1.1\"");
    RestClient.Response started = postText("sekretariat", "/api/criteria-changes", v2);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return started.json().path("processInstanceId").asText();
  }

  Map<String, Object> board(String outcome, LocalDate effective) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("criteriaDecision", outcome);
    if (effective != null) {
      values.put("effectiveDate", MeetingDate.danish(effective));
    }
    values.put("meetingDate", MeetingDate.danish(LocalDate.now().minusDays(1)));
    values.put("minutesReference", "Bestyrelsesmøde pkt. 3");
    values.put("criteriaDecisionRationale", "Udvalgets indstilling følges");
    return values;
  }

  @Test
  void anApprovedCriteriaChangeIsToldOnceToItsProposerAndTheRecommendingCommittee() throws Exception {
    String catalogueId = "mailregel-" + UUID.randomUUID().toString().substring(0, 8);
    String pi = proposeCriteriaChange(catalogueId);
    assertThat(submit("forretningsudvalg", pi, Map.of("businessRecommendation", "recommend",
        "businessRecommendationRationale", "Uddannelsesmateriale er nødvendigt")).status()).isEqualTo(204);

    RestClient.Response refused = submit("bestyrelse", pi, board("approve", null));
    assertThat(refused.status()).as("no effective date: refused").isEqualTo(400);
    assertThat(ruleOutcomes(pi)).as("a refused decision tells no one").isEmpty();

    LocalDate effective = LocalDate.now().plusDays(30);
    assertThat(submit("bestyrelse", pi, board("approve", effective)).status()).isEqualTo(204);

    List<OutboxEntry> outcomes = settled(pi);
    assertThat(outcomes).hasSize(1);
    OutboxEntry mail = outcomes.get(0);
    assertThat(mail.status()).isEqualTo(MailStatus.SENT);
    String subject = "Kriterieændring " + catalogueId + " 1.1: Kriterieændringen er godkendt af bestyrelsen";
    assertThat(mail.subject()).isEqualTo(subject);
    List<MimeMessage> received = TestMail.withSubject(subject);
    assertThat(received).as("sent once").hasSize(1);
    assertThat(NotificationTests.to(received.get(0)))
        .contains("sekretariat@demo.os2.dk", "forretningsudvalg@demo.os2.dk")
        .as("the Coordination Committee did not recommend this change").doesNotContain("koordinationsudvalg@demo.os2.dk");
    assertThat(NotificationTests.text(received.get(0)))
        .contains("Der er truffet en endelig afgørelse om en ændring, som du har foreslået eller indstillet.")
        .contains("Træder i kraft", MeetingDate.danish(effective))
        .contains("Bestyrelsesmøde pkt. 3", "Udvalgets indstilling følges", "Indstillet af", "Forretningsudvalget")
        .contains("/app/kriterier/aendring/" + pi);
  }

  @Test
  void aRejectedCriteriaChangeIsToldToo() throws Exception {
    String catalogueId = "mailregel-" + UUID.randomUUID().toString().substring(0, 8);
    String pi = proposeCriteriaChange(catalogueId);
    submit("forretningsudvalg", pi, Map.of("businessRecommendation", "reject",
        "businessRecommendationRationale", "Ikke nu"));
    assertThat(submit("bestyrelse", pi, board("reject", null)).status()).isEqualTo(204);

    List<OutboxEntry> outcomes = settled(pi);
    assertThat(outcomes).extracting(OutboxEntry::subject)
        .containsExactly("Kriterieændring " + catalogueId + " 1.1: Kriterieændringen er afvist af bestyrelsen");
    assertThat(outcomes.get(0).addresses()).contains("sekretariat@demo.os2.dk", "forretningsudvalg@demo.os2.dk");
  }

  // --- statutes and licence terms ------------------------------------------------------------------

  @Test
  void theGeneralAssemblysVoteIsToldToTheDrafterAndTheBoard() throws Exception {
    HttpResponse<String> drafted = postForm("sekretariat", "/app/vedtaegter/licensvilkaar/aendring",
        Map.of("tekst", "# Licensvilkår\n\nNy tekst " + UUID.randomUUID() + "\n", "begrundelse", "Enklere vilkår."));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(302);
    String pi = drafted.headers().firstValue("Location").orElseThrow().replaceAll(".*/forslag/([^?]+).*", "$1");
    assertThat(submit("bestyrelse", pi, Map.of("boardRecommendation", "recommend",
        "boardRationale", "Bestyrelsen anbefaler.")).status()).isEqualTo(204);
    assertThat(ruleOutcomes(pi)).as("a recommendation is not the outcome").isEmpty();

    Map<String, Object> vote = new LinkedHashMap<>();
    vote.put("meetingDate", MeetingDate.danish(ProcessClock.today()));
    vote.put("votesFor", 10);
    vote.put("votesAgainst", 30);
    vote.put("votesAbstaining", 2);
    vote.put("quorumMet", true);
    vote.put("assemblyDecision", "reject");
    vote.put("minutesReference", "GF pkt. 5");
    vote.put("assemblyNotes", "Afstemning ved håndsoprækning.");
    assertThat(submit("generalforsamling", pi, vote).status()).isEqualTo(204);

    List<OutboxEntry> outcomes = settled(pi);
    assertThat(outcomes).hasSize(1);
    String subject = "Ændring af standardlicens- og tilslutningsvilkår: Ikke vedtaget af generalforsamlingen";
    assertThat(outcomes.get(0).subject()).isEqualTo(subject);
    List<MimeMessage> received = TestMail.withSubject(subject);
    assertThat(received).hasSize(1);
    assertThat(NotificationTests.to(received.get(0))).contains("sekretariat@demo.os2.dk", "bestyrelse@demo.os2.dk");
    assertThat(NotificationTests.text(received.get(0)))
        .contains("10 for, 30 imod, 2 hverken for eller imod", "GF pkt. 5", "Indstillet af", "Bestyrelsen")
        .contains("/app/vedtaegter/forslag/" + pi);
  }

  @Test
  void theBoardsRejectionOfAStatutesChangeIsToldToTheDrafter() throws Exception {
    HttpResponse<String> drafted = postForm("sekretariat", "/app/vedtaegter/licensvilkaar/aendring",
        Map.of("tekst", "# Licensvilkår\n\nAndet forslag " + UUID.randomUUID() + "\n", "begrundelse", "Afprøvning."));
    String pi = drafted.headers().firstValue("Location").orElseThrow().replaceAll(".*/forslag/([^?]+).*", "$1");
    assertThat(submit("bestyrelse", pi, Map.of("boardRecommendation", "reject",
        "boardRationale", "Ikke nødvendigt.")).status()).isEqualTo(204);

    List<OutboxEntry> outcomes = settled(pi);
    assertThat(outcomes).extracting(OutboxEntry::subject)
        .containsExactly("Ændring af standardlicens- og tilslutningsvilkår: Afvist af bestyrelsen");
    assertThat(outcomes.get(0).addresses()).contains("sekretariat@demo.os2.dk");
  }

  // --- helpers -----------------------------------------------------------------------------------

  List<OutboxEntry> ruleOutcomes(String pi) {
    return outbox.forProcess(pi).stream().filter(e -> e.kind() == MailKind.RULE_OUTCOME).toList();
  }

  /** The process's outcome mails once every one of them has been tried. */
  List<OutboxEntry> settled(String pi) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count())
        .as("the change is decided").isZero();
    await("the outcome mail is sent").atMost(ofSeconds(60)).until(() -> !ruleOutcomes(pi).isEmpty()
        && ruleOutcomes(pi).stream().noneMatch(e -> e.status() == MailStatus.PENDING));
    return ruleOutcomes(pi);
  }

  RestClient.Response submit(String user, String pi, Map<String, ?> values) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    return RestClient.as(baseUrl(), user).post("/engine-rest/task/" + task.getId() + "/submit-form",
        RestClient.variables(values));
  }

  RestClient.Response postText(String user, String path, String body) throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", basic(user)).header("Content-Type", "text/plain; charset=UTF-8")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build());
    return new RestClient.Response(response.statusCode(), response.body());
  }

  HttpResponse<String> postForm(String user, String path, Map<String, String> form) throws IOException {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
