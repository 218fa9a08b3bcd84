package dk.os2.governance.meeting;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meetings' pages: the list, a meeting with its agenda, the minutes form the secretariat fills
 * in (and from which it registers the minutes, completing its task), and the minutes document.
 */
@Controller
class MeetingPages {

  private final MeetingStore store;
  private final MeetingAgendas agendas;
  private final RecordMinutes recording;
  private final Minutes minutes;
  private final MinutesDocument document;
  private final IdentityService identity;
  private final TaskService tasks;

  MeetingPages(MeetingStore store, MeetingAgendas agendas, RecordMinutes recording, Minutes minutes,
      MinutesDocument document, IdentityService identity, TaskService tasks) {
    this.store = store;
    this.agendas = agendas;
    this.recording = recording;
    this.minutes = minutes;
    this.document = document;
    this.identity = identity;
    this.tasks = tasks;
  }

  @GetMapping("/app/moeder")
  String list(Model model) {
    List<MeetingStore.Meeting> visible = store.all().stream().filter(this::maySee).toList();
    model.addAttribute("meetings", visible);
    model.addAttribute("secretariat", Access.isSecretariat(identity));
    return "meetings";
  }

  @GetMapping("/app/moeder/{id}")
  String meeting(@PathVariable String id, Model model) {
    MeetingStore.Meeting meeting = visible(id);
    agendas.refresh(meeting);
    model.addAttribute("meeting", meeting);
    model.addAttribute("title", Meetings.title(meeting));
    model.addAttribute("items", recording.numbered(id));
    model.addAttribute("minutesOpen", !meeting.recorded() && recording.minutesTask(meeting).isPresent());
    model.addAttribute("secretariat", Access.isSecretariat(identity));
    return "meeting";
  }

  @GetMapping("/app/moeder/{id}/referat")
  String minutesForm(@PathVariable String id, Model model) {
    MeetingStore.Meeting meeting = forSecretariat(id);
    return showForm(meeting, model, List.of(), null);
  }

  @PostMapping("/app/moeder/{id}/referat")
  String saveMinutes(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    MeetingStore.Meeting meeting = forSecretariat(id);
    RecordMinutes.Input input = input(params);
    List<String> problems = recording.save(id, input, Access.userId(identity));
    if (problems.isEmpty() && "registrer".equals(params.getFirst("handling"))) {
      problems = register(meeting);
      if (problems.isEmpty()) {
        return "redirect:/app/moeder/" + id + "/referat/dokument";
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return showForm(meeting, model, problems, input);
    }
    return showForm(store.find(id).orElseThrow(), model, List.of(), null, "Referatet er gemt. Registrér det, når det er færdigt.");
  }

  /** Completes the secretariat's minutes task as the user: only a member of the secretariat may. */
  private List<String> register(MeetingStore.Meeting meeting) {
    if (!Access.groups(identity).contains(Body.FORRETNINGSLEDELSE.groupId())) {
      return List.of("Kun sekretariatet (Forretningsledelsen) registrerer referatet.");
    }
    Optional<Task> task = recording.minutesTask(meeting);
    if (task.isEmpty()) {
      return List.of("Mødet har ingen åben opgave «Registrér referatet».");
    }
    try {
      tasks.complete(task.get().getId(), Map.of("minutesConfirmed", true));
      return List.of();
    } catch (ProcessEngineException e) {
      return List.of(e.getMessage());
    }
  }

  private String showForm(MeetingStore.Meeting meeting, Model model, List<String> problems, RecordMinutes.Input typed) {
    return showForm(meeting, model, problems, typed, null);
  }

  private String showForm(MeetingStore.Meeting meeting, Model model, List<String> problems, RecordMinutes.Input typed,
      String message) {
    if (!meeting.recorded()) {
      agendas.refresh(meeting);
    }
    List<FormItem> items = new ArrayList<>();
    for (RecordMinutes.Numbered n : recording.numbered(meeting.id())) {
      MeetingStore.Item item = n.item();
      Optional<Minutes.ItemForm> form = item.isDecision() && "OPEN".equals(item.status())
          ? minutes.form(item, n.number()) : Optional.empty();
      Map<String, String> answers = new LinkedHashMap<>();
      store.answers(item.id()).forEach(a -> answers.put(a.fieldKey(), a.answer()));
      Minutes.Typed t = typed == null ? null : typed.items().get(item.id());
      if (t != null && t.answers() != null) {
        answers.putAll(t.answers());
      }
      String deferred = item.taskId() == null ? null : store.deferredFrom(item.taskId(), meeting.id()).stream()
          .findFirst().map(Meetings::title).orElse(null);
      items.add(new FormItem(item, n.number(), form.orElse(null), answers,
          t == null ? item.minutesAction() : t.action(),
          t == null ? text(item.votesFor()) : t.votesFor(), t == null ? text(item.votesAgainst()) : t.votesAgainst(),
          t == null ? text(item.votesAbstaining()) : t.votesAbstaining(), t == null ? item.notes() : t.notes(),
          deferred));
    }
    List<MeetingStore.Attendance> saved = store.attendance(meeting.id());
    List<Member> members = minutes.members(meeting.body()).stream().map(u -> new Member(u.getId(), Minutes.name(u),
        typed != null ? typed.present().contains(u.getId())
            : saved.stream().anyMatch(a -> u.getId().equals(a.userId()) && a.present()))).toList();
    model.addAttribute("meeting", meeting);
    model.addAttribute("title", Meetings.title(meeting));
    model.addAttribute("items", items);
    model.addAttribute("members", members);
    model.addAttribute("quorum", typed != null ? typed.quorumMet() : meeting.quorumMet());
    model.addAttribute("others", typed != null ? typed.otherAttendees() : meeting.otherAttendees());
    model.addAttribute("problems", problems);
    model.addAttribute("message", message);
    model.addAttribute("open", !meeting.recorded() && recording.minutesTask(meeting).isPresent());
    return "meeting-minutes";
  }

  record FormItem(MeetingStore.Item item, int number, Minutes.ItemForm form, Map<String, String> answers,
      String action, String votesFor, String votesAgainst, String votesAbstaining, String notes, String deferredFrom) {}

  record Member(String id, String name, boolean present) {}

  @GetMapping("/app/moeder/{id}/referat/dokument")
  String minutesDocument(@PathVariable String id, Model model) {
    MeetingStore.Meeting meeting = readable(id);
    model.addAllAttributes(document.model(meeting));
    model.addAttribute("pdf", false);
    return "meeting-document";
  }

  @GetMapping("/app/moeder/{id}/referat.pdf")
  ResponseEntity<byte[]> minutesPdf(@PathVariable String id) {
    MeetingStore.Meeting meeting = readable(id);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"referat-" + meeting.meetingDate() + ".pdf\"")
        .body(document.pdf(meeting));
  }

