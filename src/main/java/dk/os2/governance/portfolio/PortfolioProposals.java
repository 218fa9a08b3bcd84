package dk.os2.governance.portfolio;

import dk.os2.governance.integrity.ProposedProducts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The portfolio's answer to the integrity module: which product a proposal registered, and who proposed it. */
@Component
class PortfolioProposals implements ProposedProducts {

  private final Portfolio portfolio;

  PortfolioProposals(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  @Override
  public Optional<ProposedProduct> proposedIn(String processInstanceId) {
    return portfolio.proposedIn(processInstanceId).map(p -> new ProposedProduct(p.id(), p.proposedBy()));
  }
}
