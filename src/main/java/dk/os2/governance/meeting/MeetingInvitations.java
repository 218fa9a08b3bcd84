package dk.os2.governance.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** A meeting's calendar invitation (.ics), for the agenda mail. */
@Service
public class MeetingInvitations {

  static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

  /** An attachment: its file name and its text. */
  public record Invitation(String fileName, String content) {}

  private final MeetingStore store;
  private final MeetingAgendas agendas;
  private final Duration length;
  private final String baseUrl;

  MeetingInvitations(MeetingStore store, MeetingAgendas agendas,
      @Value("${os2.meeting.length:PT3H}") Duration length, @Value("${os2.base-url}") String baseUrl) {
    this.store = store;
    this.agendas = agendas;
    this.length = length;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** The invitation to the meeting run by this process instance, if it is a meeting's. */
  public Optional<Invitation> forProcess(String processInstanceId) {
    return store.byProcess(processInstanceId).map(meeting -> {
      Instant start = startsAt(meeting);
      String agenda = agendas.ordered(meeting.id()).stream()
          .filter(i -> "OPEN".equals(i.status()))
          .map(i -> "- " + i.title() + (i.subject() == null ? "" : ": " + i.subject()))
          .collect(Collectors.joining("\n"));
      String page = baseUrl + "/app/moeder/" + meeting.id();
      String content = Ics.write(new Ics.Event(meeting.id() + "@os2-governance", Instant.now(), start,
          start.plus(length), Meetings.title(meeting), meeting.place(),
          "Dagsorden:\n" + agenda + "\n\nMødesiden: " + page, page));
      return new Invitation("moede.ics", content);
    });
  }

  static Instant startsAt(MeetingStore.Meeting meeting) {
    return LocalDateTime.of(meeting.meetingDate(), LocalTime.parse(meeting.meetingTime()))
        .atZone(DANISH_TIME).toInstant();
  }
}