  private RecordMinutes.Input input(MultiValueMap<String, String> params) {
    String quorum = params.getFirst("quorum");
    Boolean quorumMet = "ja".equals(quorum) ? Boolean.TRUE : "nej".equals(quorum) ? Boolean.FALSE : null;
    List<String> present = params.getOrDefault("present", List.of());
    Map<String, Minutes.Typed> items = new LinkedHashMap<>();
    for (String key : params.keySet()) {
      if (key.startsWith("item.") && key.endsWith(".action")) {
        String itemId = key.substring("item.".length(), key.length() - ".action".length());
        String prefix = "item." + itemId + ".";
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
          if (name.startsWith(prefix + "field.") && !values.isEmpty()) {
            answers.put(name.substring((prefix + "field.").length()), values.get(0));
          }
        });
        items.put(itemId, new Minutes.Typed(params.getFirst(key), answers, params.getFirst(prefix + "for"),
            params.getFirst(prefix + "against"), params.getFirst(prefix + "abstaining"), params.getFirst(prefix + "notes")));
      }
    }
    return new RecordMinutes.Input(quorumMet, present, params.getFirst("others"), items);
  }

  private boolean maySee(MeetingStore.Meeting meeting) {
    return Access.isSecretariat(identity) || Access.groups(identity).contains(meeting.body());
  }

  private MeetingStore.Meeting visible(String id) {
    MeetingStore.Meeting meeting = store.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Mødet findes ikke."));
    if (!maySee(meeting)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Kun sekretariatet og mødets organ ser mødet.");
    }
    return meeting;
  }

  /** A recorded meeting's minutes are for every login (decisions link to them); a draft only for those who meet. */
  private MeetingStore.Meeting readable(String id) {
    MeetingStore.Meeting meeting = store.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Mødet findes ikke."));
    if (!meeting.recorded() && !maySee(meeting)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Referatet er ikke registreret endnu.");
    }
    return meeting;
  }

  private MeetingStore.Meeting forSecretariat(String id) {
    Access.requireSecretariat(identity, "Kun sekretariatet skriver referatet.");
    return store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Mødet findes ikke."));
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }
}
