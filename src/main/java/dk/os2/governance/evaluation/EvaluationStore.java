package dk.os2.governance.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The evaluation tables. */
@Repository
public class EvaluationStore {

  private final JdbcTemplate jdbc;

  EvaluationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String save(Evaluation e) {
    String id = e.id() == null ? UUID.randomUUID().toString() : e.id();
    jdbc.update("""
        insert into evaluation (id, product_id, catalogue_id, catalogue_version, target_level, stated_level, source,
          summary, overall, recommendations, author, evaluated_on, warnings, process_instance_id, created_by, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, e.productId(), e.catalogueId(), e.catalogueVersion(), e.targetLevel(), e.statedLevel(), e.source().name(),
        e.summary(), e.overall(), e.recommendations(), e.author(),
        e.evaluatedOn() == null ? null : Date.valueOf(e.evaluatedOn()),
        e.warnings().isEmpty() ? null : String.join("\n", e.warnings()), e.processInstanceId(), e.createdBy(),
        Timestamp.from(Instant.now()));
    for (Assessment a : e.assessments()) {
      jdbc.update("""
          insert into evaluation_item (evaluation_id, criterion_id, light, rationale, self_answer, self_documentation)
          values (?, ?, ?, ?, ?, ?)""",
          id, a.criterionId(), a.light().name(), a.rationale(), a.selfAnswer(), a.selfDocumentation());
    }
    return id;
  }

  public Optional<Evaluation> find(String id) {
    return jdbc.query("select * from evaluation where id = ?", (rs, n) -> new Evaluation(
        rs.getString("id"), rs.getString("product_id"), rs.getString("catalogue_id"),
        rs.getString("catalogue_version"), rs.getString("target_level"), rs.getString("stated_level"),
        Evaluation.Source.valueOf(rs.getString("source")), rs.getString("summary"), rs.getString("overall"),
        rs.getString("recommendations"), rs.getString("author"),
        rs.getDate("evaluated_on") == null ? null : rs.getDate("evaluated_on").toLocalDate(),
        items(rs.getString("id")),
        rs.getString("warnings") == null ? List.of() : Arrays.asList(rs.getString("warnings").split("\n")),
        rs.getString("process_instance_id"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()),
        id).stream().findFirst();
  }

  public List<String> idsForProduct(String productId) {
    return jdbc.queryForList("select id from evaluation where product_id = ? order by created_at desc, id",
        String.class, productId);
  }

  public int count() {
    Integer n = jdbc.queryForObject("select count(*) from evaluation", Integer.class);
    return n == null ? 0 : n;
  }

  private List<Assessment> items(String evaluationId) {
    return jdbc.query("select * from evaluation_item where evaluation_id = ? order by criterion_id",
        (rs, n) -> new Assessment(rs.getString("criterion_id"), Light.valueOf(rs.getString("light")),
            rs.getString("rationale"), rs.getString("self_answer"), rs.getString("self_documentation")),
        evaluationId);
  }
}
