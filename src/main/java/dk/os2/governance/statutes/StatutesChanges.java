package dk.os2.governance.statutes;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts, revises and ends changes of the statutes and the licence terms. The texts live in the
 * module's table, never in process variables (a statutes text is longer than the engine's 4,000
 * characters of a string variable); the process holds the draft's id, the document and links.
 *
 * <p>Only the secretariat drafts, on {@code /app/vedtaegter}: the process has no start form, and its
 * start listener ({@link #notify}) refuses any start this class did not make.
 */
@Component("statutesChanges")
public class StatutesChanges implements ExecutionListener {

  static final String PROCESS = "statutes-change";
  static final String REVISE_TASK = "UserTask_ReviseChange";
  static final String RECOMMEND_TASK = "UserTask_RecommendChange";
  static final int MAX_TEXT = 200_000;

  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private final StatutesStore store;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;

  StatutesChanges(StatutesStore store, RuntimeService runtime, TaskService tasks, IdentityService identity,
      ApplicationEventPublisher events) {
    this.store = store;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.events = events;
  }

  /** Drafts a change and starts its process; the secretariat only. Returns the process instance id. */
  @Transactional
  String start(DocumentKind kind, String text, String rationale) {
    Access.requireSecretariat(identity, "Kun sekretariatet (Forretningsledelsen) kan udarbejde en ændring af "
        + kind.danishName().toLowerCase() + ".");
    String userId = Access.userId(identity);
    Optional<StatutesStore.Version> current = store.current(kind);
    List<String> errors = problems(kind, text, rationale, current.map(StatutesStore.Version::bodyText).orElse(null));
    if (store.running(kind).isPresent()) {
      errors.add(0, "Der er allerede en ændring af " + kind.danishName().toLowerCase()
          + " under behandling. Den skal afgøres eller trækkes tilbage, før en ny kan begynde.");
    }
    if (!errors.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", errors));
    }
    String versionId = store.draft(kind, normalise(text), rationale.trim(), userId,
        current.map(StatutesStore.Version::id).orElse(null)).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.CONFLICT, "Der er allerede en ændring af " + kind.danishName().toLowerCase() + " under behandling."));
    Map<String, Object> variables = new HashMap<>();
    variables.put("draftId", versionId);
    variables.put("documentKind", kind.name());
    variables.put("documentTitle", kind.danishName());
    // Task cards and mails name what is at stake under "Produkt".
    variables.put("productName", kind.danishName() + " (ændringsforslag)");
    variables.put("changeRationale", rationale.trim());
    variables.put("drafter", userId);
    variables.put("majorityRule", kind.majority());
    variables.put("diffSummary", LineDiff.of(current.map(StatutesStore.Version::bodyText).orElse(""), normalise(text))
        .summary());
    PENDING.set(versionId);
    try {
      String processInstanceId = Access.asSystem(identity,
          () -> runtime.startProcessInstanceByKey(PROCESS, versionId, variables).getId());
      return processInstanceId;
    } finally {
      PENDING.remove();
    }
  }

  /** The process's start listener: binds the draft to the new process, or refuses a start made elsewhere. */
  @Override
  public void notify(DelegateExecution execution) {
    String versionId = PENDING.get();
    if (versionId == null) {
      throw new ProcessEngineException("En vedtægtsændring startes på siden /app/vedtaegter, ikke direkte i procesmotoren.");
    }
    PENDING.remove();
    store.attach(versionId, execution.getProcessInstanceId());
    execution.setVariable("diffLink", "/app/vedtaegter/forslag/" + execution.getProcessInstanceId());
  }

  /** The secretariat revises a returned draft, while its task "Ret ændringsforslaget" is open. */
  @Transactional
  void revise(String processInstanceId, String text, String rationale) {
    StatutesStore.Version draft = store.ofProcess(processInstanceId).filter(v -> "DRAFT".equals(v.status()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Ændringsforslaget findes ikke eller er afgjort."));
    Access.requireSecretariat(identity, "Kun sekretariatet (Forretningsledelsen) kan rette ændringsforslaget.");
    if (reviseTask(processInstanceId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Forslaget kan kun rettes, når bestyrelsen har sendt det tilbage til sekretariatet.");
    }
    String inForce = draft.previousVersionId() == null ? null
        : store.version(draft.previousVersionId()).map(StatutesStore.Version::bodyText).orElse(null);
    List<String> errors = problems(draft.kind(), text, rationale, inForce);
    if (!errors.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", errors));
    }
    store.revise(draft.id(), normalise(text), rationale.trim(), Access.userId(identity));
    Access.asSystem(identity, () -> {
      runtime.setVariable(processInstanceId, "changeRationale", rationale.trim());
      runtime.setVariable(processInstanceId, "diffSummary", LineDiff.of(inForce == null ? "" : inForce, normalise(text)).summary());
    });
  }

  /** The open revision task of the change, if the board returned it. */
  Optional<Task> reviseTask(String processInstanceId) {
    return Optional.ofNullable(Access.asSystem(identity, () -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(REVISE_TASK).singleResult()));
  }

  /** The open task of the change, if any. */
  Optional<Task> openTask(String processInstanceId) {
    return Access.asSystem(identity, () -> tasks.createTaskQuery().processInstanceId(processInstanceId).list())
        .stream().findFirst();
  }

  /** Service task "Offentliggør den vedtagne version": the general assembly's recorded decision adopts the draft. */
  public void publish(DelegateExecution execution) {
    StatutesStore.Version draft = draftOf(execution);
    StatutesStore.Decision decision = store.latest(execution.getProcessInstanceId(), StatutesDecisionRecorder.ASSEMBLY_TASK)
        .filter(d -> GeneralAssemblyVote.ADOPT.equals(d.outcome()))
        .orElseThrow(() -> new ProcessEngineException("Generalforsamlingen har ikke vedtaget forslaget."));
    store.adopt(draft, vote(decision));
    Integer published = store.version(draft.id()).map(StatutesStore.Version::versionNo).orElse(null);
    execution.setVariable("publishedVersion", published);
    decided(execution.getProcessInstanceId(), draft, decision, published);
  }

  /** Service tasks that end a change without publishing: rejected, not adopted or withdrawn. */
  public void close(DelegateExecution execution, String status) {
    VersionStatus closed = VersionStatus.valueOf(status);
    StatutesStore.Version draft = draftOf(execution);
    StatutesStore.Vote vote = closed == VersionStatus.NOT_ADOPTED
        ? store.latest(execution.getProcessInstanceId(), StatutesDecisionRecorder.ASSEMBLY_TASK).map(StatutesChanges::vote)
            .orElse(null)
        : null;
    store.close(draft, closed, vote);
    String deciding = switch (closed) {
      case NOT_ADOPTED -> StatutesDecisionRecorder.ASSEMBLY_TASK;
      case REJECTED -> RECOMMEND_TASK;
      default -> null; // withdrawn by the secretariat itself: no one else decided
    };
    if (deciding != null) {
      store.latest(execution.getProcessInstanceId(), deciding)
          .ifPresent(decision -> decided(execution.getProcessInstanceId(), draft, decision, null));
    }
  }

  /**
   * Announces a final decision ({@link StatutesChangeDecided}) for the drafter and the board that
   * recommended the change: read from the recorded decisions, never from variables.
   */
  private void decided(String processInstanceId, StatutesStore.Version draft, StatutesStore.Decision decision,
      Integer publishedVersion) {
    List<String> recommending = new ArrayList<>();
    if (StatutesDecisionRecorder.ASSEMBLY_TASK.equals(decision.taskKey())) {
      store.latest(processInstanceId, RECOMMEND_TASK).filter(d -> "recommend".equals(d.outcome()))
          .ifPresent(d -> recommending.add(d.body()));
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Afgørelse", decision.outcomeLabel());
    facts.put("Dokument", draft.kind().danishName());
    facts.put("Ny version", publishedVersion == null ? null : publishedVersion.toString());
    facts.put("Truffet af", Body.danishNameOf(decision.body()));
    facts.put("Begrundelse", decision.rationale());
    if (decision.meetingDate() != null) {
      facts.put("Generalforsamling", MeetingDate.danish(decision.meetingDate()));
      facts.put("Afstemning", decision.votesFor() + " for, " + decision.votesAgainst() + " imod, "
          + decision.votesAbstaining() + " hverken for eller imod");
      facts.put("Beslutningsdygtig", Boolean.TRUE.equals(decision.quorumMet()) ? "ja" : "nej");
      facts.put("Referat", decision.minutesReference());
    }
    facts.put("Indstillet af", recommending.isEmpty() ? null
        : String.join(", ", recommending.stream().map(Body::danishNameOf).toList()));
    events.publishEvent(new StatutesChangeDecided(decision.id(), processInstanceId,
        "Ændring af " + draft.kind().danishName().toLowerCase(), draft.draftedBy(), recommending, facts,
        "/app/vedtaegter/forslag/" + processInstanceId));
  }

  private StatutesStore.Version draftOf(DelegateExecution execution) {
    return store.ofProcess(execution.getProcessInstanceId()).filter(v -> "DRAFT".equals(v.status()))
        .orElseThrow(() -> new ProcessEngineException("Processen har intet udkast registreret af systemet."));
  }

  private static StatutesStore.Vote vote(StatutesStore.Decision d) {
    return new StatutesStore.Vote(d.meetingDate(), d.votesFor(), d.votesAgainst(), d.votesAbstaining(),
        Boolean.TRUE.equals(d.quorumMet()), d.minutesReference());
  }

  /** What is wrong with a draft, in Danish. */
  static List<String> problems(DocumentKind kind, String text, String rationale, String inForce) {
    List<String> errors = new ArrayList<>();
    if (text == null || text.isBlank()) {
      errors.add("«Ny tekst» skal udfyldes med hele den nye tekst.");
    } else if (text.length() > MAX_TEXT) {
      errors.add("«Ny tekst» må højst være " + MAX_TEXT + " tegn (der er " + text.length() + ").");
    } else if (SubmissionValidator.isUnsafeText(text)) {
      errors.add("«Ny tekst» må ikke indeholde HTML, script eller udtryk som ${...}; skriv teksten i Markdown.");
    } else if (inForce != null && normalise(text).equals(normalise(inForce))) {
      errors.add("«Ny tekst» er den samme som den gældende version af " + kind.danishName().toLowerCase()
          + ". Ret teksten, før forslaget sendes.");
    }
    if (rationale == null || rationale.isBlank()) {
      errors.add("«Begrundelse» skal udfyldes: hvorfor skal teksten ændres?");
    } else if (rationale.length() > 4000) {
      errors.add("«Begrundelse» må højst være 4000 tegn (der er " + rationale.length() + ").");
    } else if (SubmissionValidator.isUnsafeText(rationale)) {
      errors.add("«Begrundelse» må ikke indeholde HTML, script eller udtryk som ${...}.");
    }
    return errors;
  }

  /** Line ends as \n and no trailing whitespace at the end, so that a diff shows only what changed. */
  static String normalise(String text) {
    return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing() + "\n";
  }
}
