package dk.os2.governance.board;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What an agenda shows of waiting tasks besides the task itself: its product's name and its
 * process's name, read for many tasks at once (one variable query; process definitions not seen
 * before in one query, then kept: a deployed definition never changes), never task by task.
 */
@Component
class TaskLabels {

  /** The process variable each waiting task shows. */
  static final String PRODUCT_NAME = "productName";
  /** The task variable with the product's name that Tasklist's cards show (identity.TaskCards). */
  static final String CARD_PRODUCT = "taskProduct";

  private final RuntimeService runtime;
  private final RepositoryService repository;

  /** Process definition id → its name. */
  private final Map<String, String> definitionNames = new ConcurrentHashMap<>();

  TaskLabels(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /**
   * Each task's process instance → its product's name (absent where it has none): the name every
   * task carries for its card in Tasklist ({@value #CARD_PRODUCT}, one index look-up per task),
   * and for a task without one (created before tasks carried it) its process's variable.
   */
  Map<String, String> productNames(Collection<Task> tasks) {
    Map<String, String> names = new HashMap<>();
    if (tasks.isEmpty()) {
      return names;
    }
    for (VariableInstance v : runtime.createVariableInstanceQuery()
        .taskIdIn(tasks.stream().map(Task::getId).toArray(String[]::new)).variableName(CARD_PRODUCT)
        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      if (v.getValue() != null && v.getProcessInstanceId() != null) {
        names.putIfAbsent(v.getProcessInstanceId(), v.getValue().toString());
      }
    }
    List<String> processInstanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
        .filter(id -> !names.containsKey(id)).distinct().toList();
    if (processInstanceIds.isEmpty()) {
      return names;
    }
    List<VariableInstance> variables = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableName(PRODUCT_NAME)
        .disableBinaryFetching().disableCustomObjectDeserialization().list();
    for (VariableInstance v : variables) {
      if (v.getValue() == null) {
        continue;
      }
      // The process instance's own variable wins over one of the same name in an inner scope.
      boolean processLevel = Objects.equals(v.getExecutionId(), v.getProcessInstanceId()) && v.getTaskId() == null;
      if (processLevel || !names.containsKey(v.getProcessInstanceId())) {
        names.put(v.getProcessInstanceId(), v.getValue().toString());
      }
    }
    return names;
  }

  /** Each task's process definition → its name (its key where it has none). */
  Map<String, String> processNames(Collection<Task> tasks) {
    List<String> definitionIds = tasks.stream().map(Task::getProcessDefinitionId).filter(Objects::nonNull)
        .distinct().toList();
    List<String> unknown = definitionIds.stream().filter(id -> !definitionNames.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      for (ProcessDefinition d : repository.createProcessDefinitionQuery()
          .processDefinitionIdIn(unknown.toArray(String[]::new)).list()) {
        definitionNames.put(d.getId(), d.getName() == null ? d.getKey() : d.getName());
      }
    }
    Map<String, String> names = new HashMap<>();
    definitionIds.forEach(id -> names.put(id, definitionNames.get(id)));
    return names;
  }
}
