package dk.os2.governance.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * Every user task whose completion records a decision says in its model what it decides, and its
 * form asks for exactly that: the outcome field offers the task's outcomes, and the rationale,
 * level, justification and follow-up fields the model names are fields of the form.
 */
class TaskDecisionModelTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyDecidingTaskSaysWhatItDecidesAndItsFormAsksForIt() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path model : files("bpmn", ".bpmn")) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        if (!recordsDecision(task)) {
          continue;
        }
        TaskDecision decision = TaskDecision.of(task);
        Map<String, List<String>> form = formFields(task.getCamundaFormRef());
        assertThat(form.get(decision.outcome())).as("outcomes of %s", task.getId())
            .containsExactlyInAnyOrderElementsOf(decision.labels().keySet());
        assertThat(decision.labels().values()).as("Danish wording of %s", task.getId()).allSatisfy(
            label -> assertThat(label).isNotBlank());
        for (String field : Stream.of(decision.rationale(), decision.level(), decision.justification(),
            decision.followUp()).filter(f -> f != null).toList()) {
          assertThat(form).as("form of %s", task.getId()).containsKey(field);
        }
        checked.add(task.getId());
      }
    }
    assertThat(checked).hasSize(12);
  }

  private static boolean recordsDecision(UserTask task) {
    return task.getExtensionElements() != null && task.getExtensionElements()
        .getChildElementsByType(CamundaTaskListener.class).stream()
        .anyMatch(listener -> "${decisionRecorder}".equals(listener.getCamundaDelegateExpression()));
  }

  /** The form's fields by key, each with the values it offers. */
  private static Map<String, List<String>> formFields(String formId) throws IOException {
    for (Path form : files("forms", ".form")) {
      JsonNode schema = JSON.readTree(form.toFile());
      if (formId.equals(schema.path("id").asText())) {
        Map<String, List<String>> fields = new HashMap<>();
        collect(schema, fields);
        return fields;
      }
    }
    throw new IllegalStateException("No form " + formId);
  }

  private static void collect(JsonNode node, Map<String, List<String>> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
        fields.put(component.get("key").asText(), values);
      }
      collect(component, fields);
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
