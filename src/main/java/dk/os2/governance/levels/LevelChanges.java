package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.SubmissionValidator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Starts level changes and annual evaluation cycles for products in the portfolio. */
@Service
public class LevelChanges {

  public static final String LEVEL_CHANGE = "level-change";
  public static final String ANNUAL_EVALUATION = "annual-evaluation";

  static final String LEVEL_CHANGE_RUNNING = "Der er allerede en niveauændring i gang for produktet.";
  static final String CYCLE_STARTED = "Der er allerede startet en evalueringscyklus for produktet.";
  static final String EVALUATION_UNDER_WAY = "Evalueringen af produktet er allerede sat i gang.";
  private static final String TIMER = "TimerEvent_EvaluationDue";
  private static final String FOLLOW_UP_TIMER = "TimerEvent_FollowUpDue";

  /** How a request for an annual evaluation was met: a new cycle, or the existing one advanced. */
  public record CycleStart(String processInstanceId, boolean started) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Portfolio portfolio;
  private final ProductGroups groups;
  private final Catalogue catalogue;
  private final CatalogueVersions versions;
  private final RunningProcesses running;
  private final ManagementService management;
  private final ProcessIdentity processIdentity;
  private final TaskService tasks;
  private final HistoryService history;
  private final EvaluationCycles cycles;

  LevelChanges(RuntimeService runtime, IdentityService identity, Portfolio portfolio, ProductGroups groups,
      Catalogue catalogue, RunningProcesses running, ManagementService management, ProcessIdentity processIdentity,
      TaskService tasks, HistoryService history, EvaluationCycles cycles, CatalogueVersions versions) {
    this.versions = versions;
    this.cycles = cycles;
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.portfolio = portfolio;
    this.groups = groups;
    this.catalogue = catalogue;
    this.running = running;
    this.management = management;
    this.processIdentity = processIdentity;
  }

  /**
   * A level change, up or down, for an active product. The caller must be the secretariat or a
   * member of the product's steering group; the application checks that, then starts the process
   * on its own behalf (the product's groups may not start processes in the engine directly). The
   * product's level-change slot is claimed in the same transaction as the start, so of concurrent
   * requests exactly one starts and the others are refused with 409.
   */
  @Transactional
  public String start(String productId, String targetLevel, String reason, String userId, boolean secretariat) {
    Product product = checkStart(productId, targetLevel, reason, userId, secretariat);
    running.claim(productId, LEVEL_CHANGE, LEVEL_CHANGE_RUNNING);
    boolean promote = product.level() == null || catalogue.rank(targetLevel) > catalogue.rank(product.level());
    Map<String, Object> variables = common(product);
    variables.put("requestedLevel", targetLevel);
    variables.put("direction", promote ? "promote" : "demote");
    variables.put("reason", reason.trim());
    variables.put("applicant", userId);
    variables.put("proposer", userId);
    var started = new ProcessIdentity.Identity(null, LEVEL_CHANGE, productId, userId,
        (String) variables.get("currentLevel"), targetLevel, (String) variables.get("direction"), versions.inForce().reference());
    String processInstanceId = processIdentity.starting(started,
        () -> asSystem(() -> runtime.startProcessInstanceByKey(LEVEL_CHANGE, productId, variables).getId()));
    running.held(productId, LEVEL_CHANGE, processInstanceId);
    return processInstanceId;
  }

  /**
   * Everything {@link #start} checks before it starts: the caller may start a level change for the
   * product, the level exists and differs from the current one, the reason is acceptable and no
   * level change runs. The product page's confirmation step asks this before it asks the user to
   * confirm; the start asks it again (and the database's slot decides between concurrent starts).
   */
  Product checkStart(String productId, String targetLevel, String reason, String userId, boolean secretariat) {
    Product product = active(productId);
    if (!secretariat && !groups.isMember(productId, GroupKind.STEERING, userId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Kun sekretariatet og produktets styregruppe kan starte en niveauændring.");
    }
    if (targetLevel == null || !catalogue.hasLevel(targetLevel)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Vælg niveau N1, N2 eller N3.");
    }
    if (targetLevel.equals(product.level())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Produktet er allerede på " + targetLevel + ".");
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000 || SubmissionValidator.isUnsafeText(reason)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Skriv en begrundelse for niveauændringen (højst 2000 tegn, uden HTML og udtryk).");
    }
    if (levelChangeRunning(productId)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, LEVEL_CHANGE_RUNNING);
    }
    return product;
  }

