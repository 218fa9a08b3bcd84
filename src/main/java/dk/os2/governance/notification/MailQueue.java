package dk.os2.governance.notification;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Queues a mail: an outbox row in the current engine transaction, and one Camunda job per
 * transaction that sends every mail queued in it. The job executor runs the job after the
 * transaction commits, on whichever node acquires it; a rolled-back transaction leaves neither
 * rows nor job. A failed attempt is a failed job: Camunda retries it after the waits in
 * {@code os2.mail.retry-backoff} ({@link MailRetries}) and, when they run out, raises an incident
 * that Cockpit shows on the process definition the mail came from.
 */
@Component
class MailQueue {

  private final Outbox outbox;
  private final ObjectProvider<ProcessEngine> engine;
  private final int attempts;
  /** The sending job of each running engine command that queues mails: its id, and whether it is created. */
  private final Map<CommandContext, Batch> batches = Collections.synchronizedMap(new WeakHashMap<>());

  private static final class Batch {
    final String jobId;
    boolean created;

    Batch(String jobId) {
      this.jobId = jobId;
    }
  }

  MailQueue(Outbox outbox, ObjectProvider<ProcessEngine> engine,
      @Value("${os2.mail.retry-backoff}") List<Duration> backoff) {
    this.outbox = outbox;
    this.engine = engine;
    this.attempts = backoff.size() + 1;
  }

  /** How often a mail is tried before it counts as failed: once, then once after each backoff. */
  int attempts() {
    return attempts;
  }

  /**
   * Queues a mail unless one with this key was queued before; returns the outbox id if new. The
   * facts (none for a task's mails, which are composed when sent) are shown in the mail as given;
   * the recipients are given for mails whose recipients are known when queued (outcomes,
   * reminders of deviations), else resolved when the mail is sent.
   */
  public Optional<String> queue(String dedupeKey, MailKind kind, String taskId, String processInstanceId,
      String productName, List<MailContent.Fact> facts, Collection<String> recipients) {
    return inCommand(ctx -> {
      Batch batch = batches.computeIfAbsent(ctx,
          c -> new Batch(c.getProcessEngineConfiguration().getIdGenerator().getNextId()));
      Optional<String> added = outbox.add(dedupeKey, kind, taskId, processInstanceId, productName, facts, recipients,
          batch.jobId);
      if (added.isPresent() && !batch.created) {
        createJob(ctx, batch.jobId, processInstanceId);
        batch.created = true;
      }
      return added;
    });
  }

  /**
   * Sends the mail again: a held or failed mail is reopened and gets a job of its own (a failed
   * mail's incident is resolved once no other failed mail waits on its job); for any other mail
   * the job runs and finds nothing to do, so a mail already sent is never sent twice.
   */
  public void requeue(String outboxId) {
    inCommand(ctx -> {
      outbox.entry(outboxId).ifPresent(entry -> {
        outbox.reopen(outboxId);
        String job = ctx.getProcessEngineConfiguration().getIdGenerator().getNextId();
        createJob(ctx, job, entry.processInstanceId());
        outbox.jobQueued(outboxId, job);
        if (entry.jobId() != null && !entry.jobId().equals(job) && outbox.failedOnJob(entry.jobId()) == 0) {
          JobEntity old = ctx.getJobManager().findJobById(entry.jobId());
          if (old != null && old.getRetries() == 0) {
            // Resolves its incident in Cockpit; the job runs once more and finds nothing left to send.
            old.setRetries(1);
            old.setDuedate(null);
          }
        }
      });
      return null;
    });
  }

  private void createJob(CommandContext ctx, String jobId, String processInstanceId) {
    MessageEntity message = new MessageEntity();
    message.setId(jobId);
    message.setJobHandlerConfigurationRaw(jobId);
    message.setJobHandlerType(MailJobHandler.TYPE);
    message.setRetries(attempts);
    // The process definition (never the instance, whose end would stop the job) names where
    // Cockpit shows the incident of a mail that could not be sent.
    if (processInstanceId != null) {
      ExecutionEntity instance = ctx.getExecutionManager().findExecutionById(processInstanceId);
      if (instance != null) {
        message.setProcessDefinitionId(instance.getProcessDefinitionId());
        message.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
        message.setTenantId(instance.getTenantId());
      }
    }
    ctx.getJobManager().send(message);
  }

  private <T> T inCommand(java.util.function.Function<CommandContext, T> work) {
    return InCommand.run(engine.getObject(), work);
  }
}
