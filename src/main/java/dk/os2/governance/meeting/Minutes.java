package dk.os2.governance.meeting;

import dk.os2.governance.identity.Access;
import dk.os2.governance.portfolio.DecisionFields;
import dk.os2.governance.submission.FormCatalog;
import dk.os2.governance.submission.FormField;
import dk.os2.governance.submission.FormSchema;
import dk.os2.governance.submission.MeetingDate;
import dk.os2.governance.submission.Submission;
import dk.os2.governance.submission.SubmissionValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A meeting's minutes: who attended, whether the quorum was met, and per decision item the
 * decision as the item's own task would take it (its form's fields, the outcomes its model names),
 * checked with the very server validation that task's form submission gets.
 */
@Component
class Minutes {

  /** Fields the meeting fills in for every item: its date and the minutes reference. */
  static final String MEETING_DATE = "meetingDate";
  static final String MINUTES_REFERENCE = "minutesReference";
  /**
   * Fields of an item's form (the general assembly's vote) that the minutes fill in from what they
   * record themselves: the item's votes and the meeting's quorum. Not typed a second time, so the
   * decision and the minutes cannot tell two stories.
   */
  static final String VOTES_FOR = "votesFor";
  static final String VOTES_AGAINST = "votesAgainst";
  static final String VOTES_ABSTAINING = "votesAbstaining";
  static final String QUORUM_MET = "quorumMet";
  private static final Set<String> FROM_THE_MINUTES =
      Set.of(MEETING_DATE, MINUTES_REFERENCE, VOTES_FOR, VOTES_AGAINST, VOTES_ABSTAINING, QUORUM_MET);
  private static final Locale DANISH = Locale.forLanguageTag("da");

  /** What the minutes record for an item besides its answers: the votes and the meeting's quorum. */
  record Tally(Integer votesFor, Integer votesAgainst, Integer votesAbstaining, Boolean quorumMet) {}

  /** One field of an item's decision as the minutes page shows it; options as value → Danish label. */
  record Field(String key, String label, String type, boolean required, Map<String, String> options) {}

  /** An item task still waiting, with the fields of its decision. */
  record ItemForm(MeetingStore.Item item, int number, List<Field> fields, String outcomeField) {}

  /** What the secretariat typed for one item. */
  record Typed(String action, Map<String, String> answers, String votesFor, String votesAgainst,
      String votesAbstaining, String notes) {}

  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final FormCatalog forms;
  private final SubmissionValidator validator;
  private final MessageSource messages;

  Minutes(TaskService tasks, RepositoryService repository, IdentityService identity, FormCatalog forms,
      SubmissionValidator validator, MessageSource messages) {
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.forms = forms;
    this.validator = validator;
    this.messages = messages;
  }

  /** The open task of an item, or empty when it no longer waits (decided in its own task). */
  Optional<Task> task(MeetingStore.Item item) {
    return Optional.ofNullable(Access.asSystem(identity, () -> tasks.createTaskQuery().taskId(item.taskId())
        .active().initializeFormKeys().singleResult()));
  }

  /** The decision fields of an item's task, or empty when its task is gone or decides nothing. */
  Optional<ItemForm> form(MeetingStore.Item item, int number) {
    Optional<Task> task = task(item);
    if (task.isEmpty() || task.get().getCamundaFormRef() == null) {
      return Optional.empty();
    }
    Optional<FormSchema> schema = forms.form(task.get().getCamundaFormRef().getKey());
    DecisionFields decision = decisionFields(task.get());
    if (schema.isEmpty() || decision == null) {
      return Optional.empty();
    }
    List<Field> fields = new ArrayList<>();
    for (FormField f : schema.get().fields().values()) {
      if (FROM_THE_MINUTES.contains(f.key())) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (String value : f.values()) {
        String label = f.key().equals(decision.outcomeField()) ? decision.labels().get(value) : null;
        options.put(value, label == null ? value : label);
      }
      fields.add(new Field(f.key(), f.label(), f.type(), f.required() && !f.conditional(), options));
    }
    return Optional.of(new ItemForm(item, number, fields, decision.outcomeField()));
  }

