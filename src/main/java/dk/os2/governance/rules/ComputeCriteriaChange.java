package dk.os2.governance.rules;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueDiff;
import dk.os2.governance.integrity.SystemWrites;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The diff of the proposed version against the version it would succeed (the newest published, normally the one in force) and its impact on the portfolio,
 * computed when the change starts and after each revision: summaries for the forms, the link to the
 * printable page, and which committees recommend (the owners of what changed).
 */
@Component("computeCriteriaChange")
class ComputeCriteriaChange implements JavaDelegate {

  private final CriteriaChanges changes;
  private final ChangeStore store;
  private final ImpactPreview impact;
  private final Succession succession;

  ComputeCriteriaChange(CriteriaChanges changes, ChangeStore store, ImpactPreview impact, Succession succession) {
    this.changes = changes;
    this.store = store;
    this.impact = impact;
    this.succession = succession;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    Catalogue proposed = changes.proposed(processInstanceId).orElseThrow();
    // The version it would succeed: the newest published as rules (normally the one in force).
    Catalogue base = succession.base(proposed.id()).orElse(null);
    CatalogueDiff diff = CatalogueDiff.between(base, proposed);
    ImpactPreview.Impact preview = impact.of(base, proposed);
    store.baseVersion(processInstanceId, base == null ? null : base.version());
    SystemWrites.run(() -> {
      execution.setVariable("productName", "Kriterieændring " + proposed.reference());
      execution.setVariable("catalogueReference", proposed.reference());
      execution.setVariable("proposedVersion", proposed.version());
      execution.setVariable("baseVersion", base == null ? "" : base.version());
      execution.setVariable("changeSummary", diff.summary());
      execution.setVariable("impactSummary", preview.summary());
      execution.setVariable("changeLink", CriteriaChanges.PAGE + "/" + processInstanceId);
      execution.setVariable("productCriteriaChanged", diff.touchesProductCriteria());
      execution.setVariable("operationsCriteriaChanged", diff.touchesOperationsCriteria());
    });
  }
}
