package dk.os2.governance.criteria;

import dk.os2.governance.identity.Access;
import dk.os2.governance.process.ProcessClock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published catalogue versions. A published version never changes: publishing the same id and
 * version again is accepted only with the identical content. Versions are stored through one method
 * ({@link #publish}), by four roads: the shipped catalogue at start-up, an administrator's first
 * import of a catalogue the system has never had, a report's own template (never in force), and a
 * criteria change the board approved. There is no other: a new version of a known catalogue is a
 * criteria change.
 */
@Repository
public class CatalogueStore {

  /** Thrown when a published version would change. */
  public static class VersionConflict extends RuntimeException implements ErrorResponse {
    VersionConflict(Catalogue catalogue) {
      super("Version " + catalogue.version() + " af kataloget '" + catalogue.id()
          + "' er allerede udgivet med et andet indhold. En ændring udgives som en ny version.");
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return HttpStatus.CONFLICT;
    }

    /** The refusal as the application's API answers it: the Danish message and each problem. */
    @Override
    public ProblemDetail getBody() {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
      problem.setProperty("errors", List.of(getMessage()));
      return problem;
    }
  }

  /** Thrown when a catalogue would be published other than through a criteria change. */
  public static class DirectPublicationRefused extends RuntimeException implements ErrorResponse {
    private final HttpStatus status;

    DirectPublicationRefused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }

    @Override
    public HttpStatusCode getStatusCode() {
      return status;
    }

    @Override
    public ProblemDetail getBody() {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
      problem.setProperty("errors", List.of(getMessage()));
      return problem;
    }
  }

  /** How the board approved a version: the day it comes into force, its decision and the change process. */
  public record Approval(LocalDate effectiveDate, String decisionId, String changeProcessId, String approvedBy) {}

  public record Published(String id, String version, String title, String source, String publishedBy,
      Instant publishedAt, int criteria, LocalDate effectiveDate, String decisionId, String changeProcessId) {}

  /** One row of {@code criteria_catalogue}; the listing counts the criteria of its definition. */
  record Row(String catalogueId, String version, String title, String source, String publishedBy,
      Instant publishedAt, String definition, LocalDate effectiveDate, String decisionId, String changeProcessId) {}

  /** Where a stored version came from. */
  static final String SHIPPED = "SHIPPED";
  static final String FIRST_IMPORT = "UPLOAD";
  static final String REPORT = "REPORT";
  static final String CHANGE = "CHANGE";

  static final String CHANGE_PAGE = "/app/kriterier/aendring";

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json = new ObjectMapper();

  CatalogueStore(JdbcClient jdbc, IdentityService identity, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.events = events;
  }

  /** The shipped catalogue at start-up: in force from the day it is first published. */
  boolean publishShipped(Catalogue catalogue) {
    return publish(catalogue, SHIPPED, null, ProcessClock.today(), null, null);
  }

  /**
   * An administrator's first import of a catalogue into a system that has no version of it yet (a
   * catalogue the application has never published as rules; a template registered from an imported
   * report does not count). Every later version is a criteria change, decided by
   * the board: publishing it directly is refused here, whatever the route. The same content again
   * is accepted and changes nothing.
   */
  public boolean importFirst(Catalogue catalogue) {
    Optional<Catalogue> same = find(catalogue.id(), catalogue.version());
    if (same.isPresent()) {
      if (same.get().equals(catalogue)) {
        return false;
      }
      throw new VersionConflict(catalogue);
    }
    if (!Access.groups(identity).contains(Groups.CAMUNDA_ADMIN)) {
      throw new DirectPublicationRefused(HttpStatus.FORBIDDEN, "Et kriteriekatalog udgives ikke direkte: en ny "
          + "version er en kriterieændring, som bestyrelsen beslutter. Start ændringen på " + CHANGE_PAGE
          + ". Kun en administrator kan importere det første katalog i et tomt system.");
    }
    if (!versions(catalogue.id()).isEmpty()) {
      throw new DirectPublicationRefused(HttpStatus.CONFLICT, "Kataloget '" + catalogue.id()
          + "' er allerede udgivet; en ny version (" + catalogue.version() + ") er en kriterieændring, som "
          + "bestyrelsen beslutter. Start ændringen på " + CHANGE_PAGE + ".");
    }
    return publish(catalogue, FIRST_IMPORT, Access.userId(identity), ProcessClock.today(), null, null);
  }

  /**
   * The catalogue an imported evaluation report was made against, read from its own rows when the
   * application does not know that version: kept so the report can be read, never in force.
   */
  public boolean registerFromReport(Catalogue catalogue, String userId) {
    return publish(catalogue, REPORT, userId, null, null, null);
  }

  /** A version the board approved in a criteria change: in force from the approval's effective date. */
  public boolean publishApproved(Catalogue catalogue, Approval approval) {
    return publish(catalogue, CHANGE, approval.approvedBy(), approval.effectiveDate(), approval.decisionId(),
        approval.changeProcessId());
  }

  /**
   * The one way a version is stored: a published version never changes (the same content again
   * returns false). After storing, {@link CataloguePublished} tells whoever builds on a version.
   */
  private boolean publish(Catalogue catalogue, String source, String user, LocalDate effectiveDate,
      String decisionId, String changeProcessId) {
    String definition = serialize(catalogue);
    Optional<Catalogue> existing = find(catalogue.id(), catalogue.version());
    if (existing.isPresent()) {
      if (existing.get().equals(catalogue)) {
        return false;
      }
      throw new VersionConflict(catalogue);
    }
    jdbc.sql("""
        insert into criteria_catalogue (catalogue_id, version, title, definition, source, published_by, published_at,
          effective_date, decision_id, change_process_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(catalogue.id(), catalogue.version(), catalogue.title(), definition, source, user,
            Timestamp.from(Instant.now()), effectiveDate == null ? null : Date.valueOf(effectiveDate), decisionId,
            changeProcessId)
        .update();
    events.publishEvent(new CataloguePublished(catalogue.id(), catalogue.version()));
    return true;
  }

  /**
   * The version of a catalogue in force at a moment: published by then, with an effective date on or
   * before that day (the latest such date wins, then the latest publication). A process keeps the
   * version in force when it began.
   */
  public Optional<Catalogue> inForce(String catalogueId, Instant at) {
    LocalDate day = at.atZone(ZoneId.systemDefault()).toLocalDate();
    return jdbc.sql("""
        select definition from criteria_catalogue
        where catalogue_id = ? and effective_date is not null and effective_date <= ? and published_at <= ?
        order by effective_date desc, published_at desc""")
        .params(catalogueId, Date.valueOf(day), Timestamp.from(at)).query(String.class).list().stream()
        .findFirst().map(this::deserialize);
  }

  /** The version of a catalogue in force now (by the engine's clock for the day). */
  public Optional<Catalogue> inForce(String catalogueId) {
    return inForce(catalogueId, laterOf(Instant.now(), ProcessClock.now()));
  }

  private static Instant laterOf(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The version a process works with: the one it recorded when it began ({@code recordedReference},
   * "os2-levels 1.0"), else the version of {@code fallback}'s catalogue in force now, else
   * {@code fallback} itself.
   */
  public Catalogue versionFor(String recordedReference, Catalogue fallback) {
    return byReference(recordedReference).or(() -> inForce(fallback.id())).orElse(fallback);
  }

  /** A version named as {@link Catalogue#reference()} writes it ("os2-levels 1.0"). */
  public Optional<Catalogue> byReference(String reference) {
    if (reference == null || !reference.contains(" ")) {
      return Optional.empty();
    }
    int space = reference.lastIndexOf(' ');
    return find(reference.substring(0, space).trim(), reference.substring(space + 1).trim());
  }

  /** What is known of one stored version: source, effective date, approving decision. */
  public Optional<Published> published(String id, String version) {
    return jdbc.sql("select * from criteria_catalogue where catalogue_id = ? and version = ?").params(id, version)
        .query(Row.class).list().stream().findFirst().map(this::toPublished);
  }

  /** The versions published as rules (a report's template, kept to read the report, is no rule). */
  private List<String> versions(String catalogueId) {
    return jdbc.sql("select version from criteria_catalogue where catalogue_id = ? and source <> ?")
        .params(catalogueId, REPORT).query(String.class).list();
  }

  public Optional<Catalogue> find(String id, String version) {
    return jdbc.sql("select definition from criteria_catalogue where catalogue_id = ? and version = ?")
        .params(id, version).query(String.class).list().stream().findFirst().map(this::deserialize);
  }

  /**
   * The version of a catalogue published last, leaving out versions that only came in with an
   * imported report (a report made against an old version does not put that version in force).
   */
  public Optional<Catalogue> latest(String id) {
    return jdbc.sql("select definition from criteria_catalogue where catalogue_id = ? and source <> 'REPORT' "
        + "order by published_at desc, version desc")
        .param(id).query(String.class).list().stream().findFirst().map(this::deserialize);
  }

  public List<Published> list() {
    return jdbc.sql("select * from criteria_catalogue order by catalogue_id, published_at, version")
        .query(Row.class).list().stream().map(this::toPublished).toList();
  }

  private Published toPublished(Row row) {
    return new Published(row.catalogueId(), row.version(), row.title(), row.source(), row.publishedBy(),
        row.publishedAt(), deserialize(row.definition()).criteria().size(), row.effectiveDate(), row.decisionId(),
        row.changeProcessId());
  }

  private String serialize(Catalogue catalogue) {
    try {
      return json.writeValueAsString(catalogue);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Catalogue deserialize(String definition) {
    try {
      return json.readValue(definition, Catalogue.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored catalogue cannot be read", e);
    }
  }
}
