package dk.os2.governance.statutes;

import dk.os2.governance.identity.Body;
import dk.os2.governance.integrity.CommandWrites;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Records each recommendation and decision of a statutes change in {@code statutes_decision}, in the
 * transaction of the task's completion. The task's model says what it decides with the same
 * {@code decision.*} properties as every deciding task (so its answers start empty in every round);
 * {@code decision.generalAssembly="true"} marks the general assembly's vote, which is checked against
 * the majority rule again here, whatever route completed the task.
 *
 * <p>Not {@code portfolio.DecisionRecorder}: that one records in {@code governance_decision}, whose
 * every row belongs to a product (a non-null reference), and tells the product's proposer and steering
 * group. A statutes change concerns no product.
 */
@Component("statutesDecisionRecorder")
class StatutesDecisionRecorder implements TaskListener {

  static final String ASSEMBLY_TASK = "UserTask_DecideChange";

  private final StatutesStore store;

  StatutesDecisionRecorder(StatutesStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> model = properties(task.getBpmnModelElementInstance());
    String outcomeField = model.get("outcome");
    String pi = task.getProcessInstanceId();
    if (outcomeField == null || !CommandWrites.wroteInThisCommand(pi, outcomeField)) {
      throw new ProcessEngineException("Afgørelsen skal sendes med opgavens egen formular, når opgaven afsluttes.");
    }
    Object outcome = task.getVariable(outcomeField);
    String label = outcome == null ? null : model.get("label." + outcome);
    if (label == null) {
      throw new ProcessEngineException("Afgørelsen '" + (outcome == null ? "" : outcome)
          + "' er ikke en af opgavens mulige afgørelser.");
    }
    StatutesStore.Version draft = store.ofProcess(pi).filter(v -> "DRAFT".equals(v.status()))
        .orElseThrow(() -> new ProcessEngineException("Processen har intet udkast registreret af systemet."));
    String rationale = text(task, model.get("rationale"));
    LocalDate meeting = null;
    Integer votesFor = null;
    Integer against = null;
    Integer abstaining = null;
    Boolean quorum = null;
    String minutes = null;
    if (Boolean.parseBoolean(model.get("generalAssembly"))) {
      List<String> problems = GeneralAssemblyVote.problems(draft.kind(), task::getVariable);
      for (String field : List.of(GeneralAssemblyVote.VOTES_FOR, GeneralAssemblyVote.VOTES_AGAINST,
          GeneralAssemblyVote.VOTES_ABSTAINING, GeneralAssemblyVote.QUORUM_MET, GeneralAssemblyVote.MEETING_DATE)) {
        if (!CommandWrites.wroteInThisCommand(pi, field)) {
          problems = List.of("Afstemningen skal sendes med opgavens egen formular, når opgaven afsluttes.");
        }
      }
      if (!problems.isEmpty()) {
        throw new ProcessEngineException(String.join(" ", problems));
      }
      meeting = GeneralAssemblyVote.date(task.getVariable(GeneralAssemblyVote.MEETING_DATE));
      votesFor = GeneralAssemblyVote.number(task.getVariable(GeneralAssemblyVote.VOTES_FOR));
      against = GeneralAssemblyVote.number(task.getVariable(GeneralAssemblyVote.VOTES_AGAINST));
      abstaining = GeneralAssemblyVote.number(task.getVariable(GeneralAssemblyVote.VOTES_ABSTAINING));
      quorum = (Boolean) task.getVariable(GeneralAssemblyVote.QUORUM_MET);
      minutes = text(task, GeneralAssemblyVote.MINUTES);
      // Typed the Danish way, kept unambiguously as ISO.
      task.setVariable(GeneralAssemblyVote.MEETING_DATE, meeting.toString());
    }
    store.record(new StatutesStore.Decision(UUID.randomUUID().toString(), draft.id(), pi, task.getTaskDefinitionKey(),
        body(task), decidedBy(task), outcome.toString(), label, rationale, meeting, votesFor, against, abstaining,
        quorum, minutes, Timestamp.from(Instant.now())));
    if (model.get("labelVariable") != null) {
      task.setVariable(model.get("labelVariable"), label);
    }
    if ("return".equals(outcome)) {
      // What the secretariat's revision form shows: who sent it back, and why.
      task.setVariable("returnedBy", Body.danishNameOf(body(task)) + " – " + decidedBy(task));
      task.setVariable("returnComment", rationale);
    }
  }

  /** The {@code decision.*} properties of a user task, without the prefix. */
  static Map<String, String> properties(BaseElement task) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (task == null || task.getExtensionElements() == null) {
      return properties;
    }
    for (CamundaProperties group : task.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        String name = property.getCamundaName();
        if (name != null && name.startsWith("decision.") && property.getCamundaValue() != null) {
          properties.put(name.substring("decision.".length()), property.getCamundaValue());
        }
      }
    }
    return properties;
  }

  private static String body(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse("ukendt");
  }

  private static String decidedBy(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }

  private static String text(DelegateTask task, String name) {
    Object value = name == null ? null : task.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
