package dk.os2.governance.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On every new user task, queues the mail to the people who may take it. */
@Component
class TaskCreatedMail implements TaskListener {

  private final MailQueue queue;

  TaskCreatedMail(MailQueue queue) {
    this.queue = queue;
  }

  @Override
  public void notify(DelegateTask task) {
    Object product = task.getVariable("productName");
    queue.queue("task-created:" + task.getId(), MailKind.TASK_CREATED, task.getId(), task.getProcessInstanceId(),
        product == null ? null : product.toString(), null, null);
  }
}
