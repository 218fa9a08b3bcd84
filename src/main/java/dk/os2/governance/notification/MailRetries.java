package dk.os2.governance.notification;

import dk.os2.governance.process.ProcessClock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Camunda's retry of a failed sending job, on the waits of {@code os2.mail.retry-backoff}: the
 * job keeps its exception (Cockpit shows it), loses one retry, and is due again after the wait
 * that belongs to the attempt; when no retry is left Camunda raises the incident. Every other job
 * keeps the engine's own retry strategy.
 */
class MailRetries implements FailedJobCommandFactory {

  private final FailedJobCommandFactory others;
  private final List<Duration> backoff;

  MailRetries(FailedJobCommandFactory others, List<Duration> backoff) {
    this.others = others;
    this.backoff = List.copyOf(backoff);
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return ctx -> {
      JobEntity job = ctx.getJobManager().findJobById(jobId);
      if (job != null && MailJobHandler.TYPE.equals(job.getJobHandlerType())) {
        return new Retry(jobId, exception).execute(ctx);
      }
      return others.getCommand(jobId, exception).execute(ctx);
    };
  }

  private final class Retry extends JobRetryCmd {

    Retry(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null) {
        return null;
      }
      job.unlock();
      logException(job);
      decrementRetries(job); // at 0 the engine raises the failed job's incident
      if (job.getRetries() > 0) {
        int attemptsMade = Math.max(1, backoff.size() + 1 - job.getRetries());
        Duration wait = backoff.get(Math.min(attemptsMade, backoff.size()) - 1);
        job.setDuedate(Date.from(ProcessClock.now().plus(wait)));
      }
      notifyAcquisition(commandContext);
      return null;
    }
  }
}
