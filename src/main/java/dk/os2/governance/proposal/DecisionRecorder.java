package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.CATALOGUE_REFERENCE;
import static dk.os2.governance.proposal.ProposalVariables.INDICATIVE_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_ID;

import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.notification.OutcomeMail;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Keeps every screening, recommendation and board decision in the portfolio's own tables, in
 * the same transaction as the task's completion.
 */
@Component("decisionRecorder")
class DecisionRecorder implements TaskListener {

  /** Which form fields of a task carry its outcome, level, rationale and justification. */
  private record Fields(String outcome, String level, String rationale, String justification) {}

  private static final Map<String, Fields> FIELDS = Map.of(
      "UserTask_ScreenProposal", new Fields("screeningDecision", null, "screeningComment", null),
      "UserTask_RecommendProposal", new Fields("committeeRecommendation", "recommendedLevel", "committeeRationale", null),
      "UserTask_DecideProposal", new Fields("boardDecision", "approvedLevel", "boardRationale", "boardJustification"));

  /** Danish wording of each outcome, for forms and the proposer's mail. */
  private static final Map<String, String> LABELS = Map.of(
      "UserTask_ScreenProposal:forward", "Sendt videre til Forretningsudvalget",
      "UserTask_ScreenProposal:return", "Sendt tilbage til forslagsstilleren for supplering",
      "UserTask_RecommendProposal:recommend", "Indstillet til godkendelse",
      "UserTask_RecommendProposal:reject", "Indstillet til afvisning",
      "UserTask_RecommendProposal:return", "Sendt tilbage til sekretariatet",
      "UserTask_DecideProposal:approve", "Godkendt af bestyrelsen",
      "UserTask_DecideProposal:reject", "Afvist af bestyrelsen",
      "UserTask_DecideProposal:return", "Sendt tilbage til Forretningsudvalget af bestyrelsen");

  private final Portfolio portfolio;
  private final OutcomeMail outcomeMail;

  DecisionRecorder(Portfolio portfolio, OutcomeMail outcomeMail) {
    this.portfolio = portfolio;
    this.outcomeMail = outcomeMail;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = FIELDS.get(task.getTaskDefinitionKey());
    if (fields == null) {
      throw new IllegalStateException("No decision fields are known for task " + task.getTaskDefinitionKey());
    }
    String outcome = text(task, fields.outcome());
    boolean levelApplies = ProposalVariables.RECOMMEND.equals(outcome) || ProposalVariables.APPROVE.equals(outcome);
    String decisionId = UUID.randomUUID().toString();
    String level = levelApplies && fields.level() != null ? text(task, fields.level()) : null;
    String rationale = text(task, fields.rationale());
    String justification = fields.justification() == null ? null : text(task, fields.justification());
    LocalDate meeting = date(task.getVariable("meetingDate"));
    boolean board = "UserTask_DecideProposal".equals(task.getTaskDefinitionKey());
    portfolio.record(new Decision(decisionId, text(task, PRODUCT_ID), task.getProcessInstanceId(),
        task.getTaskDefinitionKey(), body(task), decidedBy(task), outcome, level, rationale, justification,
        board ? meeting : null, board ? text(task, "minutesReference") : null,
        text(task, INDICATIVE_LEVEL), text(task, CATALOGUE_REFERENCE), null));

    String label = LABELS.getOrDefault(task.getTaskDefinitionKey() + ":" + outcome, outcome);
    if ("UserTask_RecommendProposal".equals(task.getTaskDefinitionKey())) {
      task.setVariable("committeeRecommendationLabel", label);
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Afgørelse", level == null ? label : label + " på niveau " + level);
    facts.put("Truffet af", body(task));
    facts.put("Begrundelse", rationale);
    facts.put("Begrundelse for afvigelse", justification);
    if (board) {
      facts.put("Bestyrelsesmøde", meeting == null ? null : meeting.toString());
      facts.put("Referat", text(task, "minutesReference"));
    }
    outcomeMail.decisionMade(decisionId, task.getProcessInstanceId(), text(task, ProposalVariables.PRODUCT_NAME),
        List.of(text(task, ProposalVariables.PROPOSER) == null ? "" : text(task, ProposalVariables.PROPOSER)),
        List.of(text(task, "contactEmail") == null ? "" : text(task, "contactEmail")), facts);
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
    if (current != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
