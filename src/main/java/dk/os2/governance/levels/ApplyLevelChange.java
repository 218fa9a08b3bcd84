package dk.os2.governance.levels;

import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the board's level decision: the portfolio's level and level-since and the accepted
 * handover, or retirement. The annual cycle follows the new level ({@link AnnualCycleOnLevelChange}).
 *
 * <p>The product and target level are the level change's identity, recorded when the system
 * started it; the decision and the handover acceptance are what the board's and the coordination
 * committee's own tasks recorded. No process variable decides any of them.
 */
@Component("applyLevelChange")
class ApplyLevelChange implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;

  ApplyLevelChange(Portfolio portfolio, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    ProcessIdentity.Identity change = identity.requireLevelProcess(processInstanceId);
    String productId = change.productId();
    String target = change.targetLevel();
    Decision board = portfolio.latestDecision(processInstanceId, "UserTask_DecideLevelChange")
        .filter(d -> !"return".equals(d.outcome()))
        .orElseThrow(() -> new ProcessEngineException(
            "Bestyrelsen har ikke truffet en afgørelse om niveauændringen; porteføljen ændres ikke."));
    LocalDate since = board.meetingDate() == null ? ProcessClock.today() : board.meetingDate();
    boolean handoverAccepted = portfolio.latestDecision(processInstanceId, "UserTask_ReviewHandover")
        .map(d -> "accept".equals(d.outcome())).orElse(false);
    switch (board.outcome()) {
      case "approve" -> {
        if (handoverAccepted) {
          portfolio.handoverAccepted(productId, since);
        }
        portfolio.changeLevel(productId, target, ProductStatus.ACTIVE, since, processInstanceId);
      }
      case "retire" -> portfolio.changeLevel(productId, null, ProductStatus.RETIRED, since, processInstanceId);
      default -> { } // rejected: the product stays where it is
    }
  }
}
