package dk.os2.governance.submission;

import java.util.List;

/**
 * An input field of a Camunda Form, with the validation the form declares. {@code conditional}
 * marks a field that the form may hide; its presence rules then belong to the form's domain rules.
 */
public record FormField(
    String key,
    String type,
    String label,
    boolean required,
    Integer minLength,
    Integer maxLength,
    String pattern,
    String validationType,
    List<String> values,
    boolean conditional,
    String subtype) {

  /** The subtype of a date field. */
  public static final String DATE = "date";

  /** Whether the field holds a date (read by {@link MeetingDate}). */
  public boolean isDate() {
    return DATE.equals(subtype);
  }
}
