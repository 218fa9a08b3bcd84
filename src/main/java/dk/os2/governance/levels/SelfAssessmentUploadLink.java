package dk.os2.governance.levels;

import dk.os2.governance.process.EveryUserTask;
import dk.os2.governance.submission.FormCatalog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every task whose form asks for a self-assessment the path of its upload page
 * ({@link TaskSelfAssessmentPage}) in a variable of the task itself, {@value #VARIABLE}: a form
 * cannot know its task's id, and Tasklist's forms have no file picker, so the form links there.
 */
@Component
class SelfAssessmentUploadLink extends AbstractProcessEnginePlugin implements TaskListener {

  static final String VARIABLE = "selfAssessmentUploadLink";

  private final ObjectProvider<FormCatalog> forms;

  SelfAssessmentUploadLink(ObjectProvider<FormCatalog> forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    EveryUserTask.onCreate(config, this);
  }

  @Override
  public void notify(DelegateTask task) {
    Expression key = ((TaskEntity) task).getTaskDefinition().getCamundaFormDefinitionKey();
    if (key == null) {
      return;
    }
    forms.getObject().form(key.getExpressionText()).filter(TaskSelfAssessments::asksForSelfAssessment)
        .ifPresent(form -> task.setVariableLocal(VARIABLE, "/app/opgaver/" + task.getId() + "/selvevaluering"));
  }
}
