package dk.os2.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.os2.governance.IntegrationTests;
import dk.os2.governance.TestMail;
import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.notification.MailKind;
import dk.os2.governance.notification.Outbox;
import dk.os2.governance.proposal.Proposals;
import dk.os2.governance.submission.MeetingDate;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agenda goes to every member of the board once, with its calendar invitation and links. */
class MeetingAgendaMailTests extends IntegrationTests {

  @Autowired
  Catalogue catalogue;

  @Autowired
  Outbox outbox;

  @Test
  void theAgendaWithItsInvitationReachesEveryBoardMemberOnce() throws Exception {
    String product = Proposals.uniqueName("Dagsordenmail");
    MeetingFixtures.proposalAtTheBoard(engine, catalogue, product);
    ProcessInstance meeting = MeetingFixtures.meetingHeldToday(engine, "bestyrelse", "00:09");
    String meetingId = MeetingFixtures.meetingId(engine, meeting);
    String subject = "Dagsorden: Bestyrelsesmøde " + MeetingDate.danish(LocalDate.now()) + " kl. 00:09";

    await("the agenda mail").atMost(Duration.ofSeconds(60)).until(() -> !TestMail.withSubject(subject).isEmpty());
    Set<String> members = engine.getIdentityService().createUserQuery().memberOfGroup("bestyrelse").list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).collect(Collectors.toSet());
    assertThat(members).isNotEmpty();

    List<MimeMessage> sent = TestMail.withSubject(subject);
    assertThat(sent).as("one mail").hasSize(1);
    MimeMessage mail = sent.get(0);
    assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
        .containsExactlyInAnyOrderElementsOf(members);
    long copies = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return subject.equals(m.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
    assertThat(copies).as("each board member receives it once").isEqualTo(members.size());

    List<Part> parts = new ArrayList<>();
    collect(mail, parts);
    Part invitation = parts.stream().filter(p -> {
      try {
        return "moede.ics".equals(p.getFileName());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no moede.ics attached"));
    assertThat(invitation.getContentType()).startsWith("text/calendar");
    String ics = text(invitation).replace("\r\n ", "");
    assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("UID:" + meetingId + "@os2-governance")
        .contains("SUMMARY:Bestyrelsesmøde " + MeetingDate.danish(LocalDate.now()) + " kl. 00:09")
        .contains("LOCATION:Mødelokale 1\\, Kommunernes Hus").contains(product);
    String body = parts.stream().filter(p -> {
      try {
        return p.isMimeType("text/plain") && p.getFileName() == null;
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).map(MeetingAgendaMailTests::text).collect(Collectors.joining());
    assertThat(body).contains(product).contains("/app/moeder/" + meetingId).contains("Mødelokale 1");

    assertThat(outbox.byKey("meeting-agenda:" + meetingId)).get()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(MailKind.MEETING_AGENDA));
    assertThat(outbox.forProcess(meeting.getId()).stream().filter(e -> e.kind() == MailKind.MEETING_AGENDA))
        .as("queued once").hasSize(1);
  }

  private static void collect(Part part, List<Part> into) throws Exception {
    into.add(part);
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, into);
      }
    }
  }

  private static String text(Part part) {
    try (var in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
