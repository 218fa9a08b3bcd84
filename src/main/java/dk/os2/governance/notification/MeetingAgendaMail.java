package dk.os2.governance.notification;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.meeting.MeetingAgendaReady;
import dk.os2.governance.meeting.MeetingInvitations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a meeting's agenda to every member of its body with an address, once per meeting (the
 * outbox key), in the transaction that marks the agenda sent; it goes after commit with the
 * meeting's calendar invitation (.ics) attached and links to the meeting's page and each item.
 */
@Component
class MeetingAgendaMail {

  /** A file attached to a mail. */
  record Attachment(String fileName, byte[] content, String contentType) {}

  private final MailQueue queue;
  private final IdentityService identity;
  private final MailComposer composer;
  private final MeetingInvitations invitations;

  MeetingAgendaMail(MailQueue queue, IdentityService identity, MailComposer composer, MeetingInvitations invitations) {
    this.queue = queue;
    this.identity = identity;
    this.composer = composer;
    this.invitations = invitations;
  }

  @EventListener
  void agendaReady(MeetingAgendaReady agenda) {
    Set<String> recipients = new LinkedHashSet<>(Access.asSystem(identity, () -> composer.groupMembers(agenda.bodyGroupId())));
    List<MailContent.Fact> facts = new ArrayList<>();
    facts.add(new MailContent.Fact("Møde", agenda.title()));
    facts.add(new MailContent.Fact("Organ", Body.danishNameOf(agenda.bodyGroupId())));
    facts.add(new MailContent.Fact("Tidspunkt", agenda.when()));
    facts.add(new MailContent.Fact("Sted", agenda.place()));
    facts.add(new MailContent.Fact("Mødeside", agenda.link()));
    for (int i = 0; i < agenda.items().size(); i++) {
      facts.add(new MailContent.Fact("Punkt " + (i + 1), agenda.items().get(i).replaceFirst("^\\d+\\. ", "")));
    }
    queue.queue("meeting-agenda:" + agenda.meetingId(), MailKind.MEETING_AGENDA, null, agenda.processInstanceId(),
        agenda.title(), facts, recipients);
  }

  /** The agenda mail: recipients and facts were fixed when it was queued. */
  static MailComposer.Result compose(OutboxEntry entry, String baseUrl) {
    List<String> recipients = entry.addresses().stream().filter(s -> !s.isBlank()).toList();
    if (recipients.isEmpty()) {
      return new MailComposer.Result(null, "Ingen modtagere har en e-mailadresse.");
    }
    List<MailContent.Fact> facts = new ArrayList<>();
    String page = null;
    for (MailContent.Fact fact : entry.facts()) {
      if (fact.label().equals("Mødeside")) {
        page = baseUrl + fact.value();
        facts.add(new MailContent.Fact("Mødeside", page));
      } else {
        facts.add(fact);
      }
    }
    return new MailComposer.Result(new MailContent(recipients, "Dagsorden: " + entry.productName(),
        "Dagsorden: " + entry.productName(),
        "Hermed dagsordenen til mødet. Kalenderinvitationen er vedhæftet (moede.ics). Sagernes opgaver og "
            + "produkterne kan åbnes fra mødesiden.",
        facts, page, "Åbn mødesiden"), null);
  }

  /** The calendar invitation of an agenda mail; none for other mails. */
  List<Attachment> attachments(OutboxEntry entry) {
    if (entry.kind() != MailKind.MEETING_AGENDA || entry.processInstanceId() == null) {
      return List.of();
    }
    return invitations.forProcess(entry.processInstanceId())
        .map(i -> List.of(new Attachment(i.fileName(), i.content().getBytes(StandardCharsets.UTF_8),
            "text/calendar; charset=UTF-8; method=PUBLISH")))
        .orElse(List.of());
  }
}
