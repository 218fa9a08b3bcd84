package dk.os2.governance.portfolio;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.CommandWrites;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.submission.MeetingDate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps every screening, recommendation, review and board decision of every governance process
 * in the portfolio's own table, in the same transaction as the task's completion, and announces it for the
 * proposer (or applicant) and the product's steering group.
 *
 * <p>Who and what the decision is about (the product, the proposer or applicant, a level change's
 * target level) come from the process's identity recorded by the system, never from process
 * variables. The outcome must be one of the task's own outcomes; the listener writes it back to the
 * outcome variable, so the gateway after the task routes on exactly what was recorded, and the
 * service tasks that act on a decision read the recorded row. The outcome (and a level chosen in
 * the form) must have been written by the completion itself: a value left by an earlier round, or
 * written into the process by another body before, is not this task's decision.
 *
 * <p>Which form fields carry a task's outcome, level, rationale and justification, and the Danish
 * wording of its outcomes, is said by the task's model ({@link TaskDecision}). The people to tell
 * learn of the decision through {@link DecisionRecorded}, published synchronously so that whatever
 * its listeners write commits with the decision.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements TaskListener {

  /**
   * The task key of a historic decision: a level stated by an evaluation report made before (or
   * outside) this application and imported. It belongs to no process and no task, so no process
   * step ever reads it as a task's decision ({@link Portfolio#latestDecision} asks by process).
   */
  public static final String IMPORTED_REPORT = "importedReport";

  /** The outcome of a historic decision. */
  public static final String HISTORIC = "historic";

  /** The body to which an imported report's statement is attributed: OS2's secretariat, which audits. */
  static final String HISTORIC_BODY = "forretningsledelse";

  private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

  /**
   * What an imported report stated: the product's level ({@code level}, N1-N3, or {@code null} for a
   * level outside the portfolio's, named in {@code levelName}), by whom and when.
   */
  public record HistoricDecision(String productId, String level, String levelName, String author,
      String authorEmail, LocalDate date, String recordedBy, String catalogueReference) {}

  /** What each task decides, by process definition and task: read once from the task's model. */
  private final Map<String, TaskDecision> decisions = new ConcurrentHashMap<>();

  private final Portfolio portfolio;
  private final ApplicationEventPublisher events;
  private final ProcessIdentity identity;

  DecisionRecorder(Portfolio portfolio, ApplicationEventPublisher events, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.events = events;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    TaskDecision model = decisions.computeIfAbsent(task.getProcessDefinitionId() + ":" + key,
        ignored -> TaskDecision.of(task.getBpmnModelElementInstance()));
    String processInstanceId = task.getProcessInstanceId();
    if (!CommandWrites.wroteInThisCommand(processInstanceId, model.outcome())) {
      throw new ProcessEngineException("Afgørelsen skal sendes med opgavens egen formular, når opgaven afsluttes.");
    }
    String outcome = text(task, model.outcome());
    String label = model.label(outcome);
    if (label == null) {
      throw new ProcessEngineException("Afgørelsen '" + (outcome == null ? "" : outcome)
          + "' er ikke en af opgavens mulige afgørelser.");
    }
    Optional<String> about = identity.productIfAny(processInstanceId);
    if (about.isEmpty()) {
      // A rule change decides about a catalogue: recorded without a product, told by its own process.
      recordWithoutProduct(task, model, key, outcome, label);
      return;
    }
    String productId = about.get();
    Optional<ProcessIdentity.Identity> levelProcess = identity.levelProcess(processInstanceId);
    Product product = portfolio.product(productId).orElseThrow();
    boolean levelApplies = List.of("recommend", "approve", "demote").contains(outcome);
    String decisionId = UUID.randomUUID().toString();
    String level = null;
    if (levelApplies && model.targetLevel()) {
      level = levelProcess.map(ProcessIdentity.Identity::targetLevel).orElse(null);
    } else if (levelApplies && model.level() != null) {
      if (!CommandWrites.wroteInThisCommand(processInstanceId, model.level())) {
        throw new ProcessEngineException("Niveauet skal sendes med opgavens egen formular, når opgaven afsluttes.");
      }
      level = text(task, model.level());
    }
    String rationale = text(task, model.rationale());
    String justification = model.justification() == null ? null : text(task, model.justification());
    LocalDate meeting = model.board() ? MeetingDate.parse(task.getVariable("meetingDate")) : null;
    String minutes = model.board() ? text(task, "minutesReference") : null;
    portfolio.record(new Decision(decisionId, productId, processInstanceId, key, body(task),
        decidedBy(task), outcome, level, rationale, justification, meeting, minutes,
        text(task, "indicativeLevel"), text(task, "catalogueReference"), null));
    task.setVariable(model.outcome(), outcome);
    // Dates are typed the Danish way (dd-mm-åååå) and kept unambiguously, as ISO åååå-mm-dd.
    if (meeting != null) {
      task.setVariable("meetingDate", meeting.toString());
    }
    LocalDate followUp = model.followUp() == null ? null : MeetingDate.parse(task.getVariable(model.followUp()));
    if (followUp != null) {
      task.setVariable(model.followUp(), followUp.toString());
    }

    if (model.labelVariable() != null) {
      task.setVariable(model.labelVariable(), label);
    }
    if (model.returns(outcome)) {
      ReturnNote.leave(task.getExecution().getProcessInstance(), returnedBy(task), rationale);
    } else {
      ReturnNote.clear(task.getExecution().getProcessInstance());
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Afgørelse", level == null ? label : label + " på niveau " + level);
    facts.put("Truffet af", body(task));
    facts.put("Begrundelse", rationale);
    facts.put(model.justificationFact(), justification);
    if (model.followUp() != null) {
      facts.put("Opfølgning", MeetingDate.danish(followUp));
    }
    if (model.board()) {
      facts.put("Bestyrelsesmøde", MeetingDate.danish(meeting));
      facts.put("Referat", minutes);
    }
    List<String> people = new ArrayList<>();
    people.add(identity.proposerOf(processInstanceId));
    String steering = levelProcess.isPresent() ? GroupKind.STEERING.groupId(productId) : null;
    if (steering != null) {
      var identity = task.getProcessEngineServices().getIdentityService();
      Access.asSystem(identity, () -> identity.createUserQuery().memberOfGroup(steering).list())
          .stream().map(User::getId).forEach(people::add);
    }
    String contact = product.contactEmail() != null && product.contactEmail().contains("@") ? product.contactEmail() : "";
    // Listeners run synchronously, in this thread and the engine's transaction.
    events.publishEvent(new DecisionRecorded(decisionId, processInstanceId, product.name(), people,
        List.of(contact), facts));
  }

  private void recordWithoutProduct(DelegateTask task, TaskDecision model, String key, String outcome, String label) {
    String processInstanceId = task.getProcessInstanceId();
    String rationale = text(task, model.rationale());
    String justification = model.justification() == null ? null : text(task, model.justification());
    LocalDate meeting = model.board() ? MeetingDate.parse(task.getVariable("meetingDate")) : null;
    String minutes = model.board() ? text(task, "minutesReference") : null;
    portfolio.record(new Decision(UUID.randomUUID().toString(), null, processInstanceId, key, body(task),
        decidedBy(task), outcome, null, rationale, justification, meeting, minutes, null,
        text(task, "catalogueReference"), null));
    task.setVariable(model.outcome(), outcome);
    if (meeting != null) {
      task.setVariable("meetingDate", meeting.toString());
    }
    if (model.labelVariable() != null) {
      task.setVariable(model.labelVariable(), label);
    }
    if (model.returns(outcome)) {
      ReturnNote.leave(task.getExecution().getProcessInstance(), returnedBy(task), rationale);
    } else {
      ReturnNote.clear(task.getExecution().getProcessInstance());
    }
  }

  /**
   * Records the level an imported evaluation report states as a historic decision in the product's
   * decision history: dated the report's date (today when it has none), attributed to the secretariat,
   * with the report's author and date in the rationale. No one is notified: it is history.
   */
  public void recordHistoric(HistoricDecision h) {
    String by = h.author() == null ? "ukendt forfatter"
        : h.author() + (h.authorEmail() == null ? "" : " (" + h.authorEmail() + ")");
    String rationale = h.levelName() + " ifølge importeret evalueringsrapport af " + by
        + (h.date() == null ? ", udateret" : ", dateret " + MeetingDate.danish(h.date())) + ".";
    Instant at = h.date() == null ? Instant.now() : h.date().atStartOfDay(DANISH_TIME).toInstant();
    portfolio.record(new Decision(UUID.randomUUID().toString(), h.productId(), null, IMPORTED_REPORT, HISTORIC_BODY,
        h.recordedBy(), HISTORIC, h.level(), rationale, null, null, null, null, h.catalogueReference(), at));
  }

  private static String body(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse("ukendt");
  }

  /** The body in Danish and the person, by name where the user has one: "Bestyrelsen – Bo Bestyrelse (bestyrelse)". */
  private static String returnedBy(DelegateTask task) {
    String body = Body.danishNameOf(body(task));
    String userId = decidedBy(task);
    if (userId == null) {
      return body;
    }
    var identity = task.getProcessEngineServices().getIdentityService();
    User user = Access.asSystem(identity, () -> identity.createUserQuery().userId(userId).singleResult());
    String name = user == null ? null
        : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return body + " – " + (name == null || name.isEmpty() ? userId : name + " (" + userId + ")");
  }

  private static String decidedBy(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
