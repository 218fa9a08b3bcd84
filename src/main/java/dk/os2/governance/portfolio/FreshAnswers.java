package dk.os2.governance.portfolio;

import dk.os2.governance.process.EveryUserTask;
import dk.os2.governance.submission.FormCatalog;
import dk.os2.governance.submission.FormSchema;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model starts with its own answers empty: a Camunda Form fills each field
 * from the process variable of the same name, so without this the second round of a loop
 * (screening after a supplement, a recommendation after the board returned the case, next year's
 * annual review) would open with the previous round's decision ticked and its comment written.
 *
 * <p>When a task is created, the process variables of its answer fields are removed: for a deciding
 * task (one whose model says what it decides, {@link TaskDecision}) every field of its form; for any
 * task also the fields named in its {@code camunda:property} {@value #FRESH_FIELDS} (comma separated,
 * for tasks whose form otherwise edits the process's data, such as the proposal's supplement). Data
 * the task is meant to edit (the proposal, the self-assessment) is left as it is. What was decided
 * stays where integrity keeps it: the deciding task's {@code governance_decision} row and the
 * engine's history. The system's protected variables are never form fields, so nothing here touches
 * them.
 */
@Component("freshAnswers")
class FreshAnswers extends AbstractProcessEnginePlugin implements TaskListener {

  /** The task property naming answer fields of a task that is not a deciding task. */
  public static final String FRESH_FIELDS = "form.freshFields";

  private final FormCatalog forms;
  private final Map<String, Set<String>> byTask = new ConcurrentHashMap<>();

  FreshAnswers(FormCatalog forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    EveryUserTask.onCreate(config, this);
  }

  @Override
  public void notify(DelegateTask task) {
    Set<String> fields = byTask.computeIfAbsent(task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey(),
        ignored -> answerFields(task.getBpmnModelElementInstance(), forms));
    for (String field : fields) {
      if (task.hasVariable(field)) {
        task.removeVariable(field);
      }
    }
  }

  /** The fields of a user task's form that hold its own answers, and so start empty. */
  public static Set<String> answerFields(UserTask task, FormCatalog forms) {
    Set<String> fields = new LinkedHashSet<>();
    if (task == null) {
      return fields;
    }
    boolean deciding = false;
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : group.getCamundaProperties()) {
          String name = property.getCamundaName();
          String value = property.getCamundaValue();
          if (name == null || value == null) {
            continue;
          }
          deciding |= name.startsWith(TaskDecision.PREFIX);
          if (FRESH_FIELDS.equals(name)) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(fields::add);
          }
        }
      }
    }
    if (deciding && task.getCamundaFormRef() != null) {
      forms.form(task.getCamundaFormRef()).map(FormSchema::fields).ifPresent(all -> fields.addAll(all.keySet()));
    }
    return fields;
  }
}
