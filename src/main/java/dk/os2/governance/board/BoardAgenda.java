package dk.os2.governance.board;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The agenda of the next board meeting, as the secretariat prepares it: every decision the board
 * owes (its open tasks, in every process) and every N3 product as a standing item.
 */
@Service
class BoardAgenda {

  /** A decision waiting for the board. */
  public record PendingDecision(String taskId, String task, String process, String product, Date created, Date due,
      String link) {}

  /** An N3 product: a standing item on every board meeting's agenda. */
  public record StandingItem(String productId, String product, String levelSince, String lastEvaluation,
      String nextEvaluation) {}

  public record Agenda(List<PendingDecision> decisions, List<StandingItem> standingItems) {}

  private final TaskService tasks;
  private final RepositoryService repository;
  private final Portfolio portfolio;
  private final IdentityService identity;

  BoardAgenda(TaskService tasks, RepositoryService repository, Portfolio portfolio, IdentityService identity) {
    this.tasks = tasks;
    this.repository = repository;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  /** The agenda; each decision links to its task in Tasklist under {@code root} (a path or an address). */
  public Agenda agenda(String root) {
    List<Task> open = Access.asSystem(identity, () -> tasks.createTaskQuery()
        .taskCandidateGroup(Body.BESTYRELSE.groupId()).includeAssignedTasks().active()
        .orderByTaskCreateTime().asc().list());
    List<PendingDecision> decisions = open.stream().map(t -> new PendingDecision(t.getId(), t.getName(),
        Access.asSystem(identity, () -> repository.getProcessDefinition(t.getProcessDefinitionId()).getName()),
        String.valueOf(Access.asSystem(identity, () -> tasks.getVariable(t.getId(), "productName"))),
        t.getCreateTime(), t.getDueDate(), root + "/camunda/app/tasklist/default/#/?task=" + t.getId())).toList();
    List<StandingItem> standing = portfolio.products().stream()
        .filter(p -> p.status() == ProductStatus.ACTIVE && "N3".equals(p.level()))
        .map(BoardAgenda::standing).toList();
    return new Agenda(decisions, standing);
  }

  private static StandingItem standing(Product p) {
    return new StandingItem(p.id(), p.name(), text(p.levelSince()), text(p.lastEvaluation()), text(p.nextEvaluation()));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
