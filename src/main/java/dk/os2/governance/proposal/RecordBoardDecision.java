package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.APPROVE;
import static dk.os2.governance.proposal.ProposalVariables.APPROVED_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_DECISION;
import static dk.os2.governance.proposal.ProposalVariables.BOARD_DECISION_LABEL;
import static dk.os2.governance.proposal.ProposalVariables.MEETING_DATE;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_ID;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the board's final decision to the portfolio: approved at a level, or rejected. */
@Component("recordBoardDecision")
class RecordBoardDecision implements JavaDelegate {

  private final Portfolio portfolio;
  private final Catalogue catalogue;

  RecordBoardDecision(Portfolio portfolio, Catalogue catalogue) {
    this.portfolio = portfolio;
    this.catalogue = catalogue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String productId = (String) execution.getVariable(PRODUCT_ID);
    if (APPROVE.equals(execution.getVariable(BOARD_DECISION))) {
      String level = (String) execution.getVariable(APPROVED_LEVEL);
      LocalDate since = MeetingDate.parse(execution.getVariable(MEETING_DATE));
      portfolio.approve(productId, level, since == null ? LocalDate.now() : since);
      execution.setVariable(BOARD_DECISION_LABEL, "Godkendt på niveau " + catalogue.levelName(level));
    } else {
      execution.removeVariable(APPROVED_LEVEL);
      portfolio.reject(productId);
      execution.setVariable(BOARD_DECISION_LABEL, "Afvist");
    }
  }
}
