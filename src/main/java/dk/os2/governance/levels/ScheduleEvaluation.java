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
 * The first step of each round of a product's evaluation cycle: when the next evaluation is due
 * (one cycle of the product's current level after the last round's evaluation, or after today for a
 * new cycle; at once when the cycle was started on request) and when it begins (the lead time
 * before). Sets the timers' dates and the portfolio's next evaluation, which is the due date: a
 * product whose evaluation is not done by then shows it in the past. The period is the product's
 * level's of the day, because the cycle outlives level changes.
 */
@Component("scheduleEvaluation")
class ScheduleEvaluation implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;
  private final EvaluationCycles cycles;

  ScheduleEvaluation(Portfolio portfolio, ProcessIdentity identity, EvaluationCycles cycles) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
    Product product = portfolio.product(productId).orElseThrow();
    LocalDate today = ProcessClock.today();
    boolean now = Boolean.TRUE.equals(execution.getVariable("startNow"));
    LocalDate due;
    if (now) {
      due = today.plus(cycles.leadTime());
    } else {
      LocalDate evaluatedOn = parse(execution.getVariable("evaluatedOn"));
      due = (evaluatedOn == null ? today : evaluatedOn).plus(cycles.period(product.level()));
      if (!due.isAfter(today)) {
        due = today.plus(cycles.leadTime());
      }
    }
    LocalDate begins = due.minus(cycles.leadTime());
    if (now) {
      execution.setVariable("startNow", false); // the next round waits its period (written only when it changes)
    }
    execution.setVariable("evaluationStart", now || !begins.isAfter(today) ? ProcessClock.currentTime()
        : ProcessClock.startOf(begins));
    execution.setVariable("evaluationDue", ProcessClock.startOf(due.plusDays(1)));
    portfolio.evaluationCycle(productId, null, due);
  }

  static LocalDate parse(Object value) {
    return value == null ? null : LocalDate.parse(value.toString());
  }
}
