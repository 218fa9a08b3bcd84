package dk.os2.governance.portfolio;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a deciding user task decides, as its model says in {@code camunda:properties} on the task:
 *
 * <ul>
 *   <li>{@code decision.outcome}: the form field carrying the outcome (required);
 *   <li>{@code decision.label.<outcome>}: each of the task's outcomes with its Danish wording, for
 *       forms and mails (at least one);
 *   <li>{@code decision.rationale}: the form field carrying the rationale (required);
 *   <li>{@code decision.level}: the form field carrying a chosen level, or
 *       {@code decision.targetLevel="true"}: the level is the level change's target level, recorded
 *       by the system when it started the process (at most one of the two);
 *   <li>{@code decision.justification}: the form field carrying a justification, and
 *       {@code decision.justification.fact}: how the mail names it (default "Begrundelse for
 *       afvigelse");
 *   <li>{@code decision.followUp}: the form field carrying a follow-up date, told as "Opfølgning";
 *   <li>{@code decision.board="true"}: a board decision, which records the meeting and minutes;
 *   <li>{@code decision.labelVariable}: a process variable that receives the outcome's wording;
 *   <li>{@code decision.returns}: the outcomes (comma separated) that send the work back to an
 *       earlier step (default {@code return}); such a decision leaves the return note that the
 *       receiving task's form shows ({@link ReturnNote}).
 * </ul>
 */
record TaskDecision(String outcome, String level, boolean targetLevel, String rationale, String justification,
    String justificationFact, String followUp, boolean board, String labelVariable, Map<String, String> labels,
    java.util.Set<String> returns) {

  static final String PREFIX = "decision.";
  static final String LABEL = PREFIX + "label.";
  static final String DEFAULT_JUSTIFICATION_FACT = "Begrundelse for afvigelse";

  /** Whether the outcome sends the work back to an earlier step. */
  boolean returns(String outcomeValue) {
    return outcomeValue != null && returns.contains(outcomeValue);
  }

  /** The Danish wording of an outcome, or null if the outcome is not one of the task's. */
  String label(String outcomeValue) {
    return outcomeValue == null ? null : labels.get(outcomeValue);
  }

  /**
   * Reads the decision properties of a user task.
   *
   * @throws IllegalStateException if the task's model does not say what it decides
   */
  static TaskDecision of(BaseElement task) {
    String id = task == null ? null : task.getId();
    Map<String, String> properties = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    ExtensionElements extensions = task == null ? null : task.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
        Collection<CamundaProperty> list = group.getCamundaProperties();
        for (CamundaProperty property : list) {
          String name = property.getCamundaName();
          String value = property.getCamundaValue();
          if (name == null || !name.startsWith(PREFIX) || value == null || value.isBlank()) {
            continue;
          }
          if (name.startsWith(LABEL)) {
            labels.put(name.substring(LABEL.length()), value);
          } else {
            properties.put(name.substring(PREFIX.length()), value);
          }
        }
      }
    }
    String outcome = properties.get("outcome");
    String rationale = properties.get("rationale");
    boolean targetLevel = Boolean.parseBoolean(properties.get("targetLevel"));
    String level = properties.get("level");
    if (outcome == null || rationale == null || labels.isEmpty() || (targetLevel && level != null)) {
      throw new IllegalStateException("The model of task " + id + " does not say what it decides: it needs "
          + "decision.outcome, decision.rationale, at least one decision.label.<outcome>, and at most one of "
          + "decision.level and decision.targetLevel");
    }
    return new TaskDecision(outcome, level, targetLevel, rationale, properties.get("justification"),
        properties.getOrDefault("justification.fact", DEFAULT_JUSTIFICATION_FACT), properties.get("followUp"),
        Boolean.parseBoolean(properties.get("board")), properties.get("labelVariable"), Map.copyOf(labels),
        java.util.Arrays.stream(properties.getOrDefault("returns", "return").split(",")).map(String::trim)
            .filter(o -> !o.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }
}
