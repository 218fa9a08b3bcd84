package dk.os2.governance.portfolio;

import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * What a deciding user task's form fields mean, as its model says ({@link TaskDecision}), for
 * another module that takes the same decision on the task's behalf (a meeting's minutes): the
 * field with the outcome and each outcome's Danish wording, and the fields of the rationale, a
 * chosen level and a justification.
 */
public record DecisionFields(String outcomeField, Map<String, String> labels, String rationaleField,
    String levelField, String justificationField, boolean board) {

  /** The decision fields of a user task, or null if its model says it decides nothing. */
  public static DecisionFields of(BaseElement task) {
    try {
      TaskDecision decision = TaskDecision.of(task);
      return new DecisionFields(decision.outcome(), decision.labels(), decision.rationale(), decision.level(),
          decision.justification(), decision.board());
    } catch (IllegalStateException e) {
      return null;
    }
  }
}
