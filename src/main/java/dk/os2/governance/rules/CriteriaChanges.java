package dk.os2.governance.rules;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueDiff;
import dk.os2.governance.criteria.CatalogueFormatException;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.identity.Access;
import dk.os2.governance.integrity.SystemWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponse;

/**
 * Starting and revising criteria changes: the secretariat proposes a new version of a catalogue
 * (uploaded, or edited from the version in force); it is read and checked whole, and the
 * criteria-change process starts with it. Also the process's start listener: the process starts
 * only through here, never directly in the engine.
 */
@Component("criteriaChangeStart")
class CriteriaChanges implements ExecutionListener {

  static final String PROCESS_KEY = "criteria-change";
  static final String REVISE_TASK = "UserTask_ReviseCriteriaChange";
  static final String PAGE = "/app/kriterier/aendring";

  /** A proposal that cannot start or be revised: every problem in Danish, nothing changed. */
  static class Refused extends RuntimeException implements ErrorResponse {
    private final HttpStatus status;
    private final List<String> problems;

    Refused(HttpStatus status, List<String> problems) {
      super(String.join(" ", problems));
      this.status = status;
      this.problems = List.copyOf(problems);
    }

    Refused(HttpStatus status, String problem) {
      this(status, List.of(problem));
    }

    List<String> problems() {
      return problems;
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return status;
    }

    @Override
    public ProblemDetail getBody() {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
      problem.setProperty("errors", problems);
      return problem;
    }
  }

  private record Pending(Catalogue catalogue, String text, String proposedBy) {}

  private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

  private final CatalogueStore catalogues;
  private final ChangeStore changes;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Succession succession;

  CriteriaChanges(CatalogueStore catalogues, ChangeStore changes, RuntimeService runtime, TaskService tasks,
      IdentityService identity, Succession succession) {
    this.catalogues = catalogues;
    this.changes = changes;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.succession = succession;
  }

  /** Starts a criteria change with the proposed version; returns its process instance id. */
  @Transactional
  public String start(String text) {
    requireSecretariat();
    Catalogue proposed = read(text);
    checkProposal(proposed, null);
    String userId = Access.userId(identity);
    PENDING.set(new Pending(proposed, text, userId));
    try {
      // The application has checked who may propose; the process starts on its behalf (no body starts it in the engine).
      return SystemWrites.call(() -> Access.asSystem(identity, () -> runtime.startProcessInstanceByKey(PROCESS_KEY,
          proposed.reference(), Map.of("catalogueId", proposed.id(), "proposer", userId == null ? "" : userId)))
          .getId());
    } finally {
      PENDING.remove();
    }
  }

  /** The start listener: records the proposal under the new process instance. */
  @Override
  public void notify(DelegateExecution execution) {
    Pending pending = PENDING.get();
    if (pending == null) {
      throw new ProcessEngineException("En kriterieændring startes kun på siden " + PAGE + ", ikke direkte i procesmotoren.");
    }
    PENDING.remove();
    changes.insert(execution.getProcessInstanceId(), pending.catalogue().id(), pending.catalogue().version(),
        pending.text(), pending.proposedBy());
  }

  /** The secretariat revises a returned change: a new text for the proposed version, checked as at the start. */
  @Transactional
  public void revise(String processInstanceId, String text) {
    requireSecretariat();
    ChangeStore.Change change = changes.find(processInstanceId)
        .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "Kriterieændringen findes ikke."));
    if (tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVISE_TASK).count() == 0) {
      throw new Refused(HttpStatus.CONFLICT, "Ændringen kan kun rettes, mens den ligger hos sekretariatet til "
          + "revision (sendt tilbage af et udvalg eller bestyrelsen).");
    }
    Catalogue proposed = read(text);
    if (!proposed.id().equals(change.catalogueId())) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ændringen gælder kataloget '" + change.catalogueId()
          + "'; den rettede version hedder '" + proposed.id() + "'. Start en ny ændring for et andet katalog.");
    }
    checkProposal(proposed, processInstanceId);
    changes.revise(processInstanceId, proposed.version(), text);
  }

  /** The proposed version of a change as it stands. */
  Optional<Catalogue> proposed(String processInstanceId) {
    return changes.find(processInstanceId).map(c -> CatalogueReader.read(c.definition()));
  }

  private void checkProposal(Catalogue proposed, String exceptProcessInstanceId) {
    if (catalogues.find(proposed.id(), proposed.version()).isPresent()) {
      throw new Refused(HttpStatus.CONFLICT, "Version " + proposed.version() + " af kataloget '" + proposed.id()
          + "' er allerede udgivet. Giv den foreslåede ændring et nyt versionsnummer.");
    }
    if (changes.proposedElsewhere(proposed.id(), proposed.version(), exceptProcessInstanceId)) {
      throw new Refused(HttpStatus.CONFLICT, "Version " + proposed.version() + " af kataloget '" + proposed.id()
          + "' er allerede foreslået i en anden igangværende kriterieændring.");
    }
    // Against the newest version published as rules (in force, or approved to come into force later).
    Catalogue base = succession.base(proposed.id()).orElse(null);
    if (base != null && CatalogueDiff.between(base, proposed).isEmpty()
        && base.levels().equals(proposed.levels()) && base.themes().equals(proposed.themes())) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Den foreslåede version ændrer intet i forhold til versionen i kraft ("
          + base.version() + "). Ret mindst ét kriterium.");
    }
    succession.numberProblem(proposed.id(), proposed.version()).ifPresent(problem -> {
      throw new Refused(HttpStatus.BAD_REQUEST, problem);
    });
  }

  private void requireSecretariat() {
    if (!Access.isSecretariat(identity)) {
      throw new Refused(HttpStatus.FORBIDDEN, "Kun sekretariatet kan foreslå og rette kriterieændringer.");
    }
  }

  private static final Pattern CRITERION = Pattern.compile("Kriterium (\\S+?)[ :,.]");

  /** Reads the text; each problem names the line of the criterion it concerns where it can be found. */
  static Catalogue read(String text) {
    if (text == null || text.isBlank()) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Indsæt eller upload den foreslåede katalogversion.");
    }
    try {
      return CatalogueReader.read(text);
    } catch (CatalogueFormatException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, withLines(text, e.problems()));
    } catch (IllegalArgumentException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Kataloget kan ikke læses: " + e.getMessage());
    }
  }

  static List<String> withLines(String text, List<String> problems) {
    String[] lines = text.split("\r?\n", -1);
    List<String> out = new ArrayList<>();
    for (String problem : problems) {
      Matcher m = CRITERION.matcher(problem + " ");
      Integer line = null;
      if (!problem.startsWith("Linje") && !problem.contains("(linje") && m.find()) {
        Pattern id = Pattern.compile("(^|[\\s{,-])id:\\s*[\"']?" + Pattern.quote(m.group(1)) + "[\"']?\\s*([,}]|$)");
        for (int i = 0; i < lines.length; i++) {
          if (id.matcher(lines[i]).find()) {
            line = i + 1;
            break;
          }
        }
      }
      out.add(line == null ? problem : "Linje " + line + ": " + problem);
    }
    return out;
  }
}
