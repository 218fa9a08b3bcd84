package dk.os2.governance.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Validates a submission on the server, as the browser's form would and more: only the form's
 * own fields, required values, lengths, formats, allowed choices, types, no markup and no
 * expressions; then the form's domain rules.
 */
@Component
public class SubmissionValidator {

  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<SubmissionRule> rules;

  SubmissionValidator(List<SubmissionRule> rules) {
    this.rules = rules;
  }

  /** Whether a text holds markup or an expression (${...}, #{...}), which no field may. */
  public static boolean isUnsafeText(String text) {
    return text != null && (MARKUP.matcher(text).find() || EXPRESSION.matcher(text).find());
  }

  public List<String> validate(FormSchema form, Submission submission) {
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Object> entry : submission.values().entrySet()) {
      if (form.field(entry.getKey()).isEmpty()) {
        errors.add("Feltet '" + entry.getKey() + "' hører ikke til formularen og kan ikke sendes.");
      }
    }
    for (FormField field : form.fields().values()) {
      checkField(field, submission.values(), errors);
    }
    if (errors.isEmpty()) {
      for (SubmissionRule rule : rules) {
        if (rule.appliesTo(form.id())) {
          errors.addAll(rule.check(submission));
        }
      }
    }
    return errors;
  }

  private static void checkField(FormField field, Map<String, Object> values, List<String> errors) {
    Object value = values.get(field.key());
    String label = "«" + field.label() + "»";
    boolean empty = value == null || (value instanceof String s && s.isBlank());
    if (empty) {
      if (field.required() && !field.conditional()) {
        errors.add(label + " skal udfyldes.");
      }
      return;
    }
    switch (field.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.add(label + " skal være ja eller nej (afkrydsning), ikke '" + value + "'.");
        }
        return;
      }
      case "number" -> {
        if (!(value instanceof Number)) {
          errors.add(label + " skal være et tal.");
        }
        return;
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof List<?> list) || !field.values().containsAll(list.stream().map(String::valueOf).toList())) {
          errors.add(label + " skal være en liste med værdier blandt: " + String.join(", ", field.values()) + ".");
        }
        return;
      }
      default -> {
        // text-like fields below
      }
    }
    if (!(value instanceof String text)) {
      errors.add(label + " skal være tekst.");
      return;
    }
    if (EXPRESSION.matcher(text).find()) {
      errors.add(label + " må ikke indeholde udtryk som ${...} eller #{...}.");
      return;
    }
    if (MARKUP.matcher(text).find()) {
      errors.add(label + " må ikke indeholde HTML eller script.");
      return;
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      errors.add(label + " må højst være " + field.maxLength() + " tegn (der er " + text.length() + ").");
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      errors.add(label + " skal være mindst " + field.minLength() + " tegn.");
    }
    if (!field.values().isEmpty() && !field.values().contains(text)) {
      errors.add(label + " skal være en af: " + String.join(", ", field.values()) + " (ikke '" + text + "').");
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
      errors.add(label + " skal være en gyldig e-mailadresse.");
    }
    if (field.isDate()) {
      // Day first as the form asks (or unambiguous ISO from API clients); the date must exist.
      errors.addAll(MeetingDate.formatProblems(label, text));
    } else if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) {
      errors.add(label + " har ikke det rigtige format.");
    }
  }
}
