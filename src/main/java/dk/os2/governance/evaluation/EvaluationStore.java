package dk.os2.governance.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evaluation tables. Every evaluation is stored complete, and announced as
 * {@link EvaluationCompleted} in the transaction that stores it.
 */
@Repository
class EvaluationStore {

  /**
   * One row of {@code evaluation}, as stored; its items ({@code evaluation_item}) and warnings
   * ({@code evaluation_warning}) become the {@link Evaluation}'s lists.
   */
  record Row(String id, String productId, String catalogueId, String catalogueVersion, String targetLevel,
      String statedLevel, Evaluation.Source source, String summary, String overall, String recommendations,
      String author, LocalDate evaluatedOn, String processInstanceId, String createdBy, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  EvaluationStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public String save(Evaluation e) {
    String id = e.id() == null ? UUID.randomUUID().toString() : e.id();
    jdbc.sql("""
        insert into evaluation (id, product_id, catalogue_id, catalogue_version, target_level, stated_level, source,
          summary, overall, recommendations, author, evaluated_on, process_instance_id, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, e.productId(), e.catalogueId(), e.catalogueVersion(), e.targetLevel(), e.statedLevel(),
            e.source().name(), e.summary(), e.overall(), e.recommendations(), e.author(),
            e.evaluatedOn() == null ? null : Date.valueOf(e.evaluatedOn()),
            e.processInstanceId(), e.createdBy(),
            Timestamp.from(Instant.now()))
        .update();
    for (Assessment a : e.assessments()) {
      jdbc.sql("""
          insert into evaluation_item (evaluation_id, criterion_id, light, rationale, self_answer, self_documentation)
          values (?, ?, ?, ?, ?, ?)""")
          .params(id, a.criterionId(), a.light().name(), a.rationale(), a.selfAnswer(), a.selfDocumentation())
          .update();
    }
    for (int i = 0; i < e.warnings().size(); i++) {
      jdbc.sql("insert into evaluation_warning (evaluation_id, position, warning) values (?, ?, ?)")
          .params(id, i, e.warnings().get(i)).update();
    }
    // Listeners run synchronously, in this thread and the caller's transaction.
    events.publishEvent(new EvaluationCompleted(id, e.productId(), e.source(), e.evaluatedOn(), e.processInstanceId()));
    return id;
  }

  /** What an imported report adds to its evaluation: the author's mail, its links and its content's hash. */
  record ImportedReport(String authorEmail, List<EvaluationReport.Link> links, String contentHash) {}

  /** Kept with the evaluation in the caller's transaction; the hash is unique, so a report is imported once. */
  void saveImported(String evaluationId, ImportedReport imported) {
    jdbc.sql("update evaluation set author_email = ?, content_hash = ? where id = ?")
        .params(imported.authorEmail(), imported.contentHash(), evaluationId).update();
    for (int i = 0; i < imported.links().size(); i++) {
      EvaluationReport.Link link = imported.links().get(i);
      jdbc.sql("insert into evaluation_link (evaluation_id, position, label, link) values (?, ?, ?, ?)")
          .params(evaluationId, i, link.label(), link.value()).update();
    }
  }

  ImportedReport imported(String evaluationId) {
    String email = jdbc.sql("select author_email from evaluation where id = ?").param(evaluationId)
        .query(String.class).optional().orElse(null);
    String hash = jdbc.sql("select content_hash from evaluation where id = ?").param(evaluationId)
        .query(String.class).optional().orElse(null);
    List<EvaluationReport.Link> links = jdbc.sql(
            "select label, link from evaluation_link where evaluation_id = ? order by position")
        .param(evaluationId).query((rs, n) -> new EvaluationReport.Link(rs.getString(1), rs.getString(2))).list();
    return new ImportedReport(email, links, hash);
  }

  /** The evaluation an earlier import of the same content made. */
  Optional<String> byContentHash(String hash) {
    return jdbc.sql("select id from evaluation where content_hash = ?").param(hash).query(String.class).optional();
  }

  public Optional<Evaluation> find(String id) {
    return jdbc.sql("select * from evaluation where id = ?").param(id).query(Row.class).list().stream()
        .findFirst().map(row -> new Evaluation(row.id(), row.productId(), row.catalogueId(), row.catalogueVersion(),
            row.targetLevel(), row.statedLevel(), row.source(), row.summary(), row.overall(), row.recommendations(),
            row.author(), row.evaluatedOn(), items(row.id()),
            warnings(row.id()),
            row.processInstanceId(), row.createdBy(), row.createdAt()));
  }

  public List<String> idsForProduct(String productId) {
    return jdbc.sql("select id from evaluation where product_id = ? order by created_at desc, id").param(productId)
        .query(String.class).list();
  }

  /** The evaluations made in a period (both days included), oldest first. */
  public List<String> idsBetween(java.time.LocalDate from, java.time.LocalDate to) {
    return jdbc.sql("select id from evaluation where evaluated_on between ? and ? order by evaluated_on, created_at, id")
        .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(String.class).list();
  }

  public int count() {
    return jdbc.sql("select count(*) from evaluation").query(Integer.class).single();
  }

  private List<String> warnings(String evaluationId) {
    return jdbc.sql("select warning from evaluation_warning where evaluation_id = ? order by position")
        .param(evaluationId).query(String.class).list();
  }

  private List<Assessment> items(String evaluationId) {
    return jdbc.sql("select * from evaluation_item where evaluation_id = ? order by criterion_id")
        .param(evaluationId).query(Assessment.class).list();
  }
}
