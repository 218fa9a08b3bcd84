package dk.os2.governance.meeting;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.submission.MeetingDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers a planned meeting: only the secretariat plans meetings; the plan is checked again here
 * (a start through the Java API passes no form check), the meeting row is written, its agenda
 * assembled, and the process learns when to send the agenda and when the meeting is held.
 */
@Component("registerMeeting")
class RegisterMeeting implements JavaDelegate {

  private final MeetingStore store;
  private final MeetingAgendas agendas;
  private final IdentityService identity;
  private final int daysBefore;

  RegisterMeeting(MeetingStore store, MeetingAgendas agendas, IdentityService identity,
      @Value("${os2.meeting.agenda-days-before:7}") int daysBefore) {
    this.store = store;
    this.agendas = agendas;
    this.identity = identity;
    this.daysBefore = daysBefore;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = Access.userId(identity);
    List<String> groups = user == null ? List.of() : Access.asSystem(identity, () ->
        identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
    if (!groups.contains(Body.FORRETNINGSLEDELSE.groupId())) {
      throw new ProcessEngineException("Kun sekretariatet (Forretningsledelsen) planlægger møder.");
    }
    String body = text(execution, "meetingBody");
    String date = text(execution, "plannedDate");
    String time = text(execution, "plannedTime");
    String place = text(execution, "meetingPlace");
    List<String> problems = Meetings.planProblems(body, date, time, place);
    if (!problems.isEmpty()) {
      throw new ProcessEngineException(String.join(" ", problems));
    }
    String id = store.insert(body, MeetingDate.parse(date), Meetings.time(time), place.trim(),
        execution.getProcessInstanceId(), user);
    MeetingStore.Meeting meeting = store.find(id).orElseThrow();
    agendas.refresh(meeting);
    Instant start = MeetingInvitations.startsAt(meeting);
    execution.setVariable("meetingId", id);
    execution.setVariable("meetingTitle", Meetings.title(meeting));
    execution.setVariable("plannedDate", meeting.meetingDate().toString());
    execution.setVariable("minutesLink", "/app/moeder/" + id + "/referat");
    execution.setVariable("agendaAt", Date.from(start.minus(Duration.ofDays(daysBefore))));
    execution.setVariable("meetingStartsAt", Date.from(start));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
