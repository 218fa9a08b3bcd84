package dk.os2.governance.forms;

import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.integrity.SystemWrites;
import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records the catalogue version a process works with in its variable
 * {@value CatalogueVersions#VARIABLE}: a proposal and a level change keep the version in force
 * when they started; an evaluation cycle takes the version in force when each round's
 * self-assessment task is created, so every round follows the catalogue of its day. The forms the
 * process's tasks show and the checks of its answers follow that variable.
 */
@Component
class CatalogueVersionPlugin extends AbstractProcessEnginePlugin {

  /** Processes that keep, from their start, the catalogue version in force when they started. */
  private static final Set<String> PINNED_AT_START = Set.of("project-proposal", "level-change");
  /** Processes whose rounds each take the version in force when their self-assessment task is created. */
  private static final Set<String> PINNED_PER_ROUND = Set.of("annual-evaluation");

  private final ObjectProvider<CatalogueVersions> versions;

  CatalogueVersionPlugin(ObjectProvider<CatalogueVersions> versions) {
    this.versions = versions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomPostBPMNParseListeners() == null) {
      config.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener atStart = execution -> {
      if (execution.getVariable(CatalogueVersions.VARIABLE) == null) {
        String version = versions.getObject().inForce().version();
        SystemWrites.run(() -> execution.setVariable(CatalogueVersions.VARIABLE, version));
      }
    };
    TaskListener perRound = task -> {
      String version = versions.getObject().inForce().version();
      SystemWrites.run(() -> task.getExecution().getProcessInstance().setVariable(CatalogueVersions.VARIABLE, version));
    };
    config.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        if (PINNED_AT_START.contains(definition.getKey())) {
          definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, atStart);
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (PINNED_PER_ROUND.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())
            && SelfAssessmentForms.FORM_IDS.contains(formRef)) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, perRound);
        }
      }
    });
  }
}
