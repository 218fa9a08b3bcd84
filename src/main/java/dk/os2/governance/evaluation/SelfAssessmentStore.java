package dk.os2.governance.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imported self-assessments, as OS2's form exported them. */
@Repository
public class SelfAssessmentStore {

  /** One criterion's answer. */
  public record Answer(String criterionId, String answer, String documentation) {}

  /** A stored self-assessment. */
  public record Stored(String id, String productId, String catalogueId, String catalogueVersion, String filledBy,
      String filledDate, String generatedAt, Map<String, Answer> answers) {}

  /** One row of {@code self_assessment}; its answers are rows of {@code self_assessment_answer}. */
  record Row(String id, String productId, String catalogueId, String catalogueVersion, String filledBy,
      String filledDate, String generatedAt) {}

  private final JdbcClient jdbc;

  SelfAssessmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String save(String productId, String catalogueId, String version, String filledBy, String filledDate,
      String generatedAt, String importedBy, List<Answer> answers) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into self_assessment (id, product_id, catalogue_id, catalogue_version, filled_by, filled_date,
          generated_at, imported_by, imported_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, productId, catalogueId, version, filledBy, filledDate, generatedAt, importedBy,
            Timestamp.from(Instant.now()))
        .update();
    for (Answer a : answers) {
      jdbc.sql("insert into self_assessment_answer (self_assessment_id, criterion_id, answer, documentation) values (?, ?, ?, ?)")
          .params(id, a.criterionId(), a.answer(), a.documentation()).update();
    }
    return id;
  }

  /** The newest self-assessment of a product against a catalogue version. */
  public Optional<Stored> latest(String productId, String catalogueId, String version) {
    return jdbc.sql("""
        select id from self_assessment where product_id = ? and catalogue_id = ? and catalogue_version = ?
        order by imported_at desc, id desc""").params(productId, catalogueId, version).query(String.class).list()
        .stream().findFirst().flatMap(this::find);
  }

  public Optional<Stored> latest(String productId) {
    return jdbc.sql("select id from self_assessment where product_id = ? order by imported_at desc, id desc")
        .param(productId).query(String.class).list().stream().findFirst().flatMap(this::find);
  }

  public Optional<Stored> find(String id) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    jdbc.sql("select * from self_assessment_answer where self_assessment_id = ? order by criterion_id").param(id)
        .query(Answer.class).list().forEach(a -> answers.put(a.criterionId(), a));
    return jdbc.sql("select * from self_assessment where id = ?").param(id).query(Row.class).list().stream()
        .findFirst().map(row -> new Stored(row.id(), row.productId(), row.catalogueId(), row.catalogueVersion(),
            row.filledBy(), row.filledDate(), row.generatedAt(), answers));
  }

  public int count() {
    return jdbc.sql("select count(*) from self_assessment").query(Integer.class).single();
  }
}
