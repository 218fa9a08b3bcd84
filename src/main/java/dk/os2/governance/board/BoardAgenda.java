package dk.os2.governance.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The agenda of the next board meeting, as the secretariat prepares it: every decision the board
 * owes (its open tasks, in every process, oldest first) and then every N3 product as a standing
 * item (by name), read one page at a time.
 *
 * <p>A page is read in a fixed number of statements, however many items the agenda holds: the
 * number of waiting decisions and of N3 products (one count each), the page's tasks, the one
 * variable each of them shows (its product's name), the page's N3 products, and the names of
 * process definitions not seen before (a deployed definition never changes, so its name is kept).
 */
@Service
class BoardAgenda {

  /** What a page lists: both kinds (decisions first), or one of them. */
  enum Kind {
    DECISION, STANDING
  }

  /** An item of the agenda; in JSON its {@code kind} says which ({@code decision}, {@code standing}). */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(PendingDecision.class), @JsonSubTypes.Type(StandingItem.class)})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  sealed interface Item permits PendingDecision, StandingItem {}

  /** A decision waiting for the board. */
  @JsonTypeName("decision")
  public record PendingDecision(String taskId, String task, String process, String product, Date created, Date due,
      String link) implements Item {}

  /** An N3 product: a standing item on every board meeting's agenda. */
  @JsonTypeName("standing")
  public record StandingItem(String productId, String product, LocalDate levelSince, LocalDate lastEvaluation,
      LocalDate nextEvaluation) implements Item {}

  /** How many items of each kind the whole agenda holds. */
  public record Summary(long decisions, long standingItems) {}

  /**
   * One page of the agenda: {@code page} counts from 1, {@code total} is the number of items all
   * pages of this kind (or both kinds) hold, {@code summary} the whole agenda's count per kind.
   */
  public record Page(List<Item> items, int page, int size, long total, Summary summary) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Where the page's first item stands in the list it is a page of (0-based). */
    public long offset() {
      return (long) (page - 1) * size;
    }

    public List<PendingDecision> decisions() {
      return items.stream().filter(PendingDecision.class::isInstance).map(PendingDecision.class::cast).toList();
    }

    public List<StandingItem> standingItems() {
      return items.stream().filter(StandingItem.class::isInstance).map(StandingItem.class::cast).toList();
    }
  }

  private final TaskService tasks;
  private final TaskLabels labels;
  private final PortfolioList portfolio;
  private final IdentityService identity;

  BoardAgenda(TaskService tasks, TaskLabels labels, PortfolioList portfolio, IdentityService identity) {
    this.tasks = tasks;
    this.labels = labels;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  /**
   * The page (from 1) of {@code size} items of the agenda, of one kind or ({@code kind} null) both:
   * the decisions, oldest first, then the standing items by name. Each decision links to its task
   * in Tasklist under {@code root} (a path or an address).
   */
  public Page page(Kind kind, int page, int size, String root) {
    return Access.asSystem(identity, () -> {
      long decisions = decisions().count();
      long standing = portfolio.count(n3());
      long offset = (long) (page - 1) * size;
      long decisionsListed = kind == Kind.STANDING ? 0 : decisions;
      long standingListed = kind == Kind.DECISION ? 0 : standing;
      List<Item> items = new ArrayList<>(size);
      if (offset < decisionsListed) {
        items.addAll(decisions(offset, (int) Math.min(size, decisionsListed - offset), root));
      }
      long standingOffset = Math.max(0, offset - decisionsListed);
      if (items.size() < size && standingOffset < standingListed) {
        portfolio.slice(n3(), standingOffset, size - items.size()).forEach(p -> items.add(
            new StandingItem(p.id(), p.name(), p.levelSince(), p.lastEvaluation(), p.nextEvaluation())));
      }
      return new Page(items, page, size, decisionsListed + standingListed, new Summary(decisions, standing));
    });
  }

  /** The board's open tasks, in every process, assigned or not. */
  private TaskQuery decisions() {
    return tasks.createTaskQuery().taskCandidateGroup(Body.BESTYRELSE.groupId()).includeAssignedTasks().active();
  }

  private List<PendingDecision> decisions(long offset, int limit, String root) {
    List<Task> open = decisions().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(Math.toIntExact(offset), limit);
    Map<String, String> products = labels.productNames(open);
    Map<String, String> processes = labels.processNames(open);
    return open.stream().map(t -> new PendingDecision(t.getId(), t.getName(),
        t.getProcessDefinitionId() == null ? null : processes.get(t.getProcessDefinitionId()),
        t.getProcessInstanceId() == null ? null : products.get(t.getProcessInstanceId()),
        t.getCreateTime(), t.getDueDate(), root + "/camunda/app/tasklist/default/#/?task=" + t.getId())).toList();
  }

  /** The N3 products in the active portfolio, by name. */
  private static PortfolioList.Query n3() {
    return new PortfolioList.Query(null, "N3", ProductStatus.ACTIVE, null, null, null, PortfolioList.Sort.NAME, false,
        null);
  }
}
