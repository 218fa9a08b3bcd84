package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.Access;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.process.ProcessClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The annual cycle's last step: records the board's decision (keep, keep with an action plan, or
 * demote, which starts a level change) and the evaluation's date (the board's meeting, or today by
 * the engine's clock). The product is the cycle's recorded identity and the decision is what the
 * board's task recorded, not process variables.
 */
@Component("recordAnnualDecision")
class RecordAnnualDecision implements JavaDelegate {

  private final Portfolio portfolio;
  private final LevelChanges levelChanges;
  private final ProcessIdentity identity;
  private final Catalogue catalogue;

  RecordAnnualDecision(Portfolio portfolio, LevelChanges levelChanges, ProcessIdentity identity, Catalogue catalogue) {
    this.portfolio = portfolio;
    this.levelChanges = levelChanges;
    this.identity = identity;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
    Decision board = portfolio.latestDecision(execution.getProcessInstanceId(), "UserTask_DecideAnnual")
        .orElseThrow(() -> new ProcessEngineException(
            "Bestyrelsen har ikke truffet en afgørelse efter den årlige evaluering; porteføljen ændres ikke."));
    String decision = board.outcome();
    LocalDate meeting = board.meetingDate();
    portfolio.evaluationCycle(productId, meeting == null ? ProcessClock.today() : meeting, null);
    Product product = portfolio.product(productId).orElseThrow();
    if ("demote".equals(decision)) {
      String to = board.level();
      if (to == null || !catalogue.hasLevel(to) || product.level() == null
          || catalogue.rank(to) >= catalogue.rank(product.level())) {
        throw new ProcessEngineException("Bestyrelsens nedjustering skal være til et niveau under produktets nuværende.");
      }
      String by = Access.userId(execution.getProcessEngineServices().getIdentityService());
      levelChanges.start(productId, to,
          "Bestyrelsen besluttede nedjustering efter den årlige evaluering", by == null ? "bestyrelse" : by, true);
    }
    execution.setVariable("continueCycle", !"demote".equals(decision) && "N3".equals(product.level()));
  }
}
