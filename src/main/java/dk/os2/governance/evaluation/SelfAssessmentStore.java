package dk.os2.governance.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Imported self-assessments, as OS2's form exported them. */
@Repository
public class SelfAssessmentStore {

  /** One criterion's answer. */
  public record Answer(String criterionId, String answer, String documentation) {}

  /** A stored self-assessment. */
  public record Stored(String id, String productId, String catalogueId, String catalogueVersion, String filledBy,
      String filledDate, String generatedAt, Map<String, Answer> answers) {}

  private final JdbcTemplate jdbc;

  SelfAssessmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String save(String productId, String catalogueId, String version, String filledBy, String filledDate,
      String generatedAt, String importedBy, List<Answer> answers) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        insert into self_assessment (id, product_id, catalogue_id, catalogue_version, filled_by, filled_date,
          generated_at, imported_by, imported_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, productId, catalogueId, version, filledBy, filledDate, generatedAt, importedBy, Timestamp.from(Instant.now()));
    for (Answer a : answers) {
      jdbc.update("insert into self_assessment_answer (self_assessment_id, criterion_id, answer, documentation) values (?, ?, ?, ?)",
          id, a.criterionId(), a.answer(), a.documentation());
    }
    return id;
  }

  /** The newest self-assessment of a product against a catalogue version. */
  public Optional<Stored> latest(String productId, String catalogueId, String version) {
    return jdbc.queryForList("""
        select id from self_assessment where product_id = ? and catalogue_id = ? and catalogue_version = ?
        order by imported_at desc, id desc""", String.class, productId, catalogueId, version)
        .stream().findFirst().flatMap(this::find);
  }

  public Optional<Stored> latest(String productId) {
    return jdbc.queryForList("select id from self_assessment where product_id = ? order by imported_at desc, id desc",
        String.class, productId).stream().findFirst().flatMap(this::find);
  }

  public Optional<Stored> find(String id) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    jdbc.query("select * from self_assessment_answer where self_assessment_id = ? order by criterion_id",
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> answers.put(rs.getString("criterion_id"),
            new Answer(rs.getString("criterion_id"), rs.getString("answer"), rs.getString("documentation"))), id);
    return jdbc.query("select * from self_assessment where id = ?", (rs, n) -> new Stored(rs.getString("id"),
        rs.getString("product_id"), rs.getString("catalogue_id"), rs.getString("catalogue_version"),
        rs.getString("filled_by"), rs.getString("filled_date"), rs.getString("generated_at"), answers), id)
        .stream().findFirst();
  }

  public int count() {
    Integer n = jdbc.queryForObject("select count(*) from self_assessment", Integer.class);
    return n == null ? 0 : n;
  }
}
