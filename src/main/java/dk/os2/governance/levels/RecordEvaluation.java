package dk.os2.governance.levels;

import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The round's evaluation is done (the secretariat has evaluated): the product is no longer overdue,
 * its next evaluation is one cycle of its level from today, and the board's track learns whether the
 * Coordination Committee reviews the operations first (N3 products, monitored continuously).
 */
@Component("recordEvaluation")
class RecordEvaluation implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;
  private final EvaluationCycles cycles;

  RecordEvaluation(Portfolio portfolio, ProcessIdentity identity, EvaluationCycles cycles) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
    Product product = portfolio.product(productId).orElseThrow();
    LocalDate today = ProcessClock.today();
    execution.setVariable("evaluatedOn", today.toString());
    execution.setVariable("vital", "N3".equals(product.level()));
    portfolio.evaluationCycle(productId, null, today.plus(cycles.period(product.level())));
  }
}
