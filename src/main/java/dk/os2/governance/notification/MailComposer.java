package dk.os2.governance.notification;

import dk.os2.governance.identity.Body;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides, when a mail is about to go, who gets it and what it says. Recipients are resolved
 * then, not when the mail was queued: a task assigned right after it was created mails its
 * assignee once, and a task done before its mail went needs no mail at all.
 */
@Component
class MailComposer {

  private final ObjectProvider<ProcessEngine> engine;
  private final String baseUrl;
  private final String timeZone;
  /** Process definition id → its name. */
  private final java.util.Map<String, String> definitionNames = new java.util.concurrent.ConcurrentHashMap<>();

  MailComposer(ObjectProvider<ProcessEngine> engine, @Value("${os2.base-url}") String baseUrl,
      @Value("${os2.mail.time-zone:Europe/Copenhagen}") String timeZone) {
    this.engine = engine;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.timeZone = timeZone;
  }

  /** The mail for an outbox entry, or a Danish reason why none is needed. */
  record Result(MailContent content, String skipReason) {}

  Result compose(OutboxEntry entry) {
    if (entry.kind() == MailKind.OUTCOME) {
      return outcome(entry);
    }
    if (entry.kind() == MailKind.DEVIATION_REMINDER) {
      return deviationReminder(entry);
    }
    if (entry.kind() == MailKind.MEETING_AGENDA) {
      return MeetingAgendaMail.compose(entry, baseUrl);
    }
    if (entry.kind() == MailKind.RULE_OUTCOME) {
      return RuleOutcomeMail.compose(entry, baseUrl);
    }
    OpenTask task = openTask(entry.taskId());
    if (task == null) {
      return new Result(null, "Opgaven er afsluttet, før mailen blev sendt.");
    }
    List<String> recipients = entry.kind() == MailKind.ESCALATION
        ? groupMembers(Body.FORRETNINGSLEDELSE.groupId()) : peopleWhoMayTake(task);
    if (recipients.isEmpty()) {
      return new Result(null, "Ingen modtagere har en e-mailadresse.");
    }
    String product = entry.productName() == null ? "" : " – " + entry.productName();
    String subject = switch (entry.kind()) {
      case TASK_CREATED -> "Ny opgave: " + task.name() + product;
      case REMINDER -> "Påmindelse: " + task.name() + product + " har frist " + date(task.due());
      case ESCALATION -> "Frist overskredet: " + task.name() + product;
      default -> throw new IllegalStateException(entry.kind().name());
    };
    String intro = switch (entry.kind()) {
      case TASK_CREATED -> "Der venter en opgave til dig i OS2's governance.";
      case REMINDER -> "En opgave, du kan tage, nærmer sig sin frist.";
      case ESCALATION -> "En opgave har overskredet sin frist og venter stadig på " + waitingFor(task) + ".";
      default -> "";
    };
    List<MailContent.Fact> facts = new ArrayList<>();
    facts.add(new MailContent.Fact("Produkt", entry.productName()));
    facts.add(new MailContent.Fact("Opgave", task.name()));
    if (task.description() != null) {
      facts.add(new MailContent.Fact("Beskrivelse", task.description()));
    }
    facts.add(new MailContent.Fact("Frist", date(task.due())));
    facts.add(new MailContent.Fact("Proces", processName(task.processDefinitionId())));
    previousStep(task.processInstanceId()).ifPresent(step -> facts.add(new MailContent.Fact("Kommer fra", step)));
    return new Result(new MailContent(recipients, subject, task.name(), intro, facts, taskLink(task.id()),
        "Åbn opgaven i Tasklist"), null);
  }

  /** What a task's mail needs of the task, as it stands when the mail goes. */
  record OpenTask(String id, String name, String description, Date due, String assignee, String processDefinitionId,
      String processInstanceId, List<String> candidateGroups, List<String> candidateUsers) {}

