package dk.os2.governance.rules;

import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A change the board rejected or the secretariat withdrew: nothing is published, the change is closed. */
@Component("closeCriteriaChange")
class CloseCriteriaChange implements JavaDelegate {

  static final String WITHDRAWN_TASK = "ServiceTask_CloseWithdrawn";

  private final ChangeStore store;
  private final Portfolio portfolio;
  private final CriteriaChangeOutcome outcome;

  CloseCriteriaChange(ChangeStore store, Portfolio portfolio, CriteriaChangeOutcome outcome) {
    this.store = store;
    this.portfolio = portfolio;
    this.outcome = outcome;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean withdrawn = WITHDRAWN_TASK.equals(execution.getCurrentActivityId());
    store.status(execution.getProcessInstanceId(), withdrawn ? ChangeStore.Status.WITHDRAWN : ChangeStore.Status.REJECTED);
    if (!withdrawn) {
      // The board rejected it: read from the board task's own recorded decision.
      Decision board = portfolio.latestDecision(execution.getProcessInstanceId(), PublishCriteriaChange.BOARD_TASK)
          .filter(d -> "reject".equals(d.outcome()))
          .orElseThrow(() -> new ProcessEngineException("Bestyrelsen har ikke afvist ændringen."));
      outcome.decided(execution.getProcessInstanceId(), board, null);
    }
  }
}
