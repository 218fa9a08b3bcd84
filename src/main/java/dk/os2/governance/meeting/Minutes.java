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
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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

  Minutes(TaskService tasks, RepositoryService repository, IdentityService identity, FormCatalog forms,
      SubmissionValidator validator) {
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.forms = forms;
    this.validator = validator;
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
      if (f.key().equals(MEETING_DATE) || f.key().equals(MINUTES_REFERENCE)) {
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
   * The values the item's task is completed with: the typed answers of its form's fields and the
   * meeting's date and minutes reference where its form has those fields.
   */
  Map<String, Object> values(MeetingStore.Meeting meeting, ItemForm form, Map<String, String> answers) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : form.fields()) {
      String answer = answers.get(field.key());
      if (answer != null && !answer.isBlank()) {
        values.put(field.key(), answer.trim());
      }
    }
    FormSchema schema = schema(form.item()).orElseThrow();
    if (schema.field(MEETING_DATE).isPresent()) {
      values.put(MEETING_DATE, MeetingDate.danish(meeting.meetingDate()));
    }
    if (schema.field(MINUTES_REFERENCE).isPresent()) {
      values.put(MINUTES_REFERENCE, reference(meeting, form.number()));
    }
    return values;
  }

  /** The problems of an item's decision, in Danish, as its own task's form would be told them. */
  List<String> problems(MeetingStore.Meeting meeting, ItemForm form, Map<String, String> answers) {
    Task task = task(form.item()).orElse(null);
    if (task == null) {
      return List.of();
    }
    FormSchema schema = schema(form.item()).orElseThrow();
    Map<String, Object> processVariables = Access.asSystem(identity, () -> tasks.getVariables(task.getId()));
    List<String> problems = new ArrayList<>(validator.validate(schema,
        new Submission(schema.id(), values(meeting, form, answers), processVariables)));
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
