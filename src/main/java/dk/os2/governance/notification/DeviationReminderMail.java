package dk.os2.governance.notification;

import dk.os2.governance.deviation.DeviationExpiring;
import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the reminder that a deviation expires soon, to its owner (the person, or every member of
 * the body with an address) and the secretariat. It listens synchronously: the mail is queued in
 * the transaction that marks the deviation reminded, once per deviation and expiry date, and sent
 * after commit.
 */
@Component
class DeviationReminderMail {

  private final MailQueue queue;
  private final IdentityService identity;
  private final MailComposer composer;

  DeviationReminderMail(MailQueue queue, IdentityService identity, MailComposer composer) {
    this.queue = queue;
    this.identity = identity;
    this.composer = composer;
  }

  @EventListener
  void expiring(DeviationExpiring deviation) {
    Set<String> recipients = new LinkedHashSet<>();
    Access.asSystem(identity, () -> {
      if (deviation.ownerIsGroup()) {
        recipients.addAll(composer.groupMembers(deviation.ownerId()));
      } else {
        MailComposer.email(identity.createUserQuery().userId(deviation.ownerId()).singleResult())
            .ifPresent(recipients::add);
      }
      recipients.addAll(composer.groupMembers(Body.FORRETNINGSLEDELSE.groupId()));
    });
    String expires = DateTimeFormatter.ofPattern("dd-MM-yyyy").format(deviation.expiresOn());
    List<MailContent.Fact> facts = List.of(
        new MailContent.Fact("Kriterium", deviation.criterionId()),
        new MailContent.Fact("Kriteriets titel", deviation.criterionTitle()),
        new MailContent.Fact("Begrundelse", deviation.reason() == null ? null : deviation.reason().replace('\n', ' ')),
        new MailContent.Fact("Ejer", deviation.ownerName()),
        new MailContent.Fact("Udløber", expires));
    queue.queue("deviation-reminder:" + deviation.deviationId() + ":" + deviation.expiresOn(),
        MailKind.DEVIATION_REMINDER, null, null, deviation.productName(), facts, recipients);
  }
}
