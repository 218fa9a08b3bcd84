package dk.os2.governance.rules;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A change the board rejected or the secretariat withdrew: nothing is published, the change is closed. */
@Component("closeCriteriaChange")
class CloseCriteriaChange implements JavaDelegate {

  static final String WITHDRAWN_TASK = "ServiceTask_CloseWithdrawn";

  private final ChangeStore store;

  CloseCriteriaChange(ChangeStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean withdrawn = WITHDRAWN_TASK.equals(execution.getCurrentActivityId());
    store.status(execution.getProcessInstanceId(), withdrawn ? ChangeStore.Status.WITHDRAWN : ChangeStore.Status.REJECTED);
  }
}
