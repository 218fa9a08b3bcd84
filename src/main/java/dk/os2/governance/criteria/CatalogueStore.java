package dk.os2.governance.criteria;

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
 * version again is accepted only with the identical content.
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

  public record Published(String id, String version, String title, String source, String publishedBy,
      Instant publishedAt, int criteria) {}

  /** One row of {@code criteria_catalogue}; the listing counts the criteria of its definition. */
  record Row(String catalogueId, String version, String title, String source, String publishedBy,
      Instant publishedAt, String definition) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json = new ObjectMapper();

  CatalogueStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Publishes a version; returns false when exactly this version was already published. */
  public boolean publish(Catalogue catalogue, String source, String user) {
    String definition = serialize(catalogue);
    Optional<Catalogue> existing = find(catalogue.id(), catalogue.version());
    if (existing.isPresent()) {
      if (existing.get().equals(catalogue)) {
        return false;
      }
      throw new VersionConflict(catalogue);
    }
    jdbc.sql("""
        insert into criteria_catalogue (catalogue_id, version, title, definition, source, published_by, published_at)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(catalogue.id(), catalogue.version(), catalogue.title(), definition, source, user,
            Timestamp.from(Instant.now()))
        .update();
    events.publishEvent(new CataloguePublished(catalogue.id(), catalogue.version()));
    return true;
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
        .query(Row.class).list().stream()
        .map(row -> new Published(row.catalogueId(), row.version(), row.title(), row.source(), row.publishedBy(),
            row.publishedAt(), deserialize(row.definition()).criteria().size()))
        .toList();
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
