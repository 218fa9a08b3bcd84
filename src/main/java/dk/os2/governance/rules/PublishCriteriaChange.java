package dk.os2.governance.rules;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The board approved: the proposed version is published with its effective date and the board's
 * decision, read from the board task's own recorded decision, never from a variable another form
 * could write.
 */
@Component("publishCriteriaChange")
class PublishCriteriaChange implements JavaDelegate {

  static final String BOARD_TASK = "UserTask_DecideCriteriaChange";

  private final CriteriaChanges changes;
  private final ChangeStore store;
  private final CatalogueStore catalogues;
  private final Portfolio portfolio;
  private final Succession succession;
  private final CriteriaChangeOutcome outcome;

  PublishCriteriaChange(CriteriaChanges changes, ChangeStore store, CatalogueStore catalogues, Portfolio portfolio,
      Succession succession, CriteriaChangeOutcome outcome) {
    this.changes = changes;
    this.store = store;
    this.catalogues = catalogues;
    this.portfolio = portfolio;
    this.succession = succession;
    this.outcome = outcome;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    Decision decision = portfolio.latestDecision(processInstanceId, BOARD_TASK)
        .filter(d -> "approve".equals(d.outcome()))
        .orElseThrow(() -> new ProcessEngineException("Bestyrelsen har ikke godkendt ændringen; intet udgives."));
    LocalDate effective = MeetingDate.parse(execution.getVariable("effectiveDate"));
    if (effective == null) {
      throw new ProcessEngineException("Ændringen har ingen gyldig ikrafttrædelsesdato; intet udgives.");
    }
    Catalogue proposed = changes.proposed(processInstanceId).orElseThrow();
    // Whatever completed the board's task (its form, the meeting's minutes, the Java API): never an
    // older version after a newer one, which would undo what the board approved in between.
    ChangeStore.Change change = store.find(processInstanceId).orElseThrow();
    List<String> problems = succession.approvalProblems(proposed.id(), proposed.version(), change.baseVersion(),
        effective);
    if (!problems.isEmpty()) {
      throw new ProcessEngineException(String.join(" ", problems));
    }
    catalogues.publishApproved(proposed,
        new CatalogueStore.Approval(effective, decision.id(), processInstanceId, decision.decidedBy()));
    store.status(processInstanceId, ChangeStore.Status.APPROVED);
    execution.setVariable("effectiveDate", effective.toString());
    outcome.decided(processInstanceId, decision, effective);
  }
}
