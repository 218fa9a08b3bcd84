package dk.os2.governance.meeting;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sends the agenda, once: brings it up to date, marks it sent and announces it; the notification
 * module queues the mail to every member of the body in this transaction (sent after commit).
 */
@Component("sendMeetingAgenda")
class SendMeetingAgenda implements JavaDelegate {

  private final MeetingStore store;
  private final MeetingAgendas agendas;
  private final ApplicationEventPublisher events;

  SendMeetingAgenda(MeetingStore store, MeetingAgendas agendas, ApplicationEventPublisher events) {
    this.store = store;
    this.agendas = agendas;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MeetingStore.Meeting meeting = store.byProcess(execution.getProcessInstanceId())
        .orElseThrow(() -> new ProcessEngineException("Mødet findes ikke."));
    if (meeting.agendaSentAt() != null) {
      return;
    }
    agendas.refresh(meeting);
    List<MeetingStore.Item> items = agendas.ordered(meeting.id()).stream()
        .filter(i -> "OPEN".equals(i.status())).toList();
    List<String> lines = new java.util.ArrayList<>();
    for (int n = 0; n < items.size(); n++) {
      MeetingStore.Item item = items.get(n);
      lines.add((n + 1) + ". " + item.title() + (item.subject() == null ? "" : ": " + item.subject()));
    }
    store.agendaSent(meeting.id());
    events.publishEvent(new MeetingAgendaReady(meeting.id(), meeting.processInstanceId(), meeting.body(),
        Meetings.title(meeting), dk.os2.governance.submission.MeetingDate.danish(meeting.meetingDate()) + " kl. "
            + meeting.meetingTime(), meeting.place(), lines, "/app/moeder/" + meeting.id()));
  }
}
