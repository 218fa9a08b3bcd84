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
 * Applies the board's level decision: the portfolio's level and level-since, the accepted
 * handover, the annual cycle (started on reaching N3, ended on leaving it), or retirement.
 *
 * <p>The product, current and target level are the level change's identity, recorded when the
 * system started it; the decision and the handover acceptance are what the board's and the
 * coordination committee's own tasks recorded. No process variable decides any of them.
 */
@Component("applyLevelChange")
class ApplyLevelChange implements JavaDelegate {

  private final Portfolio portfolio;
  private final LevelChanges levelChanges;
  private final ProcessIdentity identity;

  ApplyLevelChange(Portfolio portfolio, LevelChanges levelChanges, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.levelChanges = levelChanges;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    ProcessIdentity.Identity change = identity.requireLevelProcess(processInstanceId);
    String productId = change.productId();
    String target = change.targetLevel();
    String current = change.currentLevel();
    Decision board = portfolio.latestDecision(processInstanceId, "UserTask_DecideLevelChange")
        .filter(d -> !"return".equals(d.outcome()))
        .orElseThrow(() -> new ProcessEngineException(
            "Bestyrelsen har ikke truffet en afgørelse om niveauændringen; porteføljen ændres ikke."));
    LocalDate since = board.meetingDate() == null ? ProcessClock.today() : board.meetingDate();
    boolean handoverAccepted = portfolio.latestDecision(processInstanceId, "UserTask_ReviewHandover")
        .map(d -> "accept".equals(d.outcome())).orElse(false);
    switch (board.outcome()) {
      case "approve" -> {
        portfolio.changeLevel(productId, target, ProductStatus.ACTIVE, since);
        if (handoverAccepted) {
          portfolio.handoverAccepted(productId, since);
        }
        if ("N3".equals(target) && !levelChanges.annualCycleRunning(productId)) {
          levelChanges.startAnnualCycle(productId, false);
        }
        if ("N3".equals(current) && !"N3".equals(target)) {
          levelChanges.stopAnnualCycles(productId, null, "Produktet er ikke længere på N3");
          portfolio.evaluationCycle(productId, null, null);
        }
      }
      case "retire" -> {
        portfolio.changeLevel(productId, null, ProductStatus.RETIRED, since);
        levelChanges.stopAnnualCycles(productId, null, "Produktet er udfaset");
        portfolio.evaluationCycle(productId, null, null);
      }
      default -> { } // rejected: the product stays where it is
    }
  }
}
