package dk.os2.governance.levels;

import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a round's evaluation begins: the product's level and steering group as they are that day.
 * A cycle outlives level changes and group changes, so the round's tasks go to the steering group
 * the product has now (or the secretariat while it has none) and check the level it has now.
 */
@Component("roundParticipants")
class RoundParticipants implements ExecutionListener {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;
  private final ProductGroups groups;

  RoundParticipants(Portfolio portfolio, ProcessIdentity identity, ProductGroups groups) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.groups = groups;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
    Product product = portfolio.product(productId).orElseThrow();
    String level = product.level() == null ? "N1" : product.level();
    String group = groups.members(productId, GroupKind.STEERING).isEmpty() ? Body.FORRETNINGSLEDELSE.groupId()
        : GroupKind.STEERING.groupId(productId);
    SystemWrites.run(() -> {
      execution.getProcessInstance().setVariable("currentLevel", level);
      execution.getProcessInstance().setVariable("requestedLevel", level);
      execution.getProcessInstance().setVariable("selfAssessmentGroup", group);
    });
  }
}
