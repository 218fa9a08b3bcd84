package dk.os2.governance.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wires notifications into the engine: the mail job type with its retries and incidents, and a
 * mail for every user task of every model (so no model can forget it).
 */
@Component
class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final MailJobHandler handler;
  private final TaskCreatedMail taskCreated;
  private final List<Duration> backoff;

  NotificationPlugin(MailJobHandler handler, TaskCreatedMail taskCreated,
      @Value("${os2.mail.retry-backoff}") List<Duration> backoff) {
    this.handler = handler;
    this.taskCreated = taskCreated;
    this.backoff = backoff;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    if (config.getCustomJobHandlers() == null) {
      config.setCustomJobHandlers(new ArrayList<>());
    }
    config.getCustomJobHandlers().add(handler);
    FailedJobCommandFactory others = config.getFailedJobCommandFactory() == null
        ? new DefaultFailedJobCommandFactory() : config.getFailedJobCommandFactory();
    config.setFailedJobCommandFactory(new MailRetries(others, backoff));
    if (config.getCustomPostBPMNParseListeners() == null) {
      config.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    config.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
      }
    });
  }
}
