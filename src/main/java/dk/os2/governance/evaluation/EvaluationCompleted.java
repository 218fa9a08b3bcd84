package dk.os2.governance.evaluation;

import java.time.LocalDate;

/**
 * An evaluation of a product was stored, complete: a reviewer's, an automated check of a
 * self-assessment (in a proposal, a level change or an annual evaluation), or an imported published
 * report. Published synchronously, inside the transaction that stores it: a listener's writes commit
 * or roll back with the evaluation.
 *
 * @param evaluationId the evaluation
 * @param productId the product it evaluates
 * @param source how it was made
 * @param evaluatedOn the day it was made ({@code null} when an imported report gives no valid date)
 * @param processInstanceId the process that made it (the automated checks), {@code null} otherwise
 */
public record EvaluationCompleted(String evaluationId, String productId, Evaluation.Source source,
    LocalDate evaluatedOn, String processInstanceId) {

  /**
   * Whether people evaluated the product itself: a reviewer or a published report. The automated
   * check only reads a self-assessment, as input for the people who decide.
   */
  public boolean byPeople() {
    return source != Evaluation.Source.AUTOMATED;
  }
}
