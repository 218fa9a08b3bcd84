package dk.os2.governance.levels;

import dk.os2.governance.evaluation.EvaluationCompleted;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A product's last evaluation in the portfolio is the day of its latest evaluation by people: a
 * reviewer's, or a published report's (the annual cycle's board decision sets it too, in
 * {@link RecordAnnualDecision}). The automated check of a self-assessment is input for the people
 * who decide, not an evaluation of the product. An evaluation of a product outside the active
 * portfolio (a proposal, a retired product), an older report imported later, an undated report or
 * one dated ahead leave the date as it is; the next evaluation is never changed here. Listens
 * synchronously, so the date is written in the transaction that stores the evaluation.
 */
@Component
class LastEvaluationOnCompletion {

  private final Portfolio portfolio;

  LastEvaluationOnCompletion(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  @EventListener
  void evaluationCompleted(EvaluationCompleted evaluation) {
    if (!evaluation.byPeople() || evaluation.evaluatedOn() == null
        || evaluation.evaluatedOn().isAfter(ProcessClock.today())) {
      return;
    }
    Product product = portfolio.product(evaluation.productId()).orElse(null);
    if (product == null || product.status() != ProductStatus.ACTIVE) {
      return;
    }
    if (product.lastEvaluation() == null || evaluation.evaluatedOn().isAfter(product.lastEvaluation())) {
      portfolio.evaluationCycle(product.id(), evaluation.evaluatedOn(), product.nextEvaluation());
    }
  }
}