  /** Whether a level change runs for the product (also one started before the slot existed). */
  boolean levelChangeRunning(String productId) {
    return asSystem(() -> runtime.createProcessInstanceQuery().processDefinitionKey(LEVEL_CHANGE)
        .processInstanceBusinessKey(productId).count()) > 0;
  }

  /** An evaluation cycle: the next evaluation after the level's configured cycle, or at once. */
  @Transactional
  public String startAnnualCycle(String productId, boolean now) {
    return annualCycle(productId, now).processInstanceId();
  }

  /**
   * The product's one evaluation cycle. Without one, a cycle starts (its first evaluation after
   * the interval, or at once). With one, "at once" advances it: its timer falls due now, and no
   * second cycle starts. The database's slot per product decides between concurrent requests.
   */
  @Transactional
  public CycleStart annualCycle(String productId, boolean now) {
    Product product = active(productId);
    Optional<String> existing = runningCycle(productId);
    if (existing.isPresent()) {
      if (now) {
        advance(productId, existing.get());
      }
      return new CycleStart(existing.get(), false);
    }
    running.claim(productId, ANNUAL_EVALUATION, CYCLE_STARTED);
    // Only what the wait needs: the product's facts are the round's, set when its evaluation begins
    // (RoundParticipants), so a cycle that waits a year carries no copies that grow stale.
    Map<String, Object> variables = new HashMap<>();
    if (now) {
      variables.put("startNow", true);
    }
    String level = product.level() == null ? "N1" : product.level();
    var started = new ProcessIdentity.Identity(null, ANNUAL_EVALUATION, productId,
        Body.FORRETNINGSLEDELSE.groupId(), level, level, RoundParticipants.DIRECTION, versions.inForce().reference());
    String processInstanceId = processIdentity.starting(started,
        () -> asSystem(() -> runtime.startProcessInstanceByKey(ANNUAL_EVALUATION, productId, variables).getId()));
    running.held(productId, ANNUAL_EVALUATION, processInstanceId);
    return new CycleStart(processInstanceId, true);
  }

