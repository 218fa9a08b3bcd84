package dk.os2.governance.levels;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.RestClient;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.proposal.Proposals;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A process started before report links became paths keeps working: its absolute link is rewritten. */
class RelativeReportLinksTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  RelativeReportLinks links;

  @Test
  void anOldAbsoluteReportLinkOfARunningProcessBecomesAPathOfThisSite() {
    engine.getIdentityService().setAuthentication("kommune", List.of("kommuner"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("project-proposal",
        Proposals.valid(catalogue, Proposals.uniqueName("GammelLink"), "N1"));
    engine.getIdentityService().clearAuthentication();
    String evaluationId = (String) engine.getRuntimeService().getVariable(pi.getId(), "evaluationId");
    // As the check wrote it before links became paths: built from OS2_BASE_URL, another address.
    SystemWrites.run(() -> engine.getRuntimeService().setVariable(pi.getId(), "reportLink",
        "http://localhost:8080/app/evalueringer/" + evaluationId));

    assertThat(links.rewrite()).isPositive();

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "reportLink"))
        .isEqualTo("/app/evalueringer/" + evaluationId);
    // What the secretariat's screening form in Tasklist reads: the path, and it opens the report.
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    RestClient secretariat = RestClient.as(baseUrl(), "sekretariat");
    RestClient.Response form = secretariat.get("/engine-rest/task/" + task + "/form-variables?variableNames=reportLink");
    assertThat(form.json().path("reportLink").path("value").asText()).isEqualTo("/app/evalueringer/" + evaluationId);
    assertThat(secretariat.get("/app/evalueringer/" + evaluationId).status()).isEqualTo(200);

    assertThat(links.rewrite()).as("a path is left alone").isZero();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "reportLink"))
        .isEqualTo("/app/evalueringer/" + evaluationId);
  }
}
