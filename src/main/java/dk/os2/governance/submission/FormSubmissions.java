package dk.os2.governance.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Validates, on the server, what someone submits to a task or start form, whichever REST route
 * reached the engine operation: a completion carries exactly the fields of its form, each valid,
 * and nothing else. A task is read as the system, after (or while) the guard decides that the
 * caller is its body; the engine still checks the caller's own rights when it completes it.
 */
@Component
public class FormSubmissions {

  /** Top-level keys a task completion may carry. */
  private static final Set<String> TASK_KEYS = Set.of("variables", "withVariablesInReturn");
  /** Top-level keys a start form submission may carry (the business key is the system's). */
  private static final Set<String> START_KEYS = Set.of("variables", "businessKey");
  private static final Set<String> PLAIN_TYPES =
      Set.of("String", "Boolean", "Integer", "Long", "Short", "Double", "Null", "Json");

  private final ProcessEngine engine;
  private final FormCatalog forms;
  private final SubmissionValidator validator;
  private final ObjectMapper json;
  /** The start form of each process definition, by its id. */
  private final Map<String, Optional<CamundaFormRef>> startForms = new ConcurrentHashMap<>();
  /** The form reference of each task definition that names its form literally, by process definition and task key. */
  private final Map<String, Optional<CamundaFormRef>> literalTaskForms = new ConcurrentHashMap<>();

  FormSubmissions(ProcessEngine engine, FormCatalog forms, SubmissionValidator validator, ObjectMapper json) {
    this.engine = engine;
    this.forms = forms;
    this.validator = validator;
    this.json = json;
  }

  /**
   * A task as someone claims or submits it: who may work on it (its candidates, else its
   * assignee) and, for a submission, the form it shows. Read as the system, in one engine command.
   */
  public record SubmittedTask(String id, String assignee, String executionId, List<Candidate> candidates,
      Optional<FormSchema> form) {}

  /** A candidate user or group of a task (one of the two is set). */
  public record Candidate(String userId, String groupId) {}

