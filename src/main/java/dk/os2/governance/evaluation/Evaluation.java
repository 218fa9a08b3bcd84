package dk.os2.governance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An evaluation of a product against one catalogue version. {@code statedLevel} is the level the
 * evaluation states (an imported report's recommendation) or decides.
 */
record Evaluation(
    String id,
    String productId,
    String catalogueId,
    String catalogueVersion,
    String targetLevel,
    String statedLevel,
    Source source,
    String summary,
    String overall,
    String recommendations,
    String author,
    LocalDate evaluatedOn,
    List<Assessment> assessments,
    List<String> warnings,
    String processInstanceId,
    String createdBy,
    Instant createdAt) {

  public enum Source {
    /** A reviewer's evaluation in this application. */
    REVIEW,
    /** Derived from a self-assessment by the automated check. */
    AUTOMATED,
    /** A published Markdown evaluation report, imported. */
    IMPORTED_REPORT
  }
}
