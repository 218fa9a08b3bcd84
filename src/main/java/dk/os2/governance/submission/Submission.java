package dk.os2.governance.submission;

import java.util.Map;

/**
 * What someone submits to a form: the values, and the variables the process already holds
 * (empty for a start form).
 */
public record Submission(String formId, Map<String, Object> values, Map<String, Object> processVariables) {

  public String text(String key) {
    Object value = values.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** The submitted value if any, else what the process already holds. */
  public String current(String key) {
    String submitted = text(key);
    if (submitted != null || values.containsKey(key)) {
      return submitted;
    }
    Object held = processVariables.get(key);
    return held == null || held.toString().isBlank() ? null : held.toString();
  }
}
