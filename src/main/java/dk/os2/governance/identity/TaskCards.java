package dk.os2.governance.identity;

import dk.os2.governance.process.DisplayCopies;
import dk.os2.governance.process.EveryUserTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What a task card in Tasklist shows besides the task's name: the product and the level at stake,
 * on every user task of every model (the proposal, the level change, the annual cycle).
 *
 * <p>Tasklist shows the variables a filter names ({@code properties.variables}) on each card, but
 * reads them with a variable query as the user, and only the secretariat may read process
 * variables that way; a body reads its own tasks' variables. So when a task is created, the
 * product's name and the level are copied into variables of the task itself, under names of their
 * own ({@link #PRODUCT}, {@link #LEVEL}) so that no form field is shadowed. They are display copies
 * ({@link DisplayCopies}): they go with their task and leave no history.
 */
@Component
class TaskCards extends AbstractProcessEnginePlugin implements TaskListener, DisplayCopies {

  /** The task variable with the product's name. */
  public static final String PRODUCT = "taskProduct";
  /** The task variable with the level asked for (a proposal's or level change's), or under evaluation. */
  public static final String LEVEL = "taskLevel";

  /** The card variables, as every Tasklist filter of the application names them. */
  static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", PRODUCT, "label", "Produkt"),
      Map.of("name", LEVEL, "label", "Niveau"));

  /** Copies of the process's product name and level: no history of their own. */
  @Override
  public Set<String> taskVariables() {
    return Set.of(PRODUCT, LEVEL);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    EveryUserTask.onCreate(config, this);
  }

  @Override
  public void notify(DelegateTask task) {
    // The process's variables, asked of the execution: a task being created has no variables of its
    // own yet, and asking the task would read them from the database first.
    VariableScope process = task.getExecution() != null ? task.getExecution() : task;
    Object product = process.getVariable("productName");
    if (product != null) {
      task.setVariableLocal(PRODUCT, product.toString());
    }
    Object level = process.getVariable("requestedLevel");
    if (level != null) {
      task.setVariableLocal(LEVEL, level.toString());
    }
  }
}
