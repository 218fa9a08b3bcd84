package dk.os2.governance.proposal;

import static dk.os2.governance.proposal.ProposalVariables.CATALOGUE_REFERENCE;
import static dk.os2.governance.proposal.ProposalVariables.INDICATIVE_LEVEL;
import static dk.os2.governance.proposal.ProposalVariables.PRODUCT_ID;

import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.Map;
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

  /** Danish wording of the committee's recommendation, shown to the board. */
  private static final Map<String, String> RECOMMENDATION_LABELS = Map.of(
      "recommend", "Indstillet til godkendelse",
      "reject", "Indstillet til afvisning",
      "return", "Sendt tilbage til sekretariatet");

  private final Portfolio portfolio;

  DecisionRecorder(Portfolio portfolio) {
    this.portfolio = portfolio;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = FIELDS.get(task.getTaskDefinitionKey());
    if (fields == null) {
      throw new IllegalStateException("No decision fields are known for task " + task.getTaskDefinitionKey());
    }
    String outcome = text(task, fields.outcome());
    boolean levelApplies = ProposalVariables.RECOMMEND.equals(outcome) || ProposalVariables.APPROVE.equals(outcome);
    portfolio.record(new Decision(null, text(task, PRODUCT_ID), task.getProcessInstanceId(),
        task.getTaskDefinitionKey(), body(task), decidedBy(task), outcome,
        levelApplies && fields.level() != null ? text(task, fields.level()) : null,
        text(task, fields.rationale()),
        fields.justification() == null ? null : text(task, fields.justification()),
        date(task.getVariable("meetingDate")), text(task, "minutesReference"),
        text(task, INDICATIVE_LEVEL), text(task, CATALOGUE_REFERENCE), null));
    if ("UserTask_RecommendProposal".equals(task.getTaskDefinitionKey())) {
      task.setVariable("committeeRecommendationLabel", RECOMMENDATION_LABELS.getOrDefault(outcome, outcome));
    }
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
