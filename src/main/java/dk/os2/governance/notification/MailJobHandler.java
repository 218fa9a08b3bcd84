package dk.os2.governance.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Sends the mails queued in one transaction, as one Camunda job: after the causing transaction
 * committed, outside every user's request, on one node. Each mail is marked sent in its own
 * transaction right after the SMTP server accepted it, so it is never sent again whatever happens
 * to the job afterwards; a database away at that moment is waited for ({@link #recordSent}). When
 * a mail fails, the job fails after trying the others: Camunda runs it again after the configured
 * backoff ({@link MailRetries}, os2.mail.retry-backoff) for the mails still pending, and when the
 * attempts run out the mails are marked failed on the outbox page and the job carries an incident
 * that Cockpit shows; *Send igen* resolves it.
 */
@Component
class MailJobHandler implements JobHandler<MailJobHandler.Configuration> {

  static final String TYPE = "os2-send-mail";
  private static final Logger LOG = LoggerFactory.getLogger(MailJobHandler.class);

  /**
   * Jakarta Mail 2.1 looks up its stream provider for every multipart and body part it creates,
   * through a ServiceLoader scan of the whole class path unless this system property names the
   * class (jakartaee/mail-api#699, #861): profiled, that scan was 7% of the application's CPU in
   * the benchmark's throughput rounds. The property is read first and names the provider the
   * scan would find (Angus Mail's).
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /** How long a sent mail's mark is retried at most while the database is away. */
  static final Duration MARK_PATIENCE = Duration.ofMinutes(2);
  /** How long before its job's lock ends a mark is given up, so that no other node takes the job first. */
  static final Duration LOCK_MARGIN = Duration.ofSeconds(15);

  static {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
    }
  }

  /** The job's own id (or, for a job queued by an earlier version, the one outbox row it sends). */
  record Configuration(String key) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return key;
    }
  }

  /** A failed attempt: the job fails, so that Camunda retries it or raises an incident. */
  static class MailNotSentException extends RuntimeException {
    MailNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Outbox outbox;
  private final MailComposer composer;
  private final MailRenderer renderer;
  private final ObjectProvider<JavaMailSender> sender;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final int attempts;
  private final ObjectProvider<MeetingAgendaMail> agendaMail;

  MailJobHandler(Outbox outbox, MailComposer composer, MailRenderer renderer, ObjectProvider<JavaMailSender> sender,
      PlatformTransactionManager transactions, @Value("${os2.mail.from}") String from,
      @Value("${os2.mail.retry-backoff}") List<Duration> backoff, ObjectProvider<MeetingAgendaMail> agendaMail) {
    this.attempts = backoff.size() + 1;
    this.agendaMail = agendaMail;
    this.outbox = outbox;
    this.composer = composer;
    this.renderer = renderer;
    this.sender = sender;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return new Configuration(canonicalString);
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // the outbox rows stay: they are the record of what was (or was not) sent
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    List<String> failures = new ArrayList<>();
    Exception firstFailure = null;
    for (OutboxEntry entry : outbox.pendingFor(configuration.key())) {
      Exception failure = sendOne(entry);
      if (failure != null) {
        failures.add(entry.id());
        firstFailure = firstFailure == null ? failure : firstFailure;
      }
    }
    if (firstFailure != null) {
      throw new MailNotSentException("Mail " + String.join(", ", failures) + " kunne ikke sendes: "
          + firstFailure.getMessage(), firstFailure);
    }
  }

  /** Sends one mail, or settles it as held or not needed; returns the failure, if it failed. */
  private Exception sendOne(OutboxEntry entry) {
    MailContent content = null;
    MailRenderer.Rendered rendered = null;
    try {
      MailComposer.Result result = composer.compose(entry);
      if (result.content() == null) {
        own(() -> outbox.settled(entry.id(), MailStatus.SKIPPED, result.skipReason()));
        return null;
      }
      content = result.content();
      rendered = renderer.render(content);
      JavaMailSender mail = sender.getIfAvailable();
      if (mail == null) {
        MailContent held = content;
        MailRenderer.Rendered heldRendering = rendered;
        own(() -> {
          outbox.rendered(entry, held.recipients(), held.subject(), heldRendering.text(), heldRendering.html());
          outbox.settled(entry.id(), MailStatus.HELD,
              "Ingen mailserver er konfigureret (spring.mail.host); mailen venter i udbakken.");
        });
        return null;
      }
      send(mail, entry, content, rendered);
    } catch (MessagingException | RuntimeException e) {
      failed(entry, e, content, rendered);
      return e;
    }
    // Marked in its own transaction at once: whatever happens to this job now, the mail counts as sent.
    MailContent sentContent = content;
    MailRenderer.Rendered sentRendering = rendered;
    recordSent(entry, () -> outbox.sent(entry, sentContent.recipients(), sentContent.subject(), sentRendering.text(),
        sentRendering.html()));
    return null;
  }

  /**
   * Records a mail the server has taken. A mark that fails would fail the job, and its retry would
   * send the mail again, so a database that is away for a moment (a restart, a fail-over:
   * {@link #databaseAway}) is waited for: the mark is tried again after growing waits, as long as
   * the job's lock holds with a margin (no other node takes the job meanwhile), and at most
   * {@link #MARK_PATIENCE}.
   */
  private void recordSent(OutboxEntry entry, Runnable mark) {
    Instant deadline = markDeadline();
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(5_000);
    BackOffExecution waits = backOff.start();
    while (true) {
      try {
        own(mark);
        return;
      } catch (RuntimeException e) {
        if (!databaseAway(e)) {
          throw e; // waiting cures nothing (a second execution of the job marked it first, say)
        }
        long wait = waits.nextBackOff();
        if (Instant.now().plusMillis(wait).isAfter(deadline)) {
          LOG.error("Mail {} was taken by the mail server but could not be recorded as sent; a retry of its job"
              + " sends it again: {}", entry.id(), e.toString());
          throw e;
        }
        LOG.warn("Mail {} was sent; recording it failed, tried again in {} ms: {}", entry.id(), wait, e.toString());
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** A failure that passes when the database is back: no connection, a lost connection, a failed commit. */
  static boolean databaseAway(RuntimeException e) {
    return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
        || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
        || e instanceof TransactionSystemException;
  }

  /** Until when a sent mail's mark may be retried: the job's lock less a margin, within the patience. */
  private static Instant markDeadline() {
    Instant patience = Instant.now().plus(MARK_PATIENCE);
    JobExecutorContext context = Context.getJobExecutorContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    if (job == null || job.getLockExpirationTime() == null) {
      return patience;
    }
    Instant beforeLockEnds = job.getLockExpirationTime().toInstant().minus(LOCK_MARGIN);
    return beforeLockEnds.isBefore(patience) ? beforeLockEnds : patience;
  }

  private void send(JavaMailSender mail, OutboxEntry entry, MailContent content, MailRenderer.Rendered rendered)
      throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(from);
    helper.setTo(content.recipients().toArray(String[]::new));
    helper.setSubject(content.subject());
    helper.setText(rendered.text(), rendered.html());
    for (MeetingAgendaMail.Attachment attachment : agendaMail.getObject().attachments(entry)) {
      helper.addAttachment(attachment.fileName(), new org.springframework.core.io.ByteArrayResource(attachment.content()),
          attachment.contentType());
    }
    message.setHeader("X-OS2-Outbox-Id", entry.id());
    mail.send(message);
  }

  /** Counts the attempt; after the last one the mail shows as failed on the outbox page. */
  private void failed(OutboxEntry entry, Exception e, MailContent content, MailRenderer.Rendered rendered) {
    int attempt = entry.attempts() + 1;
    boolean last = attempt >= attempts;
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    own(() -> {
      if (content != null && rendered != null) {
        outbox.rendered(entry, content.recipients(), content.subject(), rendered.text(), rendered.html());
      }
      outbox.attemptFailed(entry.id(), error, last);
    });
    if (last) {
      LOG.error("Mail {} could not be sent after {} attempts; its job raises an incident: {}", entry.id(), attempt,
          error);
    } else {
      LOG.warn("Mail {} failed (attempt {} of {}): {}", entry.id(), attempt, attempts, error);
    }
  }

  private void own(Runnable work) {
    ownTransaction.executeWithoutResult(status -> work.run());
  }
}
