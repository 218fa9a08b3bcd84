package dk.os2.governance.forms;

import static dk.os2.governance.RestClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.proposal.Proposals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 4: the self-assessment forms follow the catalogue. Publishing a version that adds a
 * criterion (no Java or form file changes) makes a new proposal's start form ask for it and the
 * server require it, while a proposal started before keeps the version it began with in its later
 * forms and checks.
 */
class CatalogueFormsTests extends IntegrationTests {

  static final String START = "/engine-rest/process-definition/key/project-proposal/submit-form";

  @Autowired
  Catalogue shipped;

  @Autowired
  CatalogueStore store;

  @Autowired
  CatalogueForms forms;

  @Autowired
  JdbcClient jdbc;

  RestClient as(String user) {
    return RestClient.as(baseUrl(), user);
  }

  String start(Map<String, Object> values) {
    RestClient.Response response = as("kommune").post(START, variables(values));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  /** The secretariat returns the proposal; the proposer's supplement task. */
  String returnedToProposer(String pi) {
    String screening = task(pi, "sekretariat");
    RestClient.Response returned = as("sekretariat").post("/engine-rest/task/" + screening + "/submit-form",
        variables(Map.of("screeningDecision", "return", "screeningComment", "Uddyb dokumentationen")));
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    JsonNode supplement = as("kommune").get("/engine-rest/task?processInstanceId=" + pi
        + "&taskDefinitionKey=UserTask_SupplementProposal").json();
    assertThat(supplement.size()).as(supplement.toString()).isEqualTo(1);
    return supplement.get(0).path("id").asText();
  }

  String task(String pi, String user) {
    JsonNode tasks = as(user).get("/engine-rest/task?processInstanceId=" + pi).json();
    assertThat(tasks.size()).as("tasks of " + user).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }

  static Catalogue withNewCriterion(Catalogue base) {
    List<Criterion> criteria = new ArrayList<>(base.criteria());
    criteria.add(new Criterion("N1-6", "dokumentation", "N1", "Produktet har en tilgængelighedserklæring",
        "Link til erklæringen efter webtilgængelighedsloven.", true, true, "forretningsudvalg"));
    return new Catalogue(base.id(), "test-" + UUID.randomUUID().toString().substring(0, 8), base.title(),
        base.levels(), base.themes(), criteria);
  }

  @Test
  void aPublishedCriterionReachesNewProposalsAndNotThoseStartedBefore() {
    String before = start(Proposals.valid(shipped, Proposals.uniqueName("FørKatalog"), "N1"));
    assertThat(engine.getRuntimeService().getVariable(before, CatalogueVersions.VARIABLE))
        .as("a proposal keeps the version it began with").isEqualTo(shipped.version());
    assertThat(as("kommune").get("/engine-rest/process-definition/key/project-proposal/deployed-start-form").body())
        .doesNotContain("sa_N1_6_answer");

    Catalogue changed = withNewCriterion(shipped);
    String after = null;
    try {
      assertThat(store.publishApproved(changed, new CatalogueStore.Approval(ProcessClock.today(), null, null, "bestyrelse")))
          .isTrue();

      JsonNode startForm = as("kommune").get("/engine-rest/process-definition/key/project-proposal/deployed-start-form").json();
      assertThat(startForm.toString()).as("a new proposal's start form asks for the new criterion")
          .contains("sa_N1_6_answer").contains("Produktet har en tilgængelighedserklæring");

      Map<String, Object> withoutIt = Proposals.valid(shipped, Proposals.uniqueName("UdenNyt"), "N1");
      RestClient.Response refused = as("kommune").post(START, variables(withoutIt));
      assertThat(refused.status()).as("the server asks for the new criterion too").isEqualTo(400);
      assertThat(refused.body()).contains("N1-6");

      after = start(Proposals.valid(changed, Proposals.uniqueName("EfterKatalog"), "N1"));
      assertThat(engine.getRuntimeService().getVariable(after, CatalogueVersions.VARIABLE)).isEqualTo(changed.version());
      assertThat(engine.getRuntimeService().getVariable(after, "catalogueReference"))
          .as("the check used the new version").isEqualTo(changed.reference());

      String oldSupplement = returnedToProposer(before);
      String oldForm = as("kommune").get("/engine-rest/task/" + oldSupplement + "/deployed-form").body();
      assertThat(oldForm).as("a proposal started before keeps its version's form").contains("sa_N1_5_answer")
          .doesNotContain("sa_N1_6_answer");
      Map<String, Object> supplement = Proposals.valid(shipped, "ignored", "N1");
      supplement.remove("productName");
      supplement.put("productName", engine.getRuntimeService().getVariable(before, "productName"));
      supplement.put("supplementResponse", "Dokumentationen er uddybet");
      RestClient.Response submitted = as("kommune").post("/engine-rest/task/" + oldSupplement + "/submit-form",
          variables(supplement));
      assertThat(submitted.status()).as("validated against the form it showed: " + submitted.body()).isEqualTo(204);
      assertThat(engine.getRuntimeService().getVariable(before, "catalogueReference")).isEqualTo(shipped.reference());

      String newSupplement = returnedToProposer(after);
      assertThat(as("kommune").get("/engine-rest/task/" + newSupplement + "/deployed-form").body())
          .contains("sa_N1_6_answer");
    } finally {
      // Other tests share this database: the test version leaves force (it stays stored for what
      // refers to it) and the shipped version's forms are the latest again.
      jdbc.sql("update criteria_catalogue set effective_date = null where catalogue_id = ? and version = ?")
          .params(changed.id(), changed.version()).update();
      forms.ensureInForce();
      engine.getRuntimeService().deleteProcessInstance(before, "test finished");
      if (after != null) {
        engine.getRuntimeService().deleteProcessInstance(after, "test finished");
      }
    }
    assertThat(as("kommune").get("/engine-rest/process-definition/key/project-proposal/deployed-start-form").body())
        .doesNotContain("sa_N1_6_answer");
  }
}
