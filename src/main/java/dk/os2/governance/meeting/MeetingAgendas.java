package dk.os2.governance.meeting;

import dk.os2.governance.board.BodyAgenda;
import dk.os2.governance.identity.Body;
import dk.os2.governance.submission.MeetingDate;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Assembles a meeting's agenda from what waits for its body: every task waiting for the body in any
 * process (a decision item), for the board every N3 product (a standing item) and every evaluation
 * falling due before the body's next meeting, for the general assembly the board's annual portfolio
 * report. The agenda is kept up to date until the minutes are recorded: a task that came since is
 * added until the meeting begins (or until its agenda is sent, for a meeting planned late), a decision taken directly in its own task meanwhile leaves the agenda.
 */
@Component
class MeetingAgendas {

  /** The general assembly's report: the board's annual portfolio report. */
  static final String ANNUAL_REPORT_LINK = "/app/rapporter/generalforsamling";

  private static final List<String> KIND_ORDER = List.of("DECISION", "REPORT", "STANDING", "EVALUATION");

  private final MeetingStore store;
  private final BodyAgenda agenda;
  private final Period evaluationHorizon;

  MeetingAgendas(MeetingStore store, BodyAgenda agenda,
      @Value("${os2.meeting.evaluation-horizon:P3M}") Period evaluationHorizon) {
    this.store = store;
    this.agenda = agenda;
    this.evaluationHorizon = evaluationHorizon;
  }

  /** Brings the agenda of a meeting whose minutes are not recorded yet up to date. */
  void refresh(MeetingStore.Meeting meeting) {
    if (meeting.recorded()) {
      return;
    }
    List<MeetingStore.Item> items = store.items(meeting.id());
    List<BodyAgenda.WaitingTask> waiting = agenda.waitingFor(meeting.body());
    Set<String> waitingIds = waiting.stream().map(BodyAgenda.WaitingTask::taskId).collect(Collectors.toSet());
    for (MeetingStore.Item item : items) {
      if (item.isDecision() && "OPEN".equals(item.status()) && !waitingIds.contains(item.taskId())) {
        store.status(item.id(), "DECIDED_IN_TASK");
      }
    }
    if (meeting.agendaSentAt() != null
        && !dk.os2.governance.process.ProcessClock.now().isBefore(MeetingInvitations.startsAt(meeting))) {
      return; // the agenda went out and the meeting has begun: its agenda is what it was
    }
    Set<String> onAgenda = items.stream().map(MeetingStore.Item::taskId).filter(id -> id != null)
        .collect(Collectors.toSet());
    int position = items.stream().mapToInt(MeetingStore.Item::position).max().orElse(0);
    for (BodyAgenda.WaitingTask task : waiting) {
      if (!onAgenda.contains(task.taskId())) {
        store.addItem(meeting.id(), ++position, "DECISION", task.taskId(), task.taskKey(), task.processInstanceId(),
            task.processDefinitionId(), task.task() + " (" + task.process() + ")", task.product(), task.link());
      }
    }
    store.removeOpenInformationItems(meeting.id());
    if (Body.GENERALFORSAMLING.groupId().equals(meeting.body())) {
      store.addItem(meeting.id(), ++position, "REPORT", null, null, null, null,
          "Bestyrelsens årlige porteføljerapport", null, ANNUAL_REPORT_LINK);
      return;
    }
    for (BodyAgenda.ProductItem product : agenda.standingItems()) {
      store.addItem(meeting.id(), ++position, "STANDING", null, null, null, null,
          "Fast punkt: " + product.product() + " (N3)", product.product(), "/app/produkter/" + product.productId());
    }
    LocalDate horizon = store.nextAfter(meeting).map(MeetingStore.Meeting::meetingDate)
        .orElse(meeting.meetingDate().plus(evaluationHorizon));
    for (BodyAgenda.ProductItem product : agenda.evaluationsDueBy(horizon)) {
      store.addItem(meeting.id(), ++position, "EVALUATION", null, null, null, null,
          "Evaluering forfalder " + MeetingDate.danish(product.nextEvaluation()) + ": " + product.product()
              + " (" + product.level() + ")", product.product(), "/app/produkter/" + product.productId());
    }
  }

  /** The items in agenda order: decisions first (oldest first), then the information items. */
  List<MeetingStore.Item> ordered(String meetingId) {
    List<MeetingStore.Item> items = new ArrayList<>(store.items(meetingId));
    items.sort(Comparator.comparingInt((MeetingStore.Item i) -> KIND_ORDER.indexOf(i.kind()))
        .thenComparingInt(MeetingStore.Item::position));
    return items;
  }

  /** The decision items still on the agenda (not taken in their own task meanwhile). */
  List<MeetingStore.Item> openDecisions(String meetingId) {
    return ordered(meetingId).stream().filter(i -> i.isDecision() && "OPEN".equals(i.status())).toList();
  }
}
