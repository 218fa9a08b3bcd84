package dk.os2.governance.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The submittable input fields of one Camunda Form, read from its JSON. A field the form shows
 * disabled or read-only (for display, e.g. a level the system computed) is not submittable: a
 * submission carrying it is refused like one carrying a field the form does not have.
 */
public record FormSchema(String id, Map<String, FormField> fields) {

  private static final Set<String> INPUT_TYPES = Set.of(
      "textfield", "textarea", "select", "radio", "checkbox", "number", "datetime", "checklist", "taglist");

  public Optional<FormField> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public static FormSchema parse(JsonNode form) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(form.path("components"), false, fields);
    return new FormSchema(form.path("id").asText(), fields);
  }

  /**
   * Whether the form shows the field without letting the user change it: {@code disabled}, or
   * {@code readonly} as {@code true} or as an expression (which may make it read-only at any time,
   * so the server takes the stricter reading).
   */
  static boolean displayOnly(JsonNode component) {
    return flag(component.path("disabled")) || flag(component.path("readonly"));
  }

  private static boolean flag(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.isTextual() && !value.asText().isBlank() && !"false".equalsIgnoreCase(value.asText().trim());
  }

  /**
   * The field's subtype: {@code date} for a date, whether a date picker ({@code datetime} with
   * subtype {@code date}) or a text field marked {@code "properties": {"format": "date"}} (how the
   * forms ask for Danish dates, dd-mm-åååå).
   */
  private static String subtype(JsonNode component) {
    if ("date".equals(component.path("properties").path("format").asText(null))) {
      return FormField.DATE;
    }
    return component.hasNonNull("subtype") ? component.path("subtype").asText() : null;
  }

  private static void collect(JsonNode components, boolean insideConditional, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      boolean conditional = insideConditional || component.hasNonNull("conditional");
      String type = component.path("type").asText();
      if (component.has("components")) {
        collect(component.path("components"), conditional, fields);
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key") || displayOnly(component)) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> values = new ArrayList<>();
      component.path("values").forEach(v -> values.add(v.path("value").asText()));
      String key = component.path("key").asText();
      String label = component.hasNonNull("label") ? component.path("label").asText()
          : component.path("dateLabel").asText(key);
      fields.put(key, new FormField(key, type, label,
          validate.path("required").asBoolean(false),
          validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
          validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
          validate.hasNonNull("validationType") ? validate.path("validationType").asText() : null,
          List.copyOf(values), conditional,
          subtype(component)));
    }
  }
}
