package dk.os2.governance.meeting;

import dk.os2.governance.identity.Access;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves the minutes as the secretariat fills them in, and, when the secretariat completes its task
 * "Registrér referatet", carries each decision to the task waiting for it: the item's task is
 * completed in the same transaction, on the meeting's behalf, with the decision, the meeting date
 * and the minutes reference; its own decision listener records it with the secretariat member who
 * recorded the minutes. Nothing else can cause it: only the completion of the minutes task, which
 * only the secretariat may complete. Quorum not met: no decision is taken and every item moves on
 * to the next meeting, as does an item not reached. An item whose task was decided directly in the
 * meantime is skipped and the minutes say so.
 */
@Component("recordMinutes")
class RecordMinutes implements TaskListener {

  /** What the secretariat submits on the minutes page. */
  record Input(Boolean quorumMet, List<String> present, String otherAttendees, Map<String, Minutes.Typed> items) {}

  private final MeetingStore store;
  private final MeetingAgendas agendas;
  private final Minutes minutes;
  private final TaskService tasks;
  private final IdentityService identity;
  private final MessageSource messages;

  RecordMinutes(MeetingStore store, MeetingAgendas agendas, Minutes minutes, TaskService tasks,
      IdentityService identity, MessageSource messages) {
    this.store = store;
    this.agendas = agendas;
    this.minutes = minutes;
    this.tasks = tasks;
    this.identity = identity;
    this.messages = messages;
  }

  /** The open minutes task of the meeting (after the meeting has started), if any. */
  Optional<Task> minutesTask(MeetingStore.Meeting meeting) {
    return Optional.ofNullable(Access.asSystem(identity, () -> tasks.createTaskQuery()
        .processInstanceId(meeting.processInstanceId()).taskDefinitionKey("UserTask_RecordMinutes").active()
        .singleResult()));
  }

