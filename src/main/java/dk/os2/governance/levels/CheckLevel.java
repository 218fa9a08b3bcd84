package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.deviation.DeviationRegister;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.ReturnNote;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The automated checks of a level change and an annual evaluation: the self-assessment against
 * the level's criteria (as an evaluation with its report), and the product's groups and usage
 * against the level's structural rules.
 */
@Component("checkLevel")
class CheckLevel implements JavaDelegate {

  private final CatalogueVersions versions;
  private final Evaluations evaluations;
  private final ProductGroups groups;
  private final ProcessIdentity identity;
  private final Portfolio portfolio;
  private final DeviationRegister deviations;

  CheckLevel(CatalogueVersions versions, Evaluations evaluations, ProductGroups groups, ProcessIdentity identity,
      Portfolio portfolio, DeviationRegister deviations) {
    this.portfolio = portfolio;
    this.deviations = deviations;
    this.versions = versions;
    this.evaluations = evaluations;
    this.groups = groups;
    this.identity = identity;
  }

  private static final String LEVEL_CHANGE = "level-change";

  private static String processKey(DelegateExecution execution) {
    return execution.getProcessDefinitionId() == null ? null : execution.getProcessDefinitionId().split(":")[0];
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessIdentity.Identity started = identity.requireLevelProcess(execution.getProcessInstanceId());
    String productId = started.productId();
    // A cycle outlives level changes: each round checks the product's level of the day.
    String level = LEVEL_CHANGE.equals(processKey(execution)) ? started.targetLevel()
        : portfolio.product(productId).map(Product::level).filter(l -> l != null).orElse("N1");
    boolean handoverPending = "promote".equals(started.direction()) && "N3".equals(level);
    // A deviation past its expiry date in the register no longer stands in for its criterion.
    Map<String, LocalDate> expired = deviations.expired(productId);
    // The catalogue version the process follows: the one its self-assessment form was generated from.
    Catalogue catalogue = versions.forProcess(execution.getVariables());
    SelfAssessmentCheck.Result criteria = SelfAssessmentCheck.check(catalogue, level, execution.getVariables(), expired);
    deviations.fromLevelCheck(productId, criteria, execution.getProcessInstanceId());
    List<String> structural = groups.structuralGaps(productId, level, handoverPending);

    String evaluationId = evaluations.automated(productId, catalogue, level, execution.getVariables(),
        execution.getProcessInstanceId(), expired);
    StringBuilder summary = new StringBuilder(criteria.summary()).append(evaluations.countsSummary(evaluationId));
    if (structural.isEmpty()) {
      summary.append("\n\nGrupper og udbredelse opfylder kravene til ").append(level).append('.');
    } else {
      summary.append("\n\nGrupper og udbredelse:");
      structural.forEach(gap -> summary.append("\n- ").append(gap));
    }
    SystemWrites.run(() -> {
      execution.setVariable("levelCheckPassed", criteria.passed() && structural.isEmpty());
      execution.setVariable("levelCheckSummary", summary.toString());
      execution.setVariable("indicativeLevel", criteria.indicativeLevel() == null ? "intet" : criteria.indicativeLevel());
      execution.setVariable("catalogueReference", criteria.catalogueReference());
      execution.setVariable("evaluationId", evaluationId);
      execution.setVariable("reportLink", evaluations.reportLink(evaluationId));
    });
    if (!(criteria.passed() && structural.isEmpty()) && LEVEL_CHANGE.equals(processKey(execution))) {
      // Failing checks send the application back to the applicant, never to the board.
      ReturnNote.leave(execution.getProcessInstance(), "Den automatiske kontrol af kriterier og grupper",
          "Ansøgningen opfylder ikke kravene til " + level + ": ret manglerne herunder (selvevalueringen, eller "
              + "grupperne og udbredelsen på produktsiden) og indsend igen.");
    }
  }
}