  /** The product's running cycle: the slot's holder, or a cycle started before the slot existed (adopted). */
  private Optional<String> runningCycle(String productId) {
    Optional<String> held = running.holder(productId, ANNUAL_EVALUATION);
    if (held.isPresent()) {
      return held;
    }
    Optional<String> unrecorded = asSystem(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ANNUAL_EVALUATION).processInstanceBusinessKey(productId).list().stream()
        .map(ProcessInstance::getId).sorted().findFirst());
    unrecorded.ifPresent(id -> {
      running.claim(productId, ANNUAL_EVALUATION, CYCLE_STARTED);
      running.held(productId, ANNUAL_EVALUATION, id);
    });
    return unrecorded;
  }

  /**
   * Brings the cycle's next evaluation forward to now: its timer falls due and the job executor
   * fires it. Refused with 409 when the evaluation is already due or under way. Concurrent
   * requests take turns on the slot's row lock, so only the first finds the timer in the future.
   */
  private void advance(String productId, String processInstanceId) {
    running.lock(productId, ANNUAL_EVALUATION);
    Job timer = asSystem(() -> management.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(TIMER).singleResult());
    java.util.Date now = ProcessClock.currentTime();
    if (timer == null || timer.getDuedate() == null || !timer.getDuedate().after(now)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, EVALUATION_UNDER_WAY);
    }
    java.time.LocalDate due = ProcessClock.today().plus(cycles.leadTime());
    try {
      Access.asSystem(identity, () -> {
        management.setJobDuedate(timer.getId(), now);
        runtime.setVariable(processInstanceId, "evaluationStart", now);
        runtime.setVariable(processInstanceId, "evaluationDue", ProcessClock.startOf(due.plusDays(1)));
      });
    } catch (OptimisticLockingException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, EVALUATION_UNDER_WAY);
    }
    portfolio.evaluationCycle(productId, null, due);
  }

  /**
   * The product's level changed while its cycle waits for the next round: the round falls due one
   * cycle of the new level after the last round's evaluation (or now, when that date has passed),
   * so a product promoted to a level with a shorter cycle is not evaluated late. A round under way
   * carries on; the next one follows the new level.
   */
  void cycleFollowsLevel(String productId, String processInstanceId) {
    Job timer = asSystem(() -> management.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(TIMER).singleResult());
    Product product = portfolio.product(productId).orElse(null);
    if (timer == null || product == null) {
      return;
    }
    java.time.LocalDate today = ProcessClock.today();
    Object evaluatedOn = asSystem(() -> runtime.getVariable(processInstanceId, "evaluatedOn"));
    java.time.LocalDate due = (evaluatedOn == null ? today : java.time.LocalDate.parse(evaluatedOn.toString()))
        .plus(cycles.period(product.level()));
    if (!due.isAfter(today)) {
      due = today.plus(cycles.leadTime());
    }
    java.time.LocalDate begins = due.minus(cycles.leadTime());
    java.util.Date start = begins.isAfter(today) ? ProcessClock.startOf(begins) : ProcessClock.currentTime();
    java.time.LocalDate deadline = due;
    Access.asSystem(identity, () -> {
      management.setJobDuedate(timer.getId(), start);
      runtime.setVariable(processInstanceId, "evaluationStart", start);
      runtime.setVariable(processInstanceId, "evaluationDue", ProcessClock.startOf(deadline.plusDays(1)));
    });
    portfolio.evaluationCycle(productId, null, due);
  }

  public boolean annualCycleRunning(String productId) {
    return runningCycle(productId).isPresent();
  }

  /** Ends a product's running evaluation cycles (it left the portfolio). */
  public void stopAnnualCycles(String productId, String exceptProcessInstanceId, String reason) {
    Access.asSystem(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(ANNUAL_EVALUATION)
        .processInstanceBusinessKey(productId).list().stream().filter(pi -> !pi.getId().equals(exceptProcessInstanceId))
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), reason)));
  }

  // --- what the product page shows and asks about level changes ---

  /** A level the product may be moved to, as the picker offers it. */
  record LevelChoice(String level, String label, boolean promotion, boolean selected) {}

  /** One step of what happens after the start: who is asked, and what they do. */
  record NextStep(String who, String what) {}

  /** A task of a running process: what is asked, of whom, by when, and its place in Tasklist. */
  record OpenTask(String taskId, String name, String who, String due, String tasklistLink) {}

  /** A running level change or evaluation of the product, for the product page. */
  record RunningChange(String kind, String title, String fromLevel, String targetLevel, String startedAt,
      String startedBy, String reason, List<OpenTask> openTasks, String waiting) {}

  private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(DANISH_TIME);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(DANISH_TIME);

  /**
   * The levels a product at {@code currentLevel} may be moved to: every other level, those above
   * first. The next level up is preselected; at the top nothing is, so a demotion is always a
   * deliberate choice.
   */
  List<LevelChoice> levelChoices(String currentLevel) {
    int current = currentLevel == null ? -1 : catalogue.rank(currentLevel);
    String next = current + 1 < catalogue.levels().size() ? catalogue.levels().get(current + 1).id() : null;
    List<LevelChoice> up = new ArrayList<>();
    List<LevelChoice> down = new ArrayList<>();
    for (Catalogue.Level level : catalogue.levels()) {
      int rank = catalogue.rank(level.id());
      if (rank > current) {
        up.add(new LevelChoice(level.id(), catalogue.levelName(level.id()) + " (op)", true,
            level.id().equals(next)));
      } else if (rank < current) {
        down.add(0, new LevelChoice(level.id(), catalogue.levelName(level.id()) + " (ned)",
            false, false));
      }
    }
    up.addAll(down);
    return up;
  }

  /** The next level up from the current one, if there is one. */
  Optional<String> nextLevelUp(String currentLevel) {
    return levelChoices(currentLevel).stream().filter(LevelChoice::selected).map(LevelChoice::level).findFirst();
  }

  boolean isPromotion(String currentLevel, String targetLevel) {
    return currentLevel == null || catalogue.rank(targetLevel) > catalogue.rank(currentLevel);
  }

  /** What happens after a level change of the product to {@code targetLevel} starts, and who is asked. */
  List<NextStep> nextSteps(Product product, String targetLevel) {
    List<NextStep> steps = new ArrayList<>();
    List<ProductGroups.Member> steering = groups.members(product.id(), GroupKind.STEERING);
    if (steering.isEmpty()) {
      steps.add(new NextStep(Body.FORRETNINGSLEDELSE.danishName(), "opdaterer selvevalueringen for " + targetLevel
          + " i Tasklist (produktet har ingen styregruppe, så opgaven går til sekretariatet)."));
    } else {
      steps.add(new NextStep("Styregruppen: " + String.join(", ", steering.stream()
          .map(m -> displayName(m.userId()) + (m.organisation() == null || m.organisation().isBlank() ? ""
              : " (" + m.organisation() + ")")).toList()),
          "opdaterer selvevalueringen for " + targetLevel + " i Tasklist."));
    }
    steps.add(new NextStep("Systemet", "kontrollerer selvevalueringen mod kriterierne for " + targetLevel
        + " og produktets grupper og udbredelse. Mangler sendes tilbage til ansøgeren (opgaven »Ret ansøgningen«),"
        + " ikke til bestyrelsen."));
    boolean promotion = isPromotion(product.level(), targetLevel);
    if (promotion && "N3".equals(targetLevel)) {
      steps.add(new NextStep(Body.KOORDINATIONSUDVALG.danishName(),
          "vurderer overdragelsen til drift ud fra driftskriterierne."));
    }
    steps.add(new NextStep(Body.FORRETNINGSUDVALG.danishName(),
        "indstiller niveauændringen til bestyrelsen (eller afviser den eller sender den tilbage)."));
    steps.add(new NextStep(Body.BESTYRELSE.danishName(),
        "beslutter: godkender, afviser, udfaser produktet eller sender sagen tilbage."));
    String portfolioStep = "Ved godkendelse får produktet niveau " + targetLevel + " i porteføljen";
    portfolioStep += ", og produktets evalueringscyklus følger det nye niveau (evaluering hver "
        + EvaluationCycles.everyDanish(cycles.period(targetLevel)) + ").";
    steps.add(new NextStep("Porteføljen", portfolioStep));
    return steps;
  }

  /** The running level change and annual evaluation of the product, with the tasks open now. */
  List<RunningChange> runningChanges(String productId) {
    return asSystem(() -> {
      List<RunningChange> result = new ArrayList<>();
      for (String key : List.of(LEVEL_CHANGE, ANNUAL_EVALUATION)) {
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(key)
            .processInstanceBusinessKey(productId).list()) {
          result.add(runningChange(key, pi.getId(), productId));
        }
      }
      return result;
    });
  }

  private RunningChange runningChange(String key, String processInstanceId, String productId) {
    Optional<ProcessIdentity.Identity> started = processIdentity.levelProcess(processInstanceId);
    HistoricProcessInstance historic = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    String startedAt = historic == null || historic.getStartTime() == null ? null
        : DATE_TIME.format(historic.getStartTime().toInstant());
    Object reason = ANNUAL_EVALUATION.equals(key) ? RoundParticipants.REASON
        : runtime.getVariable(processInstanceId, "reason");
    String applicant = started.map(ProcessIdentity.Identity::applicant).orElse(null);
    String from = started.map(ProcessIdentity.Identity::currentLevel).orElse(null);
    String target = started.map(ProcessIdentity.Identity::targetLevel).orElse(null);
    List<OpenTask> open = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list()) {
      open.add(new OpenTask(task.getId(), task.getName(), taskHolder(task, productId),
          task.getDueDate() == null ? null : DATE.format(task.getDueDate().toInstant()),
          "/camunda/app/tasklist/default/#/?task=" + task.getId()));
    }
    String waiting = null;
    if (open.isEmpty()) {
      Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(TIMER)
          .singleResult();
      Job followUp = management.createJobQuery().processInstanceId(processInstanceId).timers()
          .activityId(FOLLOW_UP_TIMER).singleResult();
      waiting = timer != null && timer.getDuedate() != null
          ? "Venter på næste evaluering, som begynder " + DATE.format(timer.getDuedate().toInstant()) + "."
          : followUp != null && followUp.getDuedate() != null
          ? "Venter på opfølgningen af Bestyrelsens handlingsplan den " + DATE.format(followUp.getDuedate().toInstant()) + "."
          : "Systemet behandler sagen (fx kontrollen af kriterier og grupper); den næste opgave kommer om lidt.";
    }
    boolean annual = ANNUAL_EVALUATION.equals(key);
    String title = annual ? "Evalueringscyklus" : (isPromotion(from, target) ? "Niveauændring op" : "Niveauændring ned");
    return new RunningChange(key, title, from, target, startedAt, holderName(applicant, productId),
        annual ? null : (reason == null ? null : reason.toString()), open, waiting);
  }

  /** Who has the task now: its assignee, or else the bodies and groups that may take it. */
  private String taskHolder(Task task, String productId) {
    List<String> who = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        who.add(holderName(link.getGroupId(), productId));
      }
    }
    String groupsText = String.join(", ", who);
    if (task.getAssignee() != null) {
      return displayName(task.getAssignee()) + (groupsText.isEmpty() ? "" : " (" + groupsText + ")");
    }
    return groupsText.isEmpty() ? "–" : groupsText + " (ikke taget endnu)";
  }

  /** A group or user id as people know it: a body, the product's group, or a person's name. */
  private String holderName(String id, String productId) {
    if (id == null) {
      return null;
    }
    for (Body body : Body.values()) {
      if (body.groupId().equals(id)) {
        return body.danishName();
      }
    }
    for (GroupKind kind : GroupKind.values()) {
      if (productId != null && kind.groupId(productId).equals(id)) {
        return kind.danishName() + "n";
      }
    }
    return displayName(id);
  }

  /** "Karen Hansen (karen)", or the id alone for an unknown user. */
  private String displayName(String userId) {
    User user = asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }

  private Map<String, Object> common(Product product) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("productId", product.id());
    variables.put("productName", product.name());
    variables.put("currentLevel", product.level() == null ? "intet" : product.level());
    variables.put("contactEmail", contactEmail(product));
    variables.put("steeringGroup", GroupKind.STEERING.groupId(product.id()));
    variables.put("selfAssessmentGroup", selfAssessmentGroup(product.id(), groups));
    return variables;
  }

  /** The product's contact address, when it is one. */
  static String contactEmail(Product product) {
    return product.contactEmail() != null && product.contactEmail().contains("@") ? product.contactEmail() : null;
  }

  /** Who updates the product's self-assessment: its steering group, or the secretariat while it has none. */
  static String selfAssessmentGroup(String productId, ProductGroups groups) {
    return groups.members(productId, GroupKind.STEERING).isEmpty() ? Body.FORRETNINGSLEDELSE.groupId()
        : GroupKind.STEERING.groupId(productId);
  }

  private Product active(String productId) {
    Product product = portfolio.product(productId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    if (product.status() != ProductStatus.ACTIVE) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Produktet er ikke aktivt i porteføljen.");
    }
    return product;
  }

  private <T> T asSystem(java.util.function.Supplier<T> work) {
    return Access.asSystem(identity, work);
  }
}