  private DecisionFields decisionFields(Task task) {
    UserTask element = Access.asSystem(identity, () -> repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey()));
    return DecisionFields.of(element);
  }

  /** The minutes reference every decision of the item carries: the meeting, the item and the document. */
  static String reference(MeetingStore.Meeting meeting, int number) {
    return "Referat af " + Meetings.bodyMeeting(meeting.body()).toLowerCase() + " "
        + MeetingDate.danish(meeting.meetingDate()) + ", punkt " + number + " (" + documentPath(meeting.id()) + ")";
  }

  static String documentPath(String meetingId) {
    return "/app/moeder/" + meetingId + "/referat/dokument";
  }

  /**
   * The values the item's task is completed with: the typed answers of its form's fields (a number
   * field as a number, a checkbox as yes or no, as the form itself would send them), and where its
   * form has those fields the meeting's date and minutes reference and the minutes' own votes and
   * quorum.
   */
  Map<String, Object> values(MeetingStore.Meeting meeting, ItemForm form, Map<String, String> answers, Tally tally) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : form.fields()) {
      String answer = answers.get(field.key());
      if (answer != null && !answer.isBlank()) {
        values.put(field.key(), typed(field, answer.trim()));
      }
    }
    FormSchema schema = schema(form.item()).orElseThrow();
    if (schema.field(MEETING_DATE).isPresent()) {
      values.put(MEETING_DATE, MeetingDate.danish(meeting.meetingDate()));
    }
    if (schema.field(MINUTES_REFERENCE).isPresent()) {
      values.put(MINUTES_REFERENCE, reference(meeting, form.number()));
    }
    putIfField(schema, values, VOTES_FOR, tally.votesFor());
    putIfField(schema, values, VOTES_AGAINST, tally.votesAgainst());
    putIfField(schema, values, VOTES_ABSTAINING, tally.votesAbstaining());
    putIfField(schema, values, QUORUM_MET, tally.quorumMet());
    return values;
  }

  private static void putIfField(FormSchema schema, Map<String, Object> values, String key, Object value) {
    if (schema.field(key).isPresent() && value != null) {
      values.put(key, value);
    }
  }

  /** A typed answer as its field's form would send it; left as text (and refused) when it is not one. */
  private static Object typed(Field field, String answer) {
    if ("number".equals(field.type()) && answer.matches("-?\\d{1,9}")) {
      return Integer.valueOf(answer);
    }
    if ("checkbox".equals(field.type()) && List.of("true", "ja", "false", "nej").contains(answer.toLowerCase(DANISH))) {
      return List.of("true", "ja").contains(answer.toLowerCase(DANISH));
    }
    return answer;
  }

  /**
   * The problems of an item's decision, in Danish, as its own task's form would be told them, and a
   * decision the minutes' own votes contradict: the votes recorded for an item are the votes for the
   * decision written (an item whose form holds its own vote, the general assembly's, is checked by
   * that form's rule against the votes the minutes fill in).
   */
  List<String> problems(MeetingStore.Meeting meeting, ItemForm form, Map<String, String> answers, Tally tally) {
    Task task = task(form.item()).orElse(null);
    if (task == null) {
      return List.of();
    }
    FormSchema schema = schema(form.item()).orElseThrow();
    Map<String, Object> processVariables = Access.asSystem(identity, () -> tasks.getVariables(task.getId()));
    List<String> problems = new ArrayList<>(validator.validate(schema,
        new Submission(schema.id(), values(meeting, form, answers, tally), processVariables)));
    boolean ownVote = schema.field(VOTES_FOR).isPresent();
    if (!ownVote && (tally.votesFor() != null || tally.votesAgainst() != null)) {
      int votesFor = tally.votesFor() == null ? 0 : tally.votesFor();
      int against = tally.votesAgainst() == null ? 0 : tally.votesAgainst();
      if (votesFor <= against) {
        problems.add(messages.getMessage("meeting.minutes.votesContradict", new Object[] {votesFor, against}, DANISH));
      }
    }
    return problems.stream().map(p -> "Punkt " + form.number() + " (" + form.item().title() + "): " + p).toList();
  }

  private Optional<FormSchema> schema(MeetingStore.Item item) {
    return task(item).map(Task::getCamundaFormRef).flatMap(ref -> forms.form(ref.getKey()));
  }

  /** The Danish label of the chosen outcome, for the minutes document. */
  static String outcomeLabel(ItemForm form, Map<String, String> answers) {
    if (form.outcomeField() == null) {
      return null;
    }
    String value = answers.get(form.outcomeField());
    return form.fields().stream().filter(f -> f.key().equals(form.outcomeField())).findFirst()
        .map(f -> f.options().getOrDefault(value, value)).orElse(value);
  }

  /** The body's members, for the attendance: id and name. */
  List<User> members(String groupId) {
    return Access.asSystem(identity, () -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc()
        .list());
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
