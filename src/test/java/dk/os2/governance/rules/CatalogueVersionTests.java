package dk.os2.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueDiff;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.criteria.CataloguePublished;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.proposal.Proposals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Which catalogue version is in force, and which version a process works with: the one in force
 * when it began, through every later round, while new processes take the version in force on their
 * start; the diff of two versions; the event every publication sends.
 */
@RecordApplicationEvents
class CatalogueVersionTests extends IntegrationTests {

  @Autowired
  CatalogueStore catalogues;

  @Autowired
  Catalogue shipped;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEvents events;

  ProcessInstance propose(String name) {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
          Proposals.valid(shipped, name, "N1"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Object reference(ProcessInstance pi) {
    return engine.getRuntimeService().getVariable(pi.getId(), "catalogueReference");
  }

  @Test
  void aRunningProposalKeepsTheVersionItBeganWithAndANewOneUsesTheVersionInForce() {
    ProcessInstance before = propose(Proposals.uniqueName("Før"));
    assertThat(reference(before)).isEqualTo("os2-levels 1.0");

    // The shipped catalogue's next version, in force from today (the board's publication, by the system
    // path): only its wording differs, so every other test's checks stay as they are. Removed afterwards.
    String version = "1.0-regeltest-" + ThreadLocalRandom.current().nextInt(1_000_000);
    Catalogue next = CatalogueReader.read(RuleFixtures.version(RuleFixtures.catalogue("os2-levels"), version)
        .replace("title: Uddannelsesmaterialer foreligger", "title: Uddannelsesmaterialer er udarbejdet"));
    ProcessInstance after = null;
    try {
      Instant beforePublication = Instant.now();
      catalogues.publishApproved(next, new CatalogueStore.Approval(LocalDate.now(), null, null, "bestyrelse"));
      assertThat(catalogues.inForce("os2-levels").orElseThrow().version()).isEqualTo(version);
      assertThat(catalogues.inForce("os2-levels", beforePublication).orElseThrow().version())
          .as("just before its publication the version in force was 1.0").isEqualTo("1.0");

      // The running proposal goes round again (returned, supplemented, checked again) on its own version.
      complete(task(before), withVariables("screeningDecision", "return", "screeningComment", "Uddyb behovet"));
      Map<String, Object> supplemented = new HashMap<>(engine.getRuntimeService().getVariables(before.getId()));
      supplemented.put("supplementResponse", "Behovet er uddybet");
      complete(task(before), supplemented);
      assertThat(before).isWaitingAt("UserTask_ScreenProposal");
      assertThat(reference(before)).as("checked again against the version it began with").isEqualTo("os2-levels 1.0");
      assertThat((String) engine.getRuntimeService().getVariable(before.getId(), "checkSummary"))
          .contains("Kriteriekatalog: os2-levels 1.0.");

      after = propose(Proposals.uniqueName("Efter"));
      assertThat(reference(after)).as("a new proposal uses the version in force").isEqualTo("os2-levels " + version);
    } finally {
      engine.getRuntimeService().deleteProcessInstance(before.getId(), "test done");
      if (after != null) {
        engine.getRuntimeService().deleteProcessInstance(after.getId(), "test done");
      }
      jdbc.sql("delete from criteria_catalogue where catalogue_id = 'os2-levels' and version = ?").param(version).update();
    }
    assertThat(catalogues.inForce("os2-levels").orElseThrow().version()).isEqualTo("1.0");
  }

  @Test
  void aVersionWithALaterEffectiveDateIsNotInForceYet() {
    String id = RuleFixtures.uniqueId();
    Catalogue v1 = CatalogueReader.read(RuleFixtures.catalogue(id));
    Catalogue v2 = CatalogueReader.read(RuleFixtures.version(RuleFixtures.n15Mandatory(RuleFixtures.catalogue(id)), "2.0"));
    catalogues.publishApproved(v1, new CatalogueStore.Approval(LocalDate.now().minusDays(10), null, null, "bestyrelse"));
    catalogues.publishApproved(v2, new CatalogueStore.Approval(LocalDate.now().plusDays(10), null, null, "bestyrelse"));
    assertThat(catalogues.inForce(id).orElseThrow().version()).isEqualTo("1.0");
    assertThat(catalogues.inForce(id, Instant.now().plusSeconds(11 * 86_400)).orElseThrow().version()).isEqualTo("2.0");
    assertThat(events.stream(CataloguePublished.class))
        .containsExactly(new CataloguePublished(id, "1.0"), new CataloguePublished(id, "2.0"));
  }

  @Test
  void aCatalogueRegisteredFromAReportIsNeverInForce() {
    String id = RuleFixtures.uniqueId();
    catalogues.registerFromReport(CatalogueReader.read(RuleFixtures.catalogue(id)), "sekretariat");
    assertThat(catalogues.find(id, "1.0")).isPresent();
    assertThat(catalogues.inForce(id)).isEmpty();
    assertThat(events.stream(CataloguePublished.class)).containsExactly(new CataloguePublished(id, "1.0"));
  }

  @Test
  void theDiffNamesWhatWasAddedRemovedAndChanged() {
    Catalogue v1 = CatalogueReader.read(RuleFixtures.catalogue("diff"));
    String text = RuleFixtures.n33Retitled(RuleFixtures.n15Mandatory(RuleFixtures.version(RuleFixtures.catalogue("diff"), "2")));
    int n25 = text.indexOf("  - id: N2-5");
    text = text.substring(0, n25) + text.substring(text.indexOf("  - id: N3-1")) + """
          - id: N2-9
            theme: governance
            level: N2
            title: Ny anbefaling
            mandatory: false
            owner: forretningsudvalg
        """;
    Catalogue v2 = CatalogueReader.read(text);
    CatalogueDiff diff = CatalogueDiff.between(v1, v2);
    assertThat(diff.added()).extracting("id").containsExactly("N2-9");
    assertThat(diff.removed()).extracting("id").containsExactly("N2-5");
    assertThat(diff.changed()).extracting("criterionId").containsExactly("N1-5", "N3-3");
    assertThat(diff.changed().get(0).changes()).extracting("field").containsExactly("mandatory", "deviationAllowed");
    assertThat(diff.changed().get(0).changes().get(0).after()).isEqualTo("obligatorisk");
    assertThat(diff.changed().get(1).changes()).extracting("field").containsExactly("title");
    assertThat(diff.touchesProductCriteria()).isTrue();
    assertThat(diff.touchesOperationsCriteria()).isTrue();
    assertThat(diff.summary()).contains("1 tilføjet, 1 fjernet, 2 ændret").contains("Tilføjet N2-9")
        .contains("Fjernet N2-5").contains("Ændret N1-5: obligatorisk 'anbefaling' → 'obligatorisk'");
    CatalogueDiff operations = CatalogueDiff.between(v1,
        CatalogueReader.read(RuleFixtures.version(RuleFixtures.n33Retitled(RuleFixtures.catalogue("diff")), "3")));
    assertThat(List.of(operations.touchesProductCriteria(), operations.touchesOperationsCriteria()))
        .containsExactly(false, true);
  }
}
