package dk.os2.governance.notification;

import dk.os2.governance.process.ProcessClock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds open tasks near or past their due date and queues a reminder (to the people who may
 * take the task) or an escalation (to the secretariat), once per task and due date. Safe to run
 * on every node: the outbox keys make a second run queue nothing.
 */
@Component
class DueTaskScanner {

  private final ProcessEngine engine;
  private final MailQueue queue;
  private final Duration remindBefore;

  DueTaskScanner(ProcessEngine engine, MailQueue queue, @Value("${os2.mail.remind-before}") Duration remindBefore) {
    this.engine = engine;
    this.queue = queue;
    this.remindBefore = remindBefore;
  }

  /** Returns how many mails were queued. */
  public int scan() {
    Date now = ProcessClock.currentTime();
    Date horizon = new Date(now.getTime() + remindBefore.toMillis());
    int queued = 0;
    for (Task task : engine.getTaskService().createTaskQuery().active().dueBefore(horizon).list()) {
      boolean overdue = task.getDueDate().before(now);
      MailKind kind = overdue ? MailKind.ESCALATION : MailKind.REMINDER;
      String key = kind.name().toLowerCase() + ":" + task.getId() + ":" + task.getDueDate().getTime();
      Object product = engine.getTaskService().getVariable(task.getId(), "productName");
      if (queue.queue(key, kind, task.getId(), task.getProcessInstanceId(),
          product == null ? null : product.toString(), null, null).isPresent()) {
        queued++;
      }
    }
    return queued;
  }
}
