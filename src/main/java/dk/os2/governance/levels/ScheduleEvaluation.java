package dk.os2.governance.levels;

import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The annual cycle's first step: when the next evaluation falls due (now, when the cycle was
 * started on request; otherwise one interval from today by the engine's clock). Sets the timer's
 * due date and the portfolio's next evaluation. The product is the cycle's recorded identity.
 */
@Component("scheduleEvaluation")
class ScheduleEvaluation implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;
  private final Period interval;

  ScheduleEvaluation(Portfolio portfolio, ProcessIdentity identity,
      @Value("${os2.evaluation.interval}") Period interval) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.interval = interval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = ProcessClock.today();
    boolean now = Boolean.TRUE.equals(execution.getVariable("startNow"));
    LocalDate due = now ? today : today.plus(interval);
    execution.setVariable("startNow", false);
    execution.setVariable("evaluationDue", now ? ProcessClock.currentTime() : ProcessClock.startOf(due));
    portfolio.evaluationCycle(identity.requireLevelProcess(execution.getProcessInstanceId()).productId(), null, due);
  }
}
