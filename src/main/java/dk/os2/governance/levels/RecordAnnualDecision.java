package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The board's track of an evaluation round: records the evaluation's date (the board's meeting,
 * or today by the engine's clock) and carries out the board's decision. Keep: nothing more. An
 * action plan: its follow-up falls due on the board's date. Demote: the product gets the lower
 * level in the portfolio, as a board decision of this process (the decision itself is the row the
 * board's task recorded), and the cycle goes on at the new level's period. The product is the
 * cycle's recorded identity; the decision is what the board's task recorded, not process variables.
 */
@Component("recordAnnualDecision")
class RecordAnnualDecision implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;
  private final Catalogue catalogue;
  private final EvaluationCycles cycles;

  RecordAnnualDecision(Portfolio portfolio, ProcessIdentity identity, Catalogue catalogue, EvaluationCycles cycles) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.catalogue = catalogue;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
    Decision board = portfolio.latestDecision(execution.getProcessInstanceId(), "UserTask_DecideAnnual")
        .orElseThrow(() -> new ProcessEngineException(
            "Bestyrelsen har ikke truffet en afgørelse efter evalueringen; porteføljen ændres ikke."));
    String decision = board.outcome();
    LocalDate meeting = board.meetingDate();
    LocalDate on = meeting == null ? ProcessClock.today() : meeting;
    Product product = portfolio.product(productId).orElseThrow();
    portfolio.evaluationCycle(productId, on, product.nextEvaluation());
    boolean actionPlan = "action".equals(decision);
    execution.setVariable("actionPlanDecided", actionPlan);
    if (actionPlan) {
      LocalDate followUp = MeetingDate.parse(execution.getVariable("followUpDate"));
      execution.setVariable("followUpDue", ProcessClock.startOf(followUp == null ? ProcessClock.today() : followUp));
    }
    if ("demote".equals(decision)) {
      String to = board.level();
      if (to == null || !catalogue.hasLevel(to) || product.level() == null
          || catalogue.rank(to) >= catalogue.rank(product.level())) {
        throw new ProcessEngineException("Bestyrelsens nedjustering skal være til et niveau under produktets nuværende.");
      }
      portfolio.changeLevel(productId, to, ProductStatus.ACTIVE, on, execution.getProcessInstanceId());
      LocalDate evaluatedOn = ScheduleEvaluation.parse(execution.getVariable("evaluatedOn"));
      portfolio.evaluationCycle(productId, null,
          (evaluatedOn == null ? ProcessClock.today() : evaluatedOn).plus(cycles.period(to)));
      SystemWrites.run(() -> {
        execution.setVariable("currentLevel", to);
        execution.setVariable("requestedLevel", to);
      });
    }
    execution.setVariable("continueCycle",
        portfolio.product(productId).map(p -> p.status() == ProductStatus.ACTIVE).orElse(false));
  }
}