  /** The items in agenda order, each with its number. */
  List<Numbered> numbered(String meetingId) {
    List<MeetingStore.Item> items = agendas.ordered(meetingId);
    List<Numbered> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      result.add(new Numbered(items.get(i), i + 1));
    }
    return result;
  }

  record Numbered(MeetingStore.Item item, int number) {}

  /** Checks and saves the minutes; the problems in Danish, empty when saved. Nothing is saved on a problem. */
  @Transactional
  List<String> save(String meetingId, Input input, String userId) {
    MeetingStore.Meeting meeting = store.find(meetingId).orElse(null);
    if (meeting == null) {
      return List.of("Mødet findes ikke.");
    }
    if (meeting.recorded()) {
      return List.of("Referatet af mødet er allerede registreret og kan ikke ændres.");
    }
    if (minutesTask(meeting).isEmpty()) {
      return List.of("Referatet kan først skrives, når mødet er begyndt (" + Meetings.title(meeting) + ").");
    }
    agendas.refresh(meeting);
    List<String> problems = new ArrayList<>();
    if (input.quorumMet() == null) {
      problems.add("«Beslutningsdygtigt» skal udfyldes: var mødet beslutningsdygtigt?");
    }
    if (input.otherAttendees() != null && (input.otherAttendees().length() > 2000
        || SubmissionValidator.isUnsafeText(input.otherAttendees()))) {
      problems.add("«Øvrige deltagere» må højst være 2000 tegn og ikke indeholde kode.");
    }
    List<MeetingStore.Attendance> attendance = new ArrayList<>();
    int position = 0;
    for (var member : minutes.members(meeting.body())) {
      attendance.add(new MeetingStore.Attendance(meetingId, position++, member.getId(), Minutes.name(member),
          input.present() != null && input.present().contains(member.getId())));
    }
    if (Boolean.TRUE.equals(input.quorumMet()) && quorumWithoutMembers(attendance)) {
      problems.add(messages.getMessage("meeting.minutes.quorumWithoutMembers", null, Locale.forLanguageTag("da")));
    }
    List<MeetingStore.ItemMinutes> saved = new ArrayList<>();
    for (Numbered n : numbered(meetingId)) {
      MeetingStore.Item item = n.item();
      if (!item.isDecision() || !"OPEN".equals(item.status())) {
        continue;
      }
      Minutes.Typed typed = input.items().get(item.id());
      String label = "Punkt " + n.number() + " (" + item.title() + "): ";
      if (typed == null || typed.action() == null) {
        // An item the minutes say nothing about was not reached.
        typed = new Minutes.Typed("NOT_REACHED", Map.of(), null, null, null, null);
      }
      if (!List.of("DECIDE", "NOT_REACHED").contains(typed.action())) {
        problems.add(label + "vælg, om punktet blev behandlet eller ikke nået.");
        continue;
      }
      Integer votesFor = count(typed.votesFor(), label + "«For»", problems);
      Integer votesAgainst = count(typed.votesAgainst(), label + "«Imod»", problems);
      Integer abstaining = count(typed.votesAbstaining(), label + "«Undlod at stemme»", problems);
      if (typed.notes() != null && (typed.notes().length() > 4000 || SubmissionValidator.isUnsafeText(typed.notes()))) {
        problems.add(label + "«Noter» må højst være 4000 tegn og ikke indeholde kode.");
      }
      Optional<Minutes.ItemForm> form = minutes.form(item, n.number());
      List<MeetingStore.Answer> answers = new ArrayList<>();
      String outcome = null;
      String outcomeLabel = null;
      if (form.isPresent() && "DECIDE".equals(typed.action())) {
        Map<String, String> typedAnswers = typed.answers() == null ? Map.of() : typed.answers();
        if (Boolean.TRUE.equals(input.quorumMet())) {
          problems.addAll(minutes.problems(meeting, form.get(), typedAnswers,
              new Minutes.Tally(votesFor, votesAgainst, abstaining, true)));
        }
        int answerPosition = 0;
        for (Minutes.Field field : form.get().fields()) {
          String answer = typedAnswers.get(field.key());
          if (answer != null && !answer.isBlank()) {
            answers.add(new MeetingStore.Answer(item.id(), answerPosition++, field.key(), field.label(), answer.trim()));
          }
        }
        outcome = typedAnswers.get(form.get().outcomeField());
        outcomeLabel = Minutes.outcomeLabel(form.get(), typedAnswers);
      }
      saved.add(new MeetingStore.ItemMinutes(item.id(), typed.action(), outcome, outcomeLabel, votesFor, votesAgainst,
          abstaining, blankToNull(typed.notes()), answers));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    store.saveMinutes(meetingId, input.quorumMet(), blankToNull(input.otherAttendees()), userId, attendance, saved);
    return List.of();
  }

  @Override
  public void notify(DelegateTask task) {
    MeetingStore.Meeting meeting = store.byProcess(task.getProcessInstanceId())
        .orElseThrow(() -> new ProcessEngineException("Mødet findes ikke."));
    if (meeting.minutesSavedAt() == null) {
      throw new ProcessEngineException("Udfyld referatet på siden /app/moeder/" + meeting.id()
          + "/referat (fremmøde, beslutningsdygtighed og hvert punkts beslutning), før opgaven afsluttes.");
    }
    if (!Boolean.TRUE.equals(task.getVariable("minutesConfirmed"))) {
      throw new ProcessEngineException("Bekræft, at referatet er udfyldt og gemt, før det registreres.");
    }
    agendas.refresh(meeting);
    boolean quorum = Boolean.TRUE.equals(meeting.quorumMet());
    List<String> problems = new ArrayList<>();
    if (quorum && quorumWithoutMembers(store.attendance(meeting.id()))) {
      problems.add(messages.getMessage("meeting.minutes.quorumWithoutMembers", null, Locale.forLanguageTag("da")));
    }
    List<Runnable> decisions = new ArrayList<>();
    for (Numbered n : numbered(meeting.id())) {
      MeetingStore.Item item = n.item();
      if (!"OPEN".equals(item.status())) {
        continue;
      }
      if (!item.isDecision()) {
        store.status(item.id(), "NOTED");
        continue;
      }
      Optional<Minutes.ItemForm> form = minutes.form(item, n.number());
      if (!quorum) {
        store.status(item.id(), "NO_QUORUM");
      } else if (!"DECIDE".equals(item.minutesAction()) || form.isEmpty()) {
        store.status(item.id(), "NOT_REACHED");
      } else {
        Map<String, String> answers = new LinkedHashMap<>();
        store.answers(item.id()).forEach(a -> answers.put(a.fieldKey(), a.answer()));
        Minutes.Tally tally = new Minutes.Tally(item.votesFor(), item.votesAgainst(), item.votesAbstaining(), true);
        problems.addAll(minutes.problems(meeting, form.get(), answers, tally));
        Map<String, Object> values = minutes.values(meeting, form.get(), answers, tally);
        decisions.add(() -> {
          // The meeting's decision, on its behalf: the secretariat recording the minutes is no member
          // of the deciding body, so the engine's authorization check is lifted for this completion
          // alone; the item task's own decision listener records who recorded it.
          Access.asSystem(identity, () -> tasks.complete(item.taskId(), values));
          store.status(item.id(), "DECIDED");
        });
      }
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Referatet kan ikke registreres: " + String.join(" ", problems));
    }
    decisions.forEach(Runnable::run);
    store.recorded(meeting.id(), Access.userId(identity));
  }

  /** Quorum claimed while none of the body's registered members is marked present (a body without any is not judged). */
  private static boolean quorumWithoutMembers(List<MeetingStore.Attendance> attendance) {
    return !attendance.isEmpty() && attendance.stream().noneMatch(MeetingStore.Attendance::present);
  }

  private static Integer count(String text, String label, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 0 || value > 10000) {
        problems.add(label + " skal være et helt tal fra 0 (ikke '" + text.trim() + "').");
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(label + " skal være et helt tal fra 0 (ikke '" + text.trim() + "').");
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
