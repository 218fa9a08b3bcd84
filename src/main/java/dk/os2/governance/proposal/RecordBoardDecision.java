package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.APPROVE;
import static dk.os2.governance.proposal.ProposalVariables.APPROVED_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_DECIDED_BY;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_DECISION_LABEL;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_MEETING_DATE;
import static dk.os2.governance.proposal.ProposalVariables.REJECT;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.Body;
import dk.os2.governance.integrity.ProcessIdentity;
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
 * Applies the board's final decision to the portfolio: approved at a level, or rejected (what
 * follows from the level, such as an N3 product's annual cycle, listens to the portfolio). The
 * decision is the one the board's own task recorded for this proposal, and the product is the
 * proposal's own; process variables decide neither.
 */
@Component("recordBoardDecision")
class RecordBoardDecision implements JavaDelegate {

  static final String BOARD_TASK = "UserTask_DecideProposal";

  private final Portfolio portfolio;
  private final Catalogue catalogue;
  private final ProcessIdentity identity;

  RecordBoardDecision(Portfolio portfolio, Catalogue catalogue, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.catalogue = catalogue;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = identity.proposalProduct(execution.getProcessInstanceId()).orElseThrow(
        () -> new ProcessEngineException("Forslaget har intet registreret produkt; afgørelsen kan ikke registreres."));
    Decision decision = portfolio.latestDecision(execution.getProcessInstanceId(), BOARD_TASK)
        .filter(d -> APPROVE.equals(d.outcome()) || REJECT.equals(d.outcome()))
        .orElseThrow(() -> new ProcessEngineException(
            "Bestyrelsen har ikke truffet en afgørelse om forslaget; den kan ikke registreres i porteføljen."));
    Product product = portfolio.product(productId).orElseThrow();
    if (product.status() != ProductStatus.PROPOSED) {
      throw new ProcessEngineException("Produktet er ikke længere et forslag; afgørelsen kan ikke registreres.");
    }
    // The proposer's outcome task shows the board's whole decision, as the mail tells it.
    execution.setVariable(BOARD_DECIDED_BY, Body.danishNameOf(decision.body()));
    execution.setVariable(BOARD_MEETING_DATE, decision.meetingDate() == null ? "–" : MeetingDate.danish(decision.meetingDate()));
    if (APPROVE.equals(decision.outcome())) {
      String level = decision.level();
      if (level == null || !catalogue.hasLevel(level)) {
        throw new ProcessEngineException("Bestyrelsens godkendelse mangler et gyldigt niveau.");
      }
      LocalDate since = decision.meetingDate();
      portfolio.approve(productId, level, since == null ? ProcessClock.today() : since, execution.getProcessInstanceId());
      execution.setVariable(BOARD_DECISION_LABEL, "Godkendt på niveau " + catalogue.levelName(level));
    } else {
      execution.removeVariable(APPROVED_LEVEL);
      portfolio.reject(productId, execution.getProcessInstanceId());
      execution.setVariable(BOARD_DECISION_LABEL, "Afvist");
    }
  }
}
