package dk.os2.governance.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.submission.FormCatalog;
import dk.os2.governance.submission.FormSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The class guard for "no loop pre-fills a decision": in every model, every field of every user
 * task's form either starts empty (the task's own answers) or is data the task is meant to edit
 * (the proposal as its start form holds it, the self-assessment). A new task or field that fits
 * neither fails here.
 */
class FreshAnswersModelTests extends IntegrationTests {

  @Autowired
  FormCatalog forms;

  @Test
  void everyUserTaskStartsWithItsOwnAnswersEmpty() {
    FormSchema proposal = forms.form("proposal-start").orElseThrow();
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey)
        .contains("project-proposal", "level-change", "annual-evaluation");
    Set<String> checked = new HashSet<>();
    for (ProcessDefinition definition : definitions) {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        FormSchema form = forms.form(task.getCamundaFormRef()).orElseThrow();
        Set<String> fresh = FreshAnswers.answerFields(task, forms);
        for (String field : form.fields().keySet()) {
          boolean data = proposal.field(field).isPresent() || field.startsWith("sa_")
              || "selfAssessmentNote".equals(field);
          assertThat(fresh.contains(field) || data)
              .as(definition.getKey() + " " + task.getId() + ": the answer field '" + field
                  + "' would open with the previous round's value")
              .isTrue();
          assertThat(fresh.contains(field) && data)
              .as(definition.getKey() + " " + task.getId() + ": '" + field + "' is data and must stay")
              .isFalse();
        }
        checked.add(task.getId());
      }
    }
    assertThat(checked).contains("UserTask_ScreenProposal", "UserTask_SupplementProposal",
        "UserTask_RecommendProposal", "UserTask_DecideProposal", "UserTask_ReviseApplication",
        "UserTask_DecideLevelChange", "UserTask_ReviewBySecretariat", "UserTask_DecideAnnual",
        "UserTask_SteeringGroupFollowUp", "UserTask_FollowUpActionPlan", "UserTask_EscalateOverdueEvaluation");
  }

  @Test
  void decidingFormsClearTheirDecisionCommentAndMeeting() {
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("project-proposal").latestVersion().singleResult().getId());
    UserTask screening = model.getModelElementById("UserTask_ScreenProposal");
    UserTask board = model.getModelElementById("UserTask_DecideProposal");
    UserTask supplement = model.getModelElementById("UserTask_SupplementProposal");
    assertThat(FreshAnswers.answerFields(screening, forms)).containsExactlyInAnyOrder("screeningDecision", "screeningComment");
    assertThat(FreshAnswers.answerFields(board, forms)).contains("boardDecision", "meetingDate", "boardRationale");
    assertThat(FreshAnswers.answerFields(supplement, forms)).containsExactly("supplementResponse");
  }
}
