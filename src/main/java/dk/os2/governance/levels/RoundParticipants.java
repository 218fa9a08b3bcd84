package dk.os2.governance.levels;

import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a round's evaluation begins: the product's facts as they are that day. A cycle waits a year
 * or more and outlives level changes, group changes and a new contact address, so it starts with
 * none of them (LevelChanges#annualCycle); each round sets them here, before its first task: the
 * tasks go to the steering group the product has now (or the secretariat while it has none), check
 * the level it has now and mail the contact it has now.
 */
@Component("roundParticipants")
class RoundParticipants implements ExecutionListener {

  /** A cycle's round keeps the level unless the board decides otherwise. */
  static final String DIRECTION = "keep";
  /** Why a cycle's round runs, as the product page shows it. */
  static final String REASON = "Evalueringscyklus";

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
    Map<String, Object> facts = new HashMap<>();
    facts.put("productId", productId);
    facts.put("productName", product.name());
    facts.put("currentLevel", level);
    facts.put("requestedLevel", level);
    facts.put("direction", DIRECTION);
    facts.put("reason", REASON);
    facts.put("applicant", Body.FORRETNINGSLEDELSE.groupId());
    facts.put("contactEmail", LevelChanges.contactEmail(product));
    facts.put("steeringGroup", GroupKind.STEERING.groupId(productId));
    facts.put("selfAssessmentGroup", LevelChanges.selfAssessmentGroup(productId, groups));
    SystemWrites.run(() -> execution.getProcessInstance().setVariables(facts));
  }
}
