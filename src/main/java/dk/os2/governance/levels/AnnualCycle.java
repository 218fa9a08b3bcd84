package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.Access;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.submission.MeetingDate;
import org.camunda.bpm.engine.ProcessEngineException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The annual evaluation cycle's two service tasks: scheduling the next evaluation (timer and
 * portfolio), and recording the board's decision (keep, keep with an action plan, or demote, which
 * starts a level change). The product is the cycle's recorded identity and the decision is what the
 * board's task recorded, not process variables.
 */
@Configuration
class AnnualCycle {

  private final Portfolio portfolio;
  private final LevelChanges levelChanges;
  private final Period interval;
  private final ProcessIdentity identity;
  private final Catalogue catalogue;

  AnnualCycle(Portfolio portfolio, LevelChanges levelChanges, @Value("${os2.evaluation.interval}") Period interval,
      ProcessIdentity identity, Catalogue catalogue) {
    this.portfolio = portfolio;
    this.levelChanges = levelChanges;
    this.interval = interval;
    this.identity = identity;
    this.catalogue = catalogue;
  }

  @Bean("scheduleEvaluation")
  JavaDelegate scheduleEvaluation() {
    return execution -> {
      LocalDate today = MeetingDate.today();
      boolean now = Boolean.TRUE.equals(execution.getVariable("startNow"));
      LocalDate due = now ? today : today.plus(interval);
      execution.setVariable("startNow", false);
      execution.setVariable("evaluationDue", now ? ClockUtil.getCurrentTime()
          : Date.from(due.atStartOfDay(ZoneId.systemDefault()).toInstant()));
      portfolio.evaluationCycle(identity.requireLevelProcess(execution.getProcessInstanceId()).productId(), null, due);
    };
  }

  @Bean("recordAnnualDecision")
  JavaDelegate recordAnnualDecision() {
    return (DelegateExecution execution) -> {
      String productId = identity.requireLevelProcess(execution.getProcessInstanceId()).productId();
      Decision board = portfolio.latestDecision(execution.getProcessInstanceId(), "UserTask_DecideAnnual")
          .orElseThrow(() -> new ProcessEngineException(
              "Bestyrelsen har ikke truffet en afgørelse efter den årlige evaluering; porteføljen ændres ikke."));
      String decision = board.outcome();
      LocalDate meeting = board.meetingDate();
      portfolio.evaluationCycle(productId, meeting == null ? LocalDate.now() : meeting, null);
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
    };
  }
}
