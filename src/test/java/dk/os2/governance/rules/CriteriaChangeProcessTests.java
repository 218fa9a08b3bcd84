package dk.os2.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Criteria changes end to end on PostgreSQL, as the bodies do them over HTTP: the secretariat
 * proposes a version, the committees that own what changed recommend, the board decides. Each test
 * uses a catalogue of its own (the shipped catalogue's text under a new id, imported first by the
 * administrator), so no other test's processes see its versions.
 */
class CriteriaChangeProcessTests extends IntegrationTests {

  @Autowired
  CatalogueStore catalogues;

  @Autowired
  Portfolio portfolio;

  @Autowired
  Evaluations evaluations;

  String id;
  String v1;

  @BeforeEach
  void catalogueOfItsOwn() {
    id = RuleFixtures.uniqueId();
    v1 = RuleFixtures.catalogue(id);
    RestClient.Response imported = RuleFixtures.postText(baseUrl(), "admin", "/api/catalogues", v1);
    assertThat(imported.status()).as("the administrator's first import of a new catalogue: " + imported.body())
        .isEqualTo(201);
  }

  ProcessInstance propose(String text) {
    RestClient.Response started = RuleFixtures.postText(baseUrl(), "sekretariat", "/api/criteria-changes", text);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.json().path("processInstanceId").asText()).singleResult();
  }

  void submit(String user, ProcessInstance pi, Map<String, Object> values) {
    RestClient.Response response = RestClient.as(baseUrl(), user)
        .post("/engine-rest/task/" + task(pi).getId() + "/submit-form", RestClient.variables(values));
    assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(204);
  }

  static Map<String, Object> recommendation(String field, String outcome) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(field, outcome);
    values.put(field + "Rationale", "Drøftet på udvalgsmødet");
    return values;
  }

  static Map<String, Object> board(String outcome, String effectiveDate) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("criteriaDecision", outcome);
    if (effectiveDate != null) {
      values.put("effectiveDate", effectiveDate);
    }
    values.put("meetingDate", MeetingDate.danish(LocalDate.now().minusDays(1)));
    values.put("minutesReference", "Bestyrelsesmøde pkt. 7");
    values.put("criteriaDecisionRationale", "Begrundet i udvalgenes indstillinger");
    return values;
  }

  @Test
  void aChangeOfBothKindsIsRecommendedByBothCommitteesAndApprovalPublishesItWithItsDateAndDecision() {
    String v2 = RuleFixtures.version(RuleFixtures.n33Retitled(RuleFixtures.n15Mandatory(v1)), "2.0");
    ProcessInstance pi = propose(v2);

    assertThat(pi).isWaitingAt("UserTask_RecommendProductCriteria");
    assertThat(task(pi)).hasCandidateGroup("forretningsudvalg");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
    assertThat((String) variables.get("changeSummary")).contains("0 tilføjet, 0 fjernet, 2 ændret")
        .contains("Ændret N1-5").contains("obligatorisk").contains("Ændret N3-3");
    assertThat(variables.get("changeLink")).isEqualTo("/app/kriterier/aendring/" + pi.getId());
    assertThat(variables.get("baseVersion")).isEqualTo("1.0");
    RestClient.Response notTheBody = RestClient.as(baseUrl(), "koordinationsudvalg")
        .post("/engine-rest/task/" + task(pi).getId() + "/submit-form",
            RestClient.variables(recommendation("businessRecommendation", "recommend")));
    assertThat(notTheBody.status()).as("only the Business Committee recommends product criteria").isEqualTo(403);
    submit("forretningsudvalg", pi, recommendation("businessRecommendation", "recommend"));

    assertThat(pi).as("operations criteria change too: the Coordination Committee recommends")
        .isWaitingAt("UserTask_RecommendOperationsCriteria");
    assertThat(task(pi)).hasCandidateGroup("koordinationsudvalg");
    submit("koordinationsudvalg", pi, recommendation("operationsRecommendation", "recommend"));

    assertThat(pi).isWaitingAt("UserTask_DecideCriteriaChange");
    assertThat(task(pi)).hasCandidateGroup("bestyrelse");
    RestClient.Response noDate = RestClient.as(baseUrl(), "bestyrelse").post("/engine-rest/task/" + task(pi).getId()
        + "/submit-form", RestClient.variables(board("approve", null)));
    assertThat(noDate.status()).isEqualTo(400);
    assertThat(noDate.body()).contains("Ikrafttrædelsesdato skal udfyldes som dd-mm-åååå");
    RestClient.Response slashes = RestClient.as(baseUrl(), "bestyrelse").post("/engine-rest/task/" + task(pi).getId()
        + "/submit-form", RestClient.variables(board("approve", "01/02/2027")));
    assertThat(slashes.status()).isEqualTo(400);
    assertThat(slashes.body()).contains("«Ikrafttrædelsesdato (dd-mm-åååå)» skal skrives dag-måned-år");
    assertThat(catalogues.find(id, "2.0")).as("a refused decision publishes nothing").isEmpty();

    LocalDate effective = LocalDate.now().plusDays(30);
    submit("bestyrelse", pi, board("approve", MeetingDate.danish(effective)));

    assertThat(pi).isEnded().hasPassed("ServiceTask_PublishCatalogue", "EndEvent_Published");
    CatalogueStore.Published published = catalogues.published(id, "2.0").orElseThrow();
    Decision decision = portfolio.latestDecision(pi.getId(), "UserTask_DecideCriteriaChange").orElseThrow();
    assertThat(published.effectiveDate()).isEqualTo(effective);
    assertThat(published.decisionId()).isEqualTo(decision.id());
    assertThat(published.changeProcessId()).isEqualTo(pi.getId());
    assertThat(published.source()).isEqualTo("CHANGE");
    assertThat(decision.outcome()).isEqualTo("approve");
    assertThat(decision.body()).isEqualTo("bestyrelse");
    assertThat(decision.productId()).as("a rule change is about a catalogue").isNull();
    assertThat(decision.meetingDate()).isEqualTo(LocalDate.now().minusDays(1));
    assertThat(decision.catalogueReference()).isEqualTo(id + " 2.0");
    assertThat(portfolio.latestDecision(pi.getId(), "UserTask_RecommendProductCriteria")).isPresent();
    assertThat(portfolio.latestDecision(pi.getId(), "UserTask_RecommendOperationsCriteria")).isPresent();
    assertThat(catalogues.find(id, "2.0").orElseThrow().criterion("N1-5").orElseThrow().mandatory()).isTrue();
    assertThat(catalogues.inForce(id).orElseThrow().version())
        .as("approved with a later effective date: the version in force is still 1.0").isEqualTo("1.0");
  }

  @Test
  void aChangeOfOperationsCriteriaOnlyGoesToTheCoordinationCommitteeAlone() {
    ProcessInstance pi = propose(RuleFixtures.version(RuleFixtures.n33Retitled(v1), "1.1"));
    assertThat(pi).isWaitingAt("UserTask_RecommendOperationsCriteria");
    submit("koordinationsudvalg", pi, recommendation("operationsRecommendation", "recommend"));
    assertThat(pi).isWaitingAt("UserTask_DecideCriteriaChange");
    assertThat(pi).hasNotPassed("UserTask_RecommendProductCriteria");
    submit("bestyrelse", pi, board("approve", MeetingDate.danish(LocalDate.now())));
    assertThat(pi).isEnded();
    assertThat(catalogues.inForce(id).orElseThrow().version()).as("effective today: in force now").isEqualTo("1.1");
  }

  @Test
  void aRejectedChangePublishesNothing() {
    ProcessInstance pi = propose(RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.1"));
    assertThat(pi).isWaitingAt("UserTask_RecommendProductCriteria");
    submit("forretningsudvalg", pi, recommendation("businessRecommendation", "reject"));
    assertThat(pi).as("a product-criteria change only: straight to the board").isWaitingAt("UserTask_DecideCriteriaChange");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "businessRecommendationLabel"))
        .isEqualTo("Forretningsudvalget indstiller kriterieændringen til afvisning");
    submit("bestyrelse", pi, board("reject", null));

    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("ServiceTask_PublishCatalogue");
    assertThat(catalogues.find(id, "1.1")).isEmpty();
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.0");
    assertThat(portfolio.latestDecision(pi.getId(), "UserTask_DecideCriteriaChange").orElseThrow().outcome())
        .isEqualTo("reject");
    JsonNode change = RestClient.as(baseUrl(), "bestyrelse").get("/api/criteria-changes/" + pi.getId()).json();
    assertThat(change.path("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void aReturnedChangeIsRevisedByTheSecretariatAndGoesRoundAgain() {
    ProcessInstance pi = propose(RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.1"));
    submit("forretningsudvalg", pi, recommendation("businessRecommendation", "recommend"));
    Map<String, Object> back = board("return", null);
    back.put("criteriaDecisionRationale", "Kravet skal kunne fraviges med dokumentation");
    submit("bestyrelse", pi, back);

    assertThat(pi).isWaitingAt("UserTask_ReviseCriteriaChange");
    assertThat(task(pi)).hasCandidateGroup("forretningsledelse");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
    assertThat((String) variables.get("returnedBy")).startsWith("Bestyrelsen");
    assertThat(variables.get("returnComment")).isEqualTo("Kravet skal kunne fraviges med dokumentation");
    assertThat(catalogues.find(id, "1.1")).as("returned: nothing published").isEmpty();

    String bad = RuleFixtures.version(v1, "1.2").replaceFirst("theme: relevans", "theme: økonomi");
    RestClient.Response refused = RuleFixtures.postForm(baseUrl(), "sekretariat",
        "/app/kriterier/aendring/" + pi.getId(), "tekst", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Linje 34: Kriterium N1-1 har ukendt tema");
    RestClient.Response notTheSecretariat = RuleFixtures.postForm(baseUrl(), "forretningsudvalg",
        "/app/kriterier/aendring/" + pi.getId(), "tekst", RuleFixtures.version(v1, "1.2"));
    assertThat(notTheSecretariat.status()).isEqualTo(403);

    String revised = RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.2")
        .replaceFirst("(id: N1-5[\\s\\S]*?)deviationAllowed: false", "$1deviationAllowed: true");
    RestClient.Response saved = RuleFixtures.postForm(baseUrl(), "sekretariat",
        "/app/kriterier/aendring/" + pi.getId(), "tekst", revised);
    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    Map<String, Object> resubmit = new LinkedHashMap<>();
    resubmit.put("revisionDecision", "resubmit");
    resubmit.put("revisionComment", "Afvigelse tilladt");
    submit("sekretariat", pi, resubmit);

    assertThat(pi).as("round again, from the committee").isWaitingAt("UserTask_RecommendProductCriteria");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "proposedVersion")).isEqualTo("1.2");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "changeSummary"))
        .contains("Version 1.2");
    submit("forretningsudvalg", pi, recommendation("businessRecommendation", "recommend"));
    submit("bestyrelse", pi, board("approve", MeetingDate.danish(LocalDate.now().plusDays(1))));
    assertThat(pi).isEnded();
    assertThat(catalogues.find(id, "1.2").orElseThrow().criterion("N1-5").orElseThrow().deviationAllowed()).isTrue();
    assertThat(catalogues.find(id, "1.1")).isEmpty();
  }

  @Test
  void theSecretariatMayWithdrawAReturnedChange() {
    ProcessInstance pi = propose(RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.1"));
    Map<String, Object> back = recommendation("businessRecommendation", "return");
    submit("forretningsudvalg", pi, back);
    assertThat(pi).isWaitingAt("UserTask_ReviseCriteriaChange");
    Map<String, Object> withdraw = new LinkedHashMap<>();
    withdraw.put("revisionDecision", "withdraw");
    RestClient.Response noReason = RestClient.as(baseUrl(), "sekretariat").post("/engine-rest/task/" + task(pi).getId()
        + "/submit-form", RestClient.variables(withdraw));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("hvorfor ændringen trækkes tilbage");
    withdraw.put("revisionComment", "Erstattes af en samlet ændring");
    submit("sekretariat", pi, withdraw);
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(catalogues.find(id, "1.1")).isEmpty();
  }

  @Test
  void theImpactPreviewNamesAProductWhoseLevelWouldDropAndTheCriterionThatCausesIt() {
    Catalogue catalogue = catalogues.find(id, "1.0").orElseThrow();
    String name = Proposals.uniqueName("Konsekvens");
    String productId = portfolio.registerProposal(new Portfolio.Proposal(name, "Formål", "Behov", "Aarhus Kommune",
        "Karen Kommune", "karen@aarhus.dk", "Aarhus\nOdense", "Magenta", "MPL-2.0", "https://github.com/OS2/x", "N3",
        "kommune", null));
    portfolio.approve(productId, "N3", LocalDate.now().minusYears(1));
    Map<String, Object> answers = new LinkedHashMap<>();
    catalogue.criteria().forEach(c -> answers.put(c.answerVariable(), "Ja"));
    answers.put(catalogue.criterion("N1-5").orElseThrow().answerVariable(), "Nej");
    evaluations.automated(productId, catalogue, "N3", answers, null);

    ProcessInstance pi = propose(RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.1"));
    String impact = (String) engine.getRuntimeService().getVariable(pi.getId(), "impactSummary");
    assertThat(impact).contains(name + ": N3 → intet (N1-5 (Uddannelsesmaterialer foreligger): "
        + "obligatorisk kriterium besvaret 'Nej', og kriteriet kan ikke fraviges)");

    JsonNode json = RestClient.as(baseUrl(), "bestyrelse").get("/api/criteria-changes/" + pi.getId()).json();
    JsonNode row = null;
    for (JsonNode p : json.path("impact").path("products")) {
      if (p.path("productId").asText().equals(productId)) {
        row = p;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("levelInForce").asText()).isEqualTo("N3");
    assertThat(row.path("levelProposed").asText()).isEqualTo("intet");
    assertThat(row.path("changes").asBoolean()).isTrue();
    assertThat(row.path("causes").get(0).asText()).startsWith("N1-5");
    assertThat(json.path("diff").path("changed").get(0).path("criterionId").asText()).isEqualTo("N1-5");

    RestClient.Response page = RestClient.as(baseUrl(), "forretningsudvalg").get("/app/kriterier/aendring/" + pi.getId());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Konsekvenser for porteføljen").contains(name).contains("Ændrede kriterier")
        .contains("anbefaling").contains("obligatorisk");
    assertThat(RestClient.as(baseUrl(), "kommune").get("/app/kriterier/aendring/" + pi.getId()).status())
        .as("a municipality reads no rule change").isEqualTo(403);
  }

  @Test
  void aNewCriterionWithoutAnswersIsUnassessedInThePreview() {
    String added = RuleFixtures.version(v1, "1.1") + """
          - id: N1-6
            theme: relevans
            level: N1
            title: Produktet har en offentlig køreplan
            mandatory: true
            deviationAllowed: true
            owner: forretningsudvalg
        """;
    ProcessInstance pi = propose(added);
    JsonNode json = RestClient.as(baseUrl(), "sekretariat").get("/api/criteria-changes/" + pi.getId()).json();
    assertThat(json.path("diff").path("added").get(0).path("id").asText()).isEqualTo("N1-6");
    JsonNode first = json.path("impact").path("products").get(0);
    if (first != null) {
      assertThat(first.path("unassessed").toString()).contains("N1-6");
    }
  }

  @Test
  void directPublicationIsRefusedInDanishAndNothingIsStored() {
    int before = catalogues.list().size();
    RestClient.Response secretariat = RuleFixtures.postText(baseUrl(), "sekretariat", "/api/catalogues",
        RuleFixtures.version(v1, "9.9"));
    assertThat(secretariat.status()).isEqualTo(403);
    assertThat(secretariat.json().path("detail").asText()).contains("udgives ikke direkte")
        .contains("/app/kriterier/aendring");
    RestClient.Response admin = RuleFixtures.postText(baseUrl(), "admin", "/api/catalogues",
        RuleFixtures.version(v1, "9.9"));
    assertThat(admin.status()).as("not the first import of the catalogue").isEqualTo(409);
    assertThat(admin.json().path("detail").asText()).contains("er allerede udgivet").contains("kriterieændring");
    RestClient.Response shipped = RuleFixtures.postText(baseUrl(), "admin", "/api/catalogues",
        RuleFixtures.version(RuleFixtures.catalogue("os2-levels"), "1.1"));
    assertThat(shipped.status()).isEqualTo(409);
    assertThat(RuleFixtures.postText(baseUrl(), "admin", "/api/catalogues", v1).status())
        .as("the same content again changes nothing").isEqualTo(200);
    assertThat(catalogues.list()).hasSize(before);
  }

  @Test
  void aChangeThatChangesNothingOrAVersionAlreadyPublishedIsRefused() {
    RestClient.Response same = RuleFixtures.postText(baseUrl(), "sekretariat", "/api/criteria-changes",
        RuleFixtures.version(v1, "1.1"));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.json().path("detail").asText()).contains("ændrer intet");
    RestClient.Response published = RuleFixtures.postText(baseUrl(), "sekretariat", "/api/criteria-changes",
        RuleFixtures.n15Mandatory(v1));
    assertThat(published.status()).isEqualTo(409);
    assertThat(published.json().path("detail").asText()).contains("allerede udgivet");
    RestClient.Response board = RuleFixtures.postText(baseUrl(), "bestyrelse", "/api/criteria-changes",
        RuleFixtures.version(RuleFixtures.n15Mandatory(v1), "1.1"));
    assertThat(board.status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("criteria-change")
        .processInstanceBusinessKey(id + " 1.1").count()).isZero();
  }

  @Test
  void theEditPageOffersTheVersionInForceAsText() {
    RestClient.Response page = RestClient.as(baseUrl(), "sekretariat").get("/app/kriterier/aendring?katalog=" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(id + " 1.0").contains("N1-5").contains("Start kriterieændringen");
    String text = CriteriaChangePages.yaml(catalogues.find(id, "1.0").orElseThrow());
    assertThat(CatalogueReader.read(text)).as("the page's text reads as the same catalogue")
        .isEqualTo(catalogues.find(id, "1.0").orElseThrow());
  }
}
