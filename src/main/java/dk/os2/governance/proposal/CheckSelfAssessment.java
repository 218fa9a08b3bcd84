package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.CATALOGUE_REFERENCE;
import static dk.os2.governance.proposal.ProposalVariables.CHECK_PASSED;
import static dk.os2.governance.proposal.ProposalVariables.CHECK_SUMMARY;
import static dk.os2.governance.proposal.ProposalVariables.INDICATIVE_LEVEL;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.criteria.SelfAssessmentCheck;
import dk.os2.governance.deviation.DeviationRegister;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.integrity.SystemWrites;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The automated criteria check: the submitted self-assessment against the criteria of the
 * requested level, kept as an evaluation with its report page. It runs before the secretariat's
 * screening (and again after each supplement), so every reviewing body (secretariat, committee,
 * board) sees its result; it is input, never a decision.
 */
@Component("checkSelfAssessment")
class CheckSelfAssessment implements JavaDelegate {

  private final CatalogueVersions versions;
  private final Evaluations evaluations;
  private final ProcessIdentity identity;
  private final Portfolio portfolio;
  private final DeviationRegister deviations;

  CheckSelfAssessment(CatalogueVersions versions, Evaluations evaluations, ProcessIdentity identity, Portfolio portfolio,
      DeviationRegister deviations) {
    this.deviations = deviations;
    this.versions = versions;
    this.evaluations = evaluations;
    this.identity = identity;
    this.portfolio = portfolio;
  }

  /** The proposal's own product, and the level its proposer asked for in their own form. */
  @Override
  public void execute(DelegateExecution execution) {
    SystemWrites.run(() -> check(execution));
  }

  private void check(DelegateExecution execution) {
    String productId = identity.productOf(execution.getProcessInstanceId());
    Product product = portfolio.product(productId).orElseThrow();
    String level = product.requestedLevel();
    // A deviation past its expiry date in the register no longer stands in for its criterion.
    Map<String, LocalDate> expired = deviations.expired(productId);
    // The catalogue version the proposal began with: its forms were generated from it.
    Map<String, Object> answers = execution.getVariables();
    Catalogue catalogue = versions.forProcess(answers);
    SelfAssessmentCheck.Result result = SelfAssessmentCheck.check(catalogue, level, answers, expired);
    deviations.fromProposalCheck(productId, result, product.proposedBy(), execution.getProcessInstanceId());
    String evaluationId = evaluations.automated(productId, catalogue,
        level, answers, execution.getProcessInstanceId(), expired);
    // Each variable written once (a second write is one more update and history event).
    execution.setVariable(CHECK_PASSED, result.passed());
    execution.setVariable(CHECK_SUMMARY, result.summary() + evaluations.countsSummary(evaluationId));
    execution.setVariable(INDICATIVE_LEVEL, result.indicativeLevel() == null ? "intet" : result.indicativeLevel());
    execution.setVariable(CATALOGUE_REFERENCE, result.catalogueReference());
    execution.setVariable("evaluationId", evaluationId);
    execution.setVariable("reportLink", evaluations.reportLink(evaluationId));
  }
}
