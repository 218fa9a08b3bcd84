package dk.os2.governance.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the Camunda Forms (form-js schema 16, as Camunda 7.24's Tasklist renders them) that ask for
 * a self-assessment: the form's own fields come from its template
 * ({@code form-templates/<form id>.json}), and the template's placeholder component is replaced by
 * one group per level of the catalogue, each criterion with its question, its answer (Ja / Nej /
 * Ikke relevant / Ved ikke), its documentation and, where the criterion allows one, the documented
 * deviation asked for whenever the answer is not "Ja". A level's group is shown when the requested
 * level is that level or above.
 */
public final class SelfAssessmentForms {

  /** The forms that ask for a self-assessment, by form id (the {@code camunda:formRef} key). */
  public static final List<String> FORM_IDS = List.of("proposal-start", "supplement-proposal", "level-self-assessment");

  static final String PLACEHOLDER_TYPE = "os2-catalogue-criteria";
  private static final List<String> ANSWERS = List.of("Ja", "Nej", "Ikke relevant", "Ved ikke");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private SelfAssessmentForms() {}

  /** The form's JSON for the catalogue, formatted as the files under {@code forms/}. */
  public static String generate(String formId, Catalogue catalogue) {
    ObjectNode form = template(formId);
    ArrayNode components = (ArrayNode) form.path("components");
    ArrayNode generated = JSON.createArrayNode();
    boolean replaced = false;
    for (JsonNode component : components) {
      if (PLACEHOLDER_TYPE.equals(component.path("type").asText())) {
        catalogue.levels().forEach(level -> generated.add(group(catalogue, level)));
        replaced = true;
      } else {
        generated.add(component);
      }
    }
    if (!replaced) {
      throw new IllegalStateException("The template of form " + formId + " has no " + PLACEHOLDER_TYPE + " component");
    }
    form.set("components", generated);
    try {
      return JSON.writer(PRETTY).writeValueAsString(form) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode template(String formId) {
    if (!FORM_IDS.contains(formId)) {
      throw new IllegalArgumentException("No template for form " + formId);
    }
    try (InputStream in = SelfAssessmentForms.class.getResourceAsStream("/form-templates/" + formId + ".json")) {
      if (in == null) {
        throw new IllegalStateException("form-templates/" + formId + ".json is missing");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode group(Catalogue catalogue, Catalogue.Level level) {
    ObjectNode group = JSON.createObjectNode();
    group.put("type", "group");
    group.put("id", "Group_" + identifier(level.id()));
    group.put("label", "Kriterier for " + level.name());
    group.put("showOutline", true);
    ArrayNode components = group.putArray("components");
    for (Criterion c : catalogue.criteria()) {
      if (c.level().equals(level.id())) {
        criterion(c, components);
      }
    }
    int rank = catalogue.rank(level.id());
    if (rank > 0) {
      String atOrAbove = catalogue.levels().subList(rank, catalogue.levels().size()).stream()
          .map(l -> "requestedLevel = " + quoted(l.id())).collect(Collectors.joining(" or "));
      group.putObject("conditional").put("hide", "=not(" + atOrAbove + ")");
    }
    return group;
  }

  private static void criterion(Criterion c, ArrayNode components) {
    String name = c.variablePrefix();
    ObjectNode text = components.addObject();
    text.put("type", "text");
    text.put("id", "Text_" + name);
    text.put("text", "**" + c.id() + " " + c.title() + "** (" + (c.mandatory() ? "Krav" : "Anbefaling") + ")"
        + (c.guidance() == null || c.guidance().isBlank() ? "" : "  \n" + c.guidance()));

    ObjectNode answer = field(components, "select", c.answerVariable(), "Svar på " + c.id());
    answer.putObject("validate").put("required", true);
    ArrayNode values = answer.putArray("values");
    ANSWERS.forEach(a -> values.addObject().put("label", a).put("value", a));

    ObjectNode documentation = field(components, "textarea", c.documentationVariable(), "Dokumentation for " + c.id());
    documentation.putObject("validate").put("maxLength", 2000);
    documentation.put("description", "Tekst og links");

    if (c.deviationAllowed()) {
      ObjectNode deviation = field(components, "textarea", c.deviationVariable(), "Dokumenteret afvigelse for " + c.id());
      deviation.putObject("validate").put("required", true).put("maxLength", 2000);
      deviation.putObject("conditional").put("hide",
          "=" + c.answerVariable() + " = null or " + c.answerVariable() + " = " + quoted("Ja"));
    }
  }

  private static ObjectNode field(ArrayNode components, String type, String key, String label) {
    ObjectNode field = components.addObject();
    field.put("type", type);
    field.put("key", key);
    field.put("id", "Field_" + key);
    field.put("label", label);
    return field;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String identifier(String id) {
    return id.replaceAll("[^A-Za-z0-9]", "_");
  }
}
