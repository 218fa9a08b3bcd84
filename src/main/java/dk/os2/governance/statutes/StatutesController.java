package dk.os2.governance.statutes;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The statutes and licence terms for every logged-in user: the versions in force, their history with
 * decisions, each version's diff, and the changes under way. The secretariat drafts a change here; the
 * text changes only through the process.
 */
@Controller
class StatutesController {

  /** A document on the overview: the version in force, its history, a running change, what failed. */
  record DocumentView(DocumentKind kind, StatutesStore.Version current, List<VersionView> history,
      StatutesStore.Version running, List<VersionView> failed) {

    /** The text in force rendered from its Markdown (raw HTML in it escaped). */
    public String currentHtml() {
      return current == null ? "" : Markdown.html(current.bodyText());
    }
  }

  /** A version with its decisions and its diff against the version before. */
  record VersionView(StatutesStore.Version version, List<StatutesStore.Decision> decisions, LineDiff diff,
      StatutesStore.Version previous) {

    /** The version's text rendered from its Markdown (raw HTML in it escaped). */
    public String html() {
      return Markdown.html(version.bodyText());
    }
  }

  private final StatutesStore store;
  private final StatutesChanges changes;
  private final IdentityService identity;

  StatutesController(StatutesStore store, StatutesChanges changes, IdentityService identity) {
    this.store = store;
    this.changes = changes;
    this.identity = identity;
  }

  @GetMapping("/app/vedtaegter")
  String overview(Model model) {
    fill(model);
    return "statutes";
  }

  private void fill(Model model) {
    List<DocumentView> documents = new ArrayList<>();
    for (DocumentKind kind : DocumentKind.values()) {
      documents.add(new DocumentView(kind, store.current(kind).orElse(null),
          store.adopted(kind).stream().map(this::view).toList(), store.running(kind).orElse(null),
          store.failed(kind).stream().map(this::view).toList()));
    }
    model.addAttribute("documents", documents);
    model.addAttribute("secretariat", Access.isSecretariat(identity));
  }

  @GetMapping("/app/vedtaegter/versioner/{id}")
  String version(@PathVariable String id, Model model) {
    StatutesStore.Version version = store.version(id).filter(v -> !"DRAFT".equals(v.status()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Versionen findes ikke."));
    model.addAttribute("view", view(version));
    return "statutes-version";
  }

  @GetMapping("/app/vedtaegter/forslag/{processInstanceId}")
  String draft(@PathVariable String processInstanceId, Model model) {
    StatutesStore.Version draft = store.ofProcess(processInstanceId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Ændringsforslaget findes ikke."));
    if (!"DRAFT".equals(draft.status())) {
      model.addAttribute("view", view(draft));
      return "statutes-version";
    }
    StatutesStore.Version inForce = draft.previousVersionId() == null ? null
        : store.version(draft.previousVersionId()).orElse(null);
    model.addAttribute("view", new VersionView(draft, store.decisions(draft.id()),
        LineDiff.of(inForce == null ? "" : inForce.bodyText(), draft.bodyText()), inForce));
    Optional<Task> open = changes.openTask(processInstanceId);
    model.addAttribute("step", open.map(Task::getName).orElse(null));
    model.addAttribute("revisable", changes.reviseTask(processInstanceId).isPresent() && Access.isSecretariat(identity));
    model.addAttribute("tasklistLink", open.map(t -> "/camunda/app/tasklist/default/#/?task=" + t.getId()).orElse(null));
    return "statutes-draft";
  }

  /** The secretariat drafts a change of a document and starts its process. */
  @PostMapping("/app/vedtaegter/{slug}/aendring")
  String start(@PathVariable String slug, @RequestParam(name = "tekst", required = false) String text,
      @RequestParam(name = "begrundelse", required = false) String rationale, Model model,
      HttpServletResponse response) {
    DocumentKind kind = DocumentKind.bySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Dokumentet findes ikke."));
    try {
      String processInstanceId = changes.start(kind, text, rationale);
      return "redirect:/app/vedtaegter/forslag/" + processInstanceId + "?startet=ja";
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
        throw e;
      }
      // Refused: the page again, the message at the form and what the secretariat wrote kept.
      fill(model);
      model.addAttribute("refusedKind", kind);
      model.addAttribute("refusal", e.getReason());
      model.addAttribute("typedText", text);
      model.addAttribute("typedRationale", rationale);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "statutes";
    }
  }

  /** The secretariat revises a draft the board returned. */
  @PostMapping("/app/vedtaegter/forslag/{processInstanceId}")
  String revise(@PathVariable String processInstanceId, @RequestParam(name = "tekst", required = false) String text,
      @RequestParam(name = "begrundelse", required = false) String rationale) {
    changes.revise(processInstanceId, text, rationale);
    return "redirect:/app/vedtaegter/forslag/" + processInstanceId + "?rettet=ja";
  }

  private VersionView view(StatutesStore.Version version) {
    StatutesStore.Version previous = version.previousVersionId() == null ? null
        : store.version(version.previousVersionId()).orElse(null);
    return new VersionView(version, store.decisions(version.id()),
        LineDiff.of(previous == null ? "" : previous.bodyText(), version.bodyText()), previous);
  }

  /** For the pages: a body's Danish name. */
  static String bodyName(String groupId) {
    return Body.danishNameOf(groupId);
  }
}
