package dk.os2.governance.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a self-assessment form must hold for a level, checked when it is submitted: an answer to
 * every criterion of the level and below, and a documented deviation wherever the answer is not
 * "Ja" and the criterion allows one.
 */
public final class SelfAssessmentAnswers {

  private SelfAssessmentAnswers() {}

  /** Danish problems; {@code value} gives a submitted field's text, or null when it is empty. */
  public static List<String> problems(Catalogue catalogue, String level, Function<String, String> value) {
    List<String> errors = new ArrayList<>();
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      String answer = value.apply(c.answerVariable());
      if (answer == null) {
        errors.add("Svar på " + c.id() + " (" + c.title() + ") skal udfyldes.");
      } else if (c.deviationAllowed() && Answer.fromLabel(answer).orElse(Answer.JA) != Answer.JA
          && value.apply(c.deviationVariable()) == null) {
        errors.add("Beskriv den dokumenterede afvigelse for " + c.id() + ", når svaret er '" + answer + "'.");
      }
    }
    return errors;
  }
}
