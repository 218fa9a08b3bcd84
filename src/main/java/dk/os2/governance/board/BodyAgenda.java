package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What a meeting of a body (the board, the general assembly) has on its agenda, for the meeting
 * process: every task waiting for the body in any process, every N3 product as a standing item,
 * and the products whose evaluation falls due before a date.
 */
@Service
public class BodyAgenda {

  /** A task waiting for the body: the decision it owes. */
  public record WaitingTask(String taskId, String taskKey, String task, String processInstanceId,
      String processDefinitionId, String process, String product, String link) {}

  /** A product on the agenda for information: a standing item or an evaluation falling due. */
  public record ProductItem(String productId, String product, String level, LocalDate nextEvaluation) {}

  private final TaskService tasks;
  private final TaskLabels labels;
  private final Portfolio portfolio;
  private final IdentityService identity;

  BodyAgenda(TaskService tasks, TaskLabels labels, Portfolio portfolio, IdentityService identity) {
    this.tasks = tasks;
    this.labels = labels;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  /**
   * Every active task whose candidate group is the body, oldest first; links are paths of this site.
   * Read in a fixed number of statements however many tasks wait (the products' and processes'
   * names for all of them at once).
   */
  public List<WaitingTask> waitingFor(String groupId) {
    return Access.asSystem(identity, () -> {
      List<Task> open = tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks().active()
          .orderByTaskCreateTime().asc().orderByTaskId().asc().list();
      Map<String, String> products = labels.productNames(open);
      Map<String, String> processes = labels.processNames(open);
      return open.stream().map(t -> new WaitingTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
          t.getProcessInstanceId(), t.getProcessDefinitionId(), processes.get(t.getProcessDefinitionId()),
          t.getProcessInstanceId() == null ? null : products.get(t.getProcessInstanceId()),
          "/camunda/app/tasklist/default/#/?task=" + t.getId())).toList();
    });
  }

  /** The N3 products in the portfolio: a standing item on every board meeting's agenda. */
  public List<ProductItem> standingItems() {
    return portfolio.products().stream()
        .filter(p -> p.status() == ProductStatus.ACTIVE && "N3".equals(p.level()))
        .sorted(Comparator.comparing(Product::name, String.CASE_INSENSITIVE_ORDER))
        .map(BodyAgenda::item).toList();
  }

  /** Active products whose next evaluation falls due on or before the date. */
  public List<ProductItem> evaluationsDueBy(LocalDate date) {
    return portfolio.products().stream()
        .filter(p -> p.status() == ProductStatus.ACTIVE && p.nextEvaluation() != null
            && !p.nextEvaluation().isAfter(date))
        .sorted(Comparator.comparing(Product::nextEvaluation).thenComparing(Product::name))
        .map(BodyAgenda::item).toList();
  }

  private static ProductItem item(Product p) {
    return new ProductItem(p.id(), p.name(), p.level(), p.nextEvaluation());
  }
}
