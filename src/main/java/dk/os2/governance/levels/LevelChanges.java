package dk.os2.governance.levels;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
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

  /** How a request for an annual evaluation was met: a new cycle, or the existing one advanced. */
  public record CycleStart(String processInstanceId, boolean started) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Portfolio portfolio;
  private final ProductGroups groups;
  private final Catalogue catalogue;
  private final RunningProcesses running;
  private final ManagementService management;
  private final ProcessIdentity processIdentity;

  LevelChanges(RuntimeService runtime, IdentityService identity, Portfolio portfolio, ProductGroups groups,
      Catalogue catalogue, RunningProcesses running, ManagementService management, ProcessIdentity processIdentity) {
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
    // Level changes started before the slot existed hold no row: the engine knows them.
    if (asSystem(() -> runtime.createProcessInstanceQuery().processDefinitionKey(LEVEL_CHANGE)
        .processInstanceBusinessKey(productId).count()) > 0) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, LEVEL_CHANGE_RUNNING);
    }
    running.claim(productId, LEVEL_CHANGE, LEVEL_CHANGE_RUNNING);
    boolean promote = product.level() == null || catalogue.rank(targetLevel) > catalogue.rank(product.level());
    Map<String, Object> variables = common(product);
    variables.put("requestedLevel", targetLevel);
    variables.put("direction", promote ? "promote" : "demote");
    variables.put("reason", reason.trim());
    variables.put("applicant", userId);
    variables.put("proposer", userId);
    var started = new ProcessIdentity.Identity(null, LEVEL_CHANGE, productId, userId,
        (String) variables.get("currentLevel"), targetLevel, (String) variables.get("direction"), catalogue.reference());
    String processInstanceId = processIdentity.starting(started,
        () -> asSystem(() -> runtime.startProcessInstanceByKey(LEVEL_CHANGE, productId, variables).getId()));
    running.held(productId, LEVEL_CHANGE, processInstanceId);
    return processInstanceId;
  }

  /** An annual evaluation cycle: the next evaluation after the configured interval, or at once. */
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
    Map<String, Object> variables = common(product);
    variables.put("requestedLevel", product.level() == null ? "N1" : product.level());
    variables.put("direction", "keep");
    variables.put("reason", "Årlig evaluering");
    variables.put("applicant", Body.FORRETNINGSLEDELSE.groupId());
    variables.put("startNow", now);
    var started = new ProcessIdentity.Identity(null, ANNUAL_EVALUATION, productId,
        Body.FORRETNINGSLEDELSE.groupId(), (String) variables.get("currentLevel"),
        (String) variables.get("requestedLevel"), "keep", catalogue.reference());
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
    try {
      Access.asSystem(identity, () -> management.setJobDuedate(timer.getId(), now));
    } catch (OptimisticLockingException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, EVALUATION_UNDER_WAY);
    }
    portfolio.evaluationCycle(productId, null, ProcessClock.today());
  }

  public boolean annualCycleRunning(String productId) {
    return runningCycle(productId).isPresent();
  }

  /** Ends a product's running annual cycles (it left N3, or left the portfolio). */
  public void stopAnnualCycles(String productId, String exceptProcessInstanceId, String reason) {
    Access.asSystem(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(ANNUAL_EVALUATION)
        .processInstanceBusinessKey(productId).list().stream().filter(pi -> !pi.getId().equals(exceptProcessInstanceId))
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), reason)));
  }

  private Map<String, Object> common(Product product) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("productId", product.id());
    variables.put("productName", product.name());
    variables.put("currentLevel", product.level() == null ? "intet" : product.level());
    variables.put("contactEmail", product.contactEmail() != null && product.contactEmail().contains("@")
        ? product.contactEmail() : null);
    String steering = GroupKind.STEERING.groupId(product.id());
    variables.put("steeringGroup", steering);
    variables.put("selfAssessmentGroup",
        groups.members(product.id(), GroupKind.STEERING).isEmpty() ? Body.FORRETNINGSLEDELSE.groupId() : steering);
    return variables;
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
