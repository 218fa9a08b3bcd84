package dk.os2.governance.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one queued mail, as a Camunda job: after the causing transaction committed, outside
 * every user's request, on one node. A failed attempt schedules the next as a new job after the
 * configured backoff (os2.mail.retry-backoff); when those run out, the mail is marked failed in
 * the outbox page, where the secretariat can send it again. The outbox row records each attempt
 * in its own transaction, so a sent mail stays marked as sent whatever happens to the job
 * afterwards, and is never sent again.
 */
@Component
class MailJobHandler implements JobHandler<MailJobHandler.Configuration> {

  static final String TYPE = "os2-send-mail";
  private static final Logger LOG = LoggerFactory.getLogger(MailJobHandler.class);

  record Configuration(String outboxId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return outboxId;
    }
  }

  private final Outbox outbox;
  private final MailComposer composer;
  private final MailRenderer renderer;
  private final ObjectProvider<JavaMailSender> sender;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final MailQueue queue;
  private final List<Duration> backoff;
  private final ObjectProvider<MeetingAgendaMail> agendaMail;

  MailJobHandler(Outbox outbox, MailComposer composer, MailRenderer renderer, ObjectProvider<JavaMailSender> sender,
      PlatformTransactionManager transactions, @Value("${os2.mail.from}") String from, MailQueue queue,
      @Value("${os2.mail.retry-backoff}") List<Duration> backoff,
      ObjectProvider<MeetingAgendaMail> agendaMail) {
    this.agendaMail = agendaMail;
    this.queue = queue;
    this.backoff = List.copyOf(backoff);
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
    // the outbox row stays: it is the record of what was (or was not) sent
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    Optional<OutboxEntry> found = outbox.entry(configuration.outboxId());
    if (found.isEmpty() || found.get().status() != MailStatus.PENDING) {
      return; // sent already, settled, or a second job for it (a retry after a crash, another node)
    }
    OutboxEntry entry = found.get();
    try {
      MailComposer.Result result = composer.compose(entry);
      if (result.content() == null) {
        own(() -> outbox.settled(entry.id(), MailStatus.SKIPPED, result.skipReason()));
        return;
      }
      MailContent content = result.content();
      MailRenderer.Rendered rendered = renderer.render(content);
      own(() -> outbox.rendered(entry.id(), content.recipients(), content.subject(),
          rendered.text(), rendered.html()));

      JavaMailSender mail = sender.getIfAvailable();
      if (mail == null) {
        own(() -> outbox.settled(entry.id(), MailStatus.HELD,
            "Ingen mailserver er konfigureret (spring.mail.host); mailen venter i udbakken."));
        return;
      }
      send(mail, entry, content, rendered);
    } catch (MessagingException | RuntimeException e) {
      failed(entry, e, commandContext);
      return;
    }
    // Marked in its own transaction at once: whatever happens to this job now, the mail counts as sent.
    own(() -> outbox.sent(entry.id()));
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

  /** Counts the attempt and schedules the next one after its backoff, or gives up visibly. */
  private void failed(OutboxEntry entry, Exception e, CommandContext commandContext) {
    int attempt = entry.attempts() + 1;
    boolean last = attempt > backoff.size();
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    own(() -> outbox.attemptFailed(entry.id(), error, last));
    if (last) {
      LOG.error("Mail {} could not be sent after {} attempts and waits in the outbox: {}", entry.id(), attempt, error);
    } else {
      LOG.warn("Mail {} failed (attempt {}), next attempt in {}: {}", entry.id(), attempt, backoff.get(attempt - 1),
          error);
      queue.retryLater(commandContext, entry.id(), backoff.get(attempt - 1));
    }
  }

  private void own(Runnable work) {
    ownTransaction.executeWithoutResult(status -> work.run());
  }
}