  /**
   * The open task with its candidates, or null when it is done: two statements (the task, its
   * identity links), read in the sending job's own engine command. The task and the process
   * service's queries would also read its execution and definition, for checks a job does not need.
   */
  OpenTask openTask(String taskId) {
    return inCommand(ctx -> {
      TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      List<String> groups = new ArrayList<>();
      List<String> users = new ArrayList<>();
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        } else if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
      return new OpenTask(task.getId(), task.getName(), task.getDescription(), task.getDueDate(), task.getAssignee(),
          task.getProcessDefinitionId(), task.getProcessInstanceId(), List.copyOf(groups), List.copyOf(users));
    });
  }

  String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private Result outcome(OutboxEntry entry) {
    List<String> recipients = entry.addresses().stream().filter(s -> !s.isBlank()).toList();
    if (recipients.isEmpty()) {
      return new Result(null, "Ingen modtagere har en e-mailadresse.");
    }
    List<MailContent.Fact> facts = new ArrayList<>();
    facts.add(new MailContent.Fact("Produkt", entry.productName()));
    facts.addAll(entry.facts());
    String outcome = facts.stream().filter(f -> f.label().equals("Afgørelse")).map(MailContent.Fact::value)
        .findFirst().orElse("Ny afgørelse");
    return new Result(new MailContent(recipients, entry.productName() + ": " + outcome, "Afgørelse om " + entry.productName(),
        "Der er truffet en afgørelse om dit produkt.", facts, baseUrl + "/camunda/app/tasklist/default/",
        "Åbn Tasklist"), null);
  }

  /** A deviation's reminder: recipients and facts were fixed when it was queued ({@link DeviationReminderMail}). */
  private Result deviationReminder(OutboxEntry entry) {
    List<String> recipients = entry.addresses().stream().filter(s -> !s.isBlank()).toList();
    if (recipients.isEmpty()) {
      return new Result(null, "Ingen modtagere har en e-mailadresse.");
    }
    List<MailContent.Fact> facts = new ArrayList<>();
    facts.add(new MailContent.Fact("Produkt", entry.productName()));
    facts.addAll(entry.facts());
    String criterion = fact(facts, "Kriterium");
    String expires = fact(facts, "Udløber");
    return new Result(new MailContent(recipients,
        "Påmindelse: afvigelsen fra " + criterion + " udløber " + expires + " – " + entry.productName(),
        "Afvigelse udløber " + expires,
        "En dokumenteret afvigelse, som du ejer eller følger, udløber snart. Når den er udløbet, tæller kriteriet "
            + "rødt i næste kontrol og evaluering. Opfyld kriteriet, eller bed sekretariatet forlænge eller lukke "
            + "afvigelsen.",
        facts, baseUrl + "/app/afvigelser", "Se afvigelserne"), null);
  }

  private static String fact(List<MailContent.Fact> facts, String label) {
    return facts.stream().filter(f -> f.label().equals(label)).map(MailContent.Fact::value).findFirst().orElse("");
  }

  List<String> peopleWhoMayTake(OpenTask task) {
    var identity = engine.getObject().getIdentityService();
    Set<String> addresses = new LinkedHashSet<>();
    if (task.assignee() != null) {
      email(identity.createUserQuery().userId(task.assignee()).singleResult()).ifPresent(addresses::add);
      return List.copyOf(addresses);
    }
    task.candidateGroups().forEach(group -> addresses.addAll(groupMembers(group)));
    task.candidateUsers().forEach(user ->
        email(identity.createUserQuery().userId(user).singleResult()).ifPresent(addresses::add));
    return List.copyOf(addresses);
  }

  List<String> groupMembers(String groupId) {
    return engine.getObject().getIdentityService().createUserQuery().memberOfGroup(groupId).list().stream()
        .map(MailComposer::email).flatMap(Optional::stream).distinct().toList();
  }

  private static String waitingFor(OpenTask task) {
    if (task.assignee() != null) {
      return task.assignee();
    }
    return task.candidateGroups().stream().findFirst().orElse("en ukendt modtager");
  }

  /** A process definition's name (its key where it has none); kept, as a deployed definition never changes. */
  private String processName(String processDefinitionId) {
    return definitionNames.computeIfAbsent(processDefinitionId, id -> {
      ProcessDefinition definition = engine.getObject().getRepositoryService().getProcessDefinition(id);
      return definition.getName() == null ? definition.getKey() : definition.getName();
    });
  }

  private Optional<String> previousStep(String processInstanceId) {
    List<HistoricActivityInstance> done = engine.getObject().getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityType("userTask").finished()
        .orderByHistoricActivityInstanceEndTime().desc().listPage(0, 1);
    return done.stream().findFirst().map(HistoricActivityInstance::getActivityName);
  }

  private <T> T inCommand(java.util.function.Function<CommandContext, T> work) {
    return InCommand.run(engine.getObject(), work);
  }

  static Optional<String> email(User user) {
    return user == null || user.getEmail() == null || user.getEmail().isBlank()
        ? Optional.empty() : Optional.of(user.getEmail().trim());
  }

  private String date(Date date) {
    if (date == null) {
      return "ingen frist";
    }
    SimpleDateFormat format = new SimpleDateFormat("d. MMMM yyyy", Locale.forLanguageTag("da"));
    format.setTimeZone(TimeZone.getTimeZone(timeZone));
    return format.format(date);
  }
}
