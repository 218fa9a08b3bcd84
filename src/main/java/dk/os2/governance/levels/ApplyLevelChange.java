package dk.os2.governance.levels;

import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the board's level decision: the portfolio's level and level-since, the accepted
 * handover, the annual cycle (started on reaching N3, ended on leaving it), or retirement.
 */
@Component("applyLevelChange")
class ApplyLevelChange implements JavaDelegate {

  private final Portfolio portfolio;
  private final LevelChanges levelChanges;

  ApplyLevelChange(Portfolio portfolio, LevelChanges levelChanges) {
    this.portfolio = portfolio;
    this.levelChanges = levelChanges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = (String) execution.getVariable("productId");
    String decision = (String) execution.getVariable("levelDecision");
    String target = (String) execution.getVariable("requestedLevel");
    String current = (String) execution.getVariable("currentLevel");
    LocalDate meeting = MeetingDate.parse(execution.getVariable("meetingDate"));
    LocalDate since = meeting == null ? LocalDate.now() : meeting;
    switch (decision) {
      case "approve" -> {
        portfolio.changeLevel(productId, target, ProductStatus.ACTIVE, since);
        if ("accept".equals(execution.getVariable("handoverDecision"))) {
          portfolio.handoverAccepted(productId, since);
        }
        if ("N3".equals(target) && !levelChanges.annualCycleRunning(productId)) {
          levelChanges.startAnnualCycle(productId, false);
        }
        if ("N3".equals(current) && !"N3".equals(target)) {
          levelChanges.stopAnnualCycles(productId, null, "Produktet er ikke længere på N3");
          portfolio.evaluationCycle(productId, null, null);
        }
        execution.setVariable("levelDecisionLabel", "Godkendt: produktet er nu på " + target);
      }
      case "retire" -> {
        portfolio.changeLevel(productId, null, ProductStatus.RETIRED, since);
        levelChanges.stopAnnualCycles(productId, null, "Produktet er udfaset");
        portfolio.evaluationCycle(productId, null, null);
        execution.setVariable("levelDecisionLabel", "Produktet er udfaset og forlader porteføljen");
      }
      default -> execution.setVariable("levelDecisionLabel", "Afvist: produktet bliver på " + current);
    }
  }
}