  /**
   * The task with its candidates and, when {@code withForm}, its form; empty for an unknown task
   * (the engine answers 404). One engine command as the system, reading the task, its identity
   * links and (for the form) its process definition once, so that the guard that decides whether
   * the caller is the task's body and the check of the submission share what they read.
   */
  public Optional<SubmittedTask> task(String taskId, boolean withForm) {
    if (taskId == null) {
      return Optional.empty();
    }
    return commands().execute(context -> context.runWithoutAuthorization(() -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return Optional.<SubmittedTask>empty();
      }
      List<Candidate> candidates = task.getIdentityLinks().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(link -> new Candidate(link.getUserId(), link.getGroupId())).toList();
      Optional<FormSchema> form = Optional.empty();
      if (withForm) {
        form = formRef(task).flatMap(ref -> forms.form(ref, task.getProcessDefinitionId()));
      }
      return Optional.of(new SubmittedTask(task.getId(), task.getAssignee(), task.getExecutionId(), candidates, form));
    }));
  }

  /**
   * The task's form reference. A task definition that names its form literally (no expression)
   * gives every task of it the same reference: kept, since a deployed definition never changes,
   * so later tasks of it need not read their process definition.
   */
  private Optional<CamundaFormRef> formRef(TaskEntity task) {
    String key = task.getProcessDefinitionId() + "\u0000" + task.getTaskDefinitionKey();
    Optional<CamundaFormRef> known = task.getProcessDefinitionId() == null ? null : literalTaskForms.get(key);
    if (known != null) {
      return known;
    }
    task.initializeFormKey();
    Optional<CamundaFormRef> ref = Optional.ofNullable(task.getCamundaFormRef());
    TaskDefinition definition = task.getTaskDefinition();
    if (task.getProcessDefinitionId() != null && definition != null && literal(definition.getFormKey())
        && literal(definition.getCamundaFormDefinitionKey()) && literal(definition.getCamundaFormDefinitionVersion())) {
      literalTaskForms.put(key, ref);
    }
    return ref;
  }

  private static boolean literal(Expression expression) {
    return expression == null || expression.isLiteralText();
  }

  /** Problems with a completion of the task, in Danish; empty when it may go to the engine. */
  public List<String> checkTaskCompletion(SubmittedTask task, byte[] body) {
    if (task.form().isEmpty()) {
      // A task without a Camunda Form of the application takes no fields at all.
      return hasVariables(body) ? List.of("Opgaven har ingen formular og kan ikke modtage felter.") : List.of();
    }
    // Read only when a rule asks for what the process holds (most forms' rules never do).
    return validate(new Target(task.form().get(), new LazyVariables(() -> processVariables(task.executionId()))),
        body, TASK_KEYS);
  }

  /** The variables of the process as the task's execution sees them (a task's own card variables aside). */
  private Map<String, Object> processVariables(String executionId) {
    if (executionId == null) {
      return Map.of();
    }
    return commands().execute(context -> context.runWithoutAuthorization(() -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
      return execution == null ? Map.<String, Object>of() : execution.getVariables();
    }));
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** Problems with a start form submission, in Danish; empty when it may go to the engine. */
  public List<String> checkStart(String definitionId, String key, String tenantId, byte[] body) {
    Optional<Target> target = startTarget(definitionId, key, tenantId);
    if (target.isEmpty()) {
      return hasVariables(body) ? List.of("Processen kan ikke startes med disse felter.") : List.of();
    }
    return validate(target.get(), body, START_KEYS);
  }

  /** The form a submission goes to, and the variables the process already holds there. */
  private record Target(FormSchema form, Map<String, Object> processVariables) {}

  private Optional<Target> startTarget(String definitionId, String key, String tenantId) {
    try {
      ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
      if (definitionId != null) {
        query.processDefinitionId(definitionId);
      } else {
        query.processDefinitionKey(key).latestVersion();
        if (tenantId != null) {
          query.tenantIdIn(tenantId);
        } else {
          query.withoutTenantId();
        }
      }
      ProcessDefinition definition = query.singleResult();
      if (definition == null) {
        return Optional.empty();
      }
      // A deployed definition never changes: its start form reference is looked up once (the form it
      // names is resolved on each submission, as a "latest" binding follows the catalogue in force).
      Optional<CamundaFormRef> ref = startForms.computeIfAbsent(definition.getId(), id -> {
        FormData start = engine.getFormService().getStartFormData(id);
        return Optional.ofNullable(start == null ? null : start.getCamundaFormRef());
      });
      return ref.flatMap(r -> forms.form(r, definition.getId())).map(form -> new Target(form, Map.of()));
    } catch (AuthorizationException e) {
      return Optional.empty();
    }
  }

  private boolean hasVariables(byte[] body) {
    JsonNode root = parse(body);
    return root == null || (root.path("variables").isObject() && !root.path("variables").isEmpty());
  }

  private JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private List<String> validate(Target target, byte[] body, Set<String> allowedKeys) {
    JsonNode root = parse(body);
    if (root == null || !root.isObject()) {
      return List.of("Indsendelsen er ikke gyldig JSON.");
    }
    List<String> errors = new ArrayList<>();
    root.fieldNames().forEachRemaining(name -> {
      if (!allowedKeys.contains(name)) {
        errors.add("'" + name + "' kan ikke sendes med en formular.");
      }
    });
    JsonNode businessKey = root.path("businessKey");
    if (!businessKey.isMissingNode() && !businessKey.isNull() && !businessKey.asText().isEmpty()) {
      errors.add("Forretningsnøglen sættes af systemet og kan ikke angives.");
    }
    JsonNode variables = root.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      errors.add("'variables' skal være et JSON-objekt.");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      JsonNode variable = entry.getValue();
      if (!variable.isObject()) {
        errors.add("Feltet '" + entry.getKey() + "' skal sendes som {\"value\": ...}.");
        continue;
      }
      JsonNode type = variable.path("type");
      if (!type.isMissingNode() && !type.isNull() && !(type.isTextual() && PLAIN_TYPES.contains(type.asText()))) {
        errors.add("Feltet '" + entry.getKey() + "' har typen '" + type.asText() + "', som ikke er tilladt.");
        continue;
      }
      JsonNode format = variable.path("valueInfo").path("serializationDataFormat");
      if (!format.isMissingNode() && !format.isNull() && !"application/json".equals(format.asText())) {
        errors.add("Feltet '" + entry.getKey() + "' har serialiseringsformatet '" + format.asText()
            + "', som ikke er tilladt.");
        continue;
      }
      values.put(entry.getKey(), toJava(variable.path("value")));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    return validator.validate(target.form(), new Submission(target.form().id(), values, target.processVariables()));
  }

  private Object toJava(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return json.convertValue(value, Object.class);
  }
}
