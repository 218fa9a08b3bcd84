package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The agenda of the next board meeting, as the secretariat prepares it: every decision the board
 * owes (its open tasks, in every process) and every N3 product as a standing item.
 *
 * <p>Read in a fixed number of statements, however many tasks wait: one task query, one query
 * for the one variable each task shows (its product's name), the names of process definitions
 * not seen before in one query (a deployed definition never changes, so its name is kept), and
 * the N3 products in one query of the portfolio list.
 */
@Service
class BoardAgenda {

  /** The process variable each decision shows. */
  static final String PRODUCT_NAME = "productName";

  /** A decision waiting for the board. */
  public record PendingDecision(String taskId, String task, String process, String product, Date created, Date due,
      String link) {}

  /** An N3 product: a standing item on every board meeting's agenda. */
  public record StandingItem(String productId, String product, String levelSince, String lastEvaluation,
      String nextEvaluation) {}

  public record Agenda(List<PendingDecision> decisions, List<StandingItem> standingItems) {}

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final PortfolioList portfolio;
  private final IdentityService identity;

  /** Process definition id → its name; definitions are immutable once deployed. */
  private final Map<String, String> definitionNames = new ConcurrentHashMap<>();

  BoardAgenda(TaskService tasks, RuntimeService runtime, RepositoryService repository, PortfolioList portfolio,
      IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  /** The agenda; each decision links to its task in Tasklist under {@code root} (a path or an address). */
  public Agenda agenda(String root) {
    return Access.asSystem(identity, () -> {
      List<Task> open = tasks.createTaskQuery()
          .taskCandidateGroup(Body.BESTYRELSE.groupId()).includeAssignedTasks().active()
          .orderByTaskCreateTime().asc().list();
      Map<String, String> products = productNames(open.stream().map(Task::getProcessInstanceId)
          .filter(Objects::nonNull).distinct().toList());
      Map<String, String> processes = processNames(open.stream().map(Task::getProcessDefinitionId)
          .filter(Objects::nonNull).distinct().toList());
      List<PendingDecision> decisions = open.stream().map(t -> new PendingDecision(t.getId(), t.getName(),
          t.getProcessDefinitionId() == null ? null : processes.get(t.getProcessDefinitionId()),
          t.getProcessInstanceId() == null ? null : products.get(t.getProcessInstanceId()),
          t.getCreateTime(), t.getDueDate(), root + "/camunda/app/tasklist/default/#/?task=" + t.getId())).toList();
      return new Agenda(decisions, standingItems());
    });
  }

  /** The N3 products in the active portfolio, by name. */
  List<StandingItem> standingItems() {
    PortfolioList.Query n3 = new PortfolioList.Query(null, "N3", ProductStatus.ACTIVE, null, null, null,
        PortfolioList.Sort.NAME, false, null);
    return portfolio.all(n3).stream().map(p -> new StandingItem(p.id(), p.name(), text(p.levelSince()),
        text(p.lastEvaluation()), text(p.nextEvaluation()))).toList();
  }

  /** Each process instance's product name, in one query of just that variable. */
  private Map<String, String> productNames(List<String> processInstanceIds) {
    Map<String, String> names = new HashMap<>();
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

  /** The process definitions' names: those not yet known read in one query, then kept. */
  private Map<String, String> processNames(Collection<String> definitionIds) {
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

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
