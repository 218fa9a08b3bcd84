package dk.os2.governance.portfolio;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.integrity.CommandWrites;
import dk.os2.governance.integrity.ProcessIdentity;
import dk.os2.governance.notification.OutcomeMail;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Keeps every screening, recommendation, review and board decision of every governance process
 * in the portfolio's own table, in the same transaction as the task's completion, and tells the
 * proposer (or applicant) and the product's steering group.
 *
 * <p>Who and what the decision is about (the product, the proposer or applicant, a level change's
 * target level) come from the process's identity recorded by the system, never from process
 * variables. The outcome must be one of the task's own outcomes; the listener writes it back to the
 * outcome variable, so the gateway after the task routes on exactly what was recorded, and the
 * service tasks that act on a decision read the recorded row. The outcome (and a level chosen in
 * the form) must have been written by the completion itself: a value left by an earlier round, or
 * written into the process by another body before, is not this task's decision.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements TaskListener {

  /**
   * Which form fields of a task carry its outcome, level, rationale and justification. A level of
   * {@code requestedLevel} (the level-change tasks) is not a form field: it stands for the level
   * change's target level, recorded by the system when it started the process.
   */
  private record Fields(String outcome, String level, String rationale, String justification, boolean board) {}

  private static final Map<String, Fields> FIELDS = Map.of(
      "UserTask_ScreenProposal", new Fields("screeningDecision", null, "screeningComment", null, false),
      "UserTask_RecommendProposal", new Fields("committeeRecommendation", "recommendedLevel", "committeeRationale", null, false),
      "UserTask_DecideProposal", new Fields("boardDecision", "approvedLevel", "boardRationale", "boardJustification", true),
      "UserTask_ReviewHandover", new Fields("handoverDecision", null, "handoverRationale", null, false),
      "UserTask_RecommendLevelChange", new Fields("levelRecommendation", "requestedLevel", "levelRecommendationRationale", null, false),
      "UserTask_DecideLevelChange", new Fields("levelDecision", "requestedLevel", "levelDecisionRationale", "levelDecisionJustification", true),
      "UserTask_ReviewBySecretariat", new Fields("secretariatRecommendation", null, "secretariatAssessment", null, false),
      "UserTask_ReviewOperations", new Fields("operationsRecommendation", null, "operationsAssessment", null, false),
      "UserTask_DecideAnnual", new Fields("annualDecision", "demoteTo", "annualRationale", "actionPlan", true));

  /** Danish wording of each outcome, for forms and mails. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("UserTask_ScreenProposal:forward", "Sendt videre til Forretningsudvalget"),
      Map.entry("UserTask_ScreenProposal:return", "Sendt tilbage til forslagsstilleren for supplering"),
      Map.entry("UserTask_RecommendProposal:recommend", "Indstillet til godkendelse"),
      Map.entry("UserTask_RecommendProposal:reject", "Indstillet til afvisning"),
      Map.entry("UserTask_RecommendProposal:return", "Sendt tilbage til sekretariatet"),
      Map.entry("UserTask_DecideProposal:approve", "Godkendt af bestyrelsen"),
      Map.entry("UserTask_DecideProposal:reject", "Afvist af bestyrelsen"),
      Map.entry("UserTask_DecideProposal:return", "Sendt tilbage til Forretningsudvalget af bestyrelsen"),
      Map.entry("UserTask_ReviewHandover:accept", "Overdragelsen til drift er godkendt af Koordinationsudvalget"),
      Map.entry("UserTask_ReviewHandover:reject", "Overdragelsen til drift er ikke godkendt af Koordinationsudvalget"),
      Map.entry("UserTask_RecommendLevelChange:recommend", "Niveauændringen er indstillet til godkendelse"),
      Map.entry("UserTask_RecommendLevelChange:reject", "Niveauændringen er indstillet til afvisning"),
      Map.entry("UserTask_RecommendLevelChange:return", "Niveauændringen er sendt tilbage til ansøgeren"),
      Map.entry("UserTask_DecideLevelChange:approve", "Niveauændringen er godkendt af bestyrelsen"),
      Map.entry("UserTask_DecideLevelChange:reject", "Niveauændringen er afvist af bestyrelsen"),
      Map.entry("UserTask_DecideLevelChange:retire", "Produktet udfases efter bestyrelsens beslutning"),
      Map.entry("UserTask_DecideLevelChange:return", "Niveauændringen er sendt tilbage til Forretningsudvalget"),
      Map.entry("UserTask_ReviewBySecretariat:keep", "Sekretariatet anbefaler at fastholde niveauet"),
      Map.entry("UserTask_ReviewBySecretariat:action", "Sekretariatet anbefaler en handlingsplan"),
      Map.entry("UserTask_ReviewBySecretariat:demote", "Sekretariatet anbefaler nedjustering"),
      Map.entry("UserTask_ReviewOperations:keep", "Koordinationsudvalget anbefaler at fastholde niveauet"),
      Map.entry("UserTask_ReviewOperations:action", "Koordinationsudvalget anbefaler en handlingsplan"),
      Map.entry("UserTask_ReviewOperations:demote", "Koordinationsudvalget anbefaler nedjustering"),
      Map.entry("UserTask_DecideAnnual:keep", "Niveauet fastholdes efter den årlige evaluering"),
      Map.entry("UserTask_DecideAnnual:action", "Niveauet fastholdes med en handlingsplan"),
      Map.entry("UserTask_DecideAnnual:demote", "Bestyrelsen har besluttet en nedjustering"));

  private final Portfolio portfolio;
  private final OutcomeMail outcomeMail;
  private final ProcessIdentity identity;

  DecisionRecorder(Portfolio portfolio, OutcomeMail outcomeMail, ProcessIdentity identity) {
    this.portfolio = portfolio;
    this.outcomeMail = outcomeMail;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    Fields fields = FIELDS.get(key);
    if (fields == null) {
      throw new IllegalStateException("No decision fields are known for task " + key);
    }
    String processInstanceId = task.getProcessInstanceId();
    if (!CommandWrites.wroteInThisCommand(processInstanceId, fields.outcome())) {
      throw new ProcessEngineException("Afgørelsen skal sendes med opgavens egen formular, når opgaven afsluttes.");
    }
    String outcome = text(task, fields.outcome());
    if (outcome == null || !LABELS.containsKey(key + ":" + outcome)) {
      throw new ProcessEngineException("Afgørelsen '" + (outcome == null ? "" : outcome)
          + "' er ikke en af opgavens mulige afgørelser.");
    }
    String productId = identity.productOf(processInstanceId);
    Optional<ProcessIdentity.Identity> levelProcess = identity.levelProcess(processInstanceId);
    Product product = portfolio.product(productId).orElseThrow();
    boolean levelApplies = List.of("recommend", "approve", "demote").contains(outcome);
    String decisionId = UUID.randomUUID().toString();
    String level = null;
    if (levelApplies && "requestedLevel".equals(fields.level())) {
      level = levelProcess.map(ProcessIdentity.Identity::targetLevel).orElse(null);
    } else if (levelApplies && fields.level() != null) {
      if (!CommandWrites.wroteInThisCommand(processInstanceId, fields.level())) {
        throw new ProcessEngineException("Niveauet skal sendes med opgavens egen formular, når opgaven afsluttes.");
      }
      level = text(task, fields.level());
    }
    String rationale = text(task, fields.rationale());
    String justification = fields.justification() == null ? null : text(task, fields.justification());
    LocalDate meeting = fields.board() ? MeetingDate.parse(task.getVariable("meetingDate")) : null;
    String minutes = fields.board() ? text(task, "minutesReference") : null;
    portfolio.record(new Decision(decisionId, productId, processInstanceId, key, body(task),
        decidedBy(task), outcome, level, rationale, justification, meeting, minutes,
        text(task, "indicativeLevel"), text(task, "catalogueReference"), null));
    task.setVariable(fields.outcome(), outcome);

    String label = LABELS.getOrDefault(key + ":" + outcome, outcome);
    if ("UserTask_RecommendProposal".equals(key)) {
      task.setVariable("committeeRecommendationLabel", label);
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Afgørelse", level == null ? label : label + " på niveau " + level);
    facts.put("Truffet af", body(task));
    facts.put("Begrundelse", rationale);
    facts.put("Begrundelse for afvigelse", "UserTask_DecideAnnual".equals(key) ? null : justification);
    if ("UserTask_DecideAnnual".equals(key)) {
      facts.put("Handlingsplan", justification);
      facts.put("Opfølgning", text(task, "followUpDate"));
    }
    if (fields.board()) {
      facts.put("Bestyrelsesmøde", meeting == null ? null : meeting.toString());
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
    outcomeMail.decisionMade(decisionId, processInstanceId, product.name(), people, List.of(contact), facts);
  }

  private static String body(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse("ukendt");
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
