package dk.os2.governance.notification;

import dk.os2.governance.process.ProcessClock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Queues a mail: an outbox row and a Camunda job, both in the current engine transaction. The
 * job executor sends it after the transaction commits, on whichever node acquires the job; a
 * rolled-back transaction leaves neither row nor job.
 */
@Component
class MailQueue {

  private final Outbox outbox;
  private final ObjectProvider<ProcessEngine> engine;

  MailQueue(Outbox outbox, ObjectProvider<ProcessEngine> engine) {
    this.outbox = outbox;
    this.engine = engine;
  }

  /**
   * Queues a mail unless one with this key was queued before; returns the outbox id if new. The
   * facts (none for a task's mails, which are composed when sent) are shown in the mail as given.
   */
  public Optional<String> queue(String dedupeKey, MailKind kind, String taskId, String processInstanceId,
      String productName, List<MailContent.Fact> facts) {
    return inCommand(ctx -> outbox.add(dedupeKey, kind, taskId, processInstanceId, productName, facts)
        .map(id -> {
          schedule(ctx, id, null);
          return id;
        }));
  }

  /** Fixes the recipients of a mail whose recipients are known when it is queued (outcomes). */
  void recipients(String outboxId, Collection<String> recipients) {
    outbox.recipients(outboxId, recipients);
  }

  /**
   * Runs the mail's job again: a held or failed mail is reopened and sent; for any other mail
   * the job runs and finds nothing to do, so a mail already sent is never sent twice.
   */
  public void requeue(String outboxId) {
    inCommand(ctx -> {
      outbox.entry(outboxId).ifPresent(entry -> {
        outbox.reopen(outboxId);
        schedule(ctx, outboxId, null);
      });
      return null;
    });
  }

  /** Schedules another attempt after a failed one (called by the sending job itself). */
  void retryLater(CommandContext ctx, String outboxId, Duration delay) {
    schedule(ctx, outboxId, delay);
  }

  private void schedule(CommandContext ctx, String outboxId, Duration delay) {
    MessageEntity message = new MessageEntity();
    message.setJobHandlerType(MailJobHandler.TYPE);
    message.setJobHandlerConfigurationRaw(outboxId);
    if (delay != null) {
      message.setDuedate(Date.from(ProcessClock.now().plus(delay)));
    }
    ctx.getJobManager().send(message);
    outbox.jobQueued(outboxId, message.getId());
  }

  private <T> T inCommand(java.util.function.Function<CommandContext, T> work) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return work.apply(current);
    }
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(work::apply);
  }
}
