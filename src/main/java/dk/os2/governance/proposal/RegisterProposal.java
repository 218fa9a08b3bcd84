package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_ID;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_NAME;
import static dk.os2.governance.proposal.ProposalVariables.PROPOSER;
import static dk.os2.governance.proposal.ProposalVariables.REQUESTED_LEVEL;

import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.Portfolio;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a new or supplemented proposal in the portfolio, as a proposed product. The product is
 * found by the proposal's own process instance (never by a {@code productId} variable), and its
 * proposer is the engine's initiator at the first registration, which no later step changes.
 */
@Component("registerProposal")
class RegisterProposal implements JavaDelegate {

  private final Portfolio portfolio;
  private final ProcessIdentity identity;

  RegisterProposal(Portfolio portfolio, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Portfolio.Proposal proposal = new Portfolio.Proposal(
        text(execution, PRODUCT_NAME), text(execution, "purpose"), text(execution, "need"),
        text(execution, "municipality"), text(execution, "contactName"), text(execution, "contactEmail"),
        text(execution, "participatingMunicipalities"), text(execution, "suppliers"),
        text(execution, "licence"), text(execution, "repositoryUrl"), text(execution, REQUESTED_LEVEL),
        text(execution, PROPOSER), execution.getProcessInstanceId());
    String productId = identity.proposalProduct(execution.getProcessInstanceId()).orElse(null);
    if (productId == null) {
      String registered = portfolio.registerProposal(proposal);
      SystemWrites.run(() -> execution.setVariable(PRODUCT_ID, registered));
    } else {
      portfolio.updateProposal(productId, proposal);
    }
    execution.setProcessBusinessKey(proposal.name());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
