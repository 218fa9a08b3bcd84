package dk.os2.governance.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proposed catalogue version of each criteria change ({@code criteria_change}, owned by this module). */
@Repository
class ChangeStore {

  enum Status { RUNNING, APPROVED, REJECTED, WITHDRAWN }

  /** One change: the proposed version's text as it was last submitted, and the version it was compared with. */
  record Change(String processInstanceId, String catalogueId, String version, String baseVersion, String definition,
      String proposedBy, Instant proposedAt, Instant revisedAt, String status) {}

  private final JdbcClient jdbc;

  ChangeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String processInstanceId, String catalogueId, String version, String definition, String proposedBy) {
    jdbc.sql("""
        insert into criteria_change (process_instance_id, catalogue_id, version, definition, proposed_by, proposed_at,
          status) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(processInstanceId, catalogueId, version, definition, proposedBy, Timestamp.from(Instant.now()),
            Status.RUNNING.name())
        .update();
  }

  Optional<Change> find(String processInstanceId) {
    return jdbc.sql("select * from criteria_change where process_instance_id = ?").param(processInstanceId)
        .query(Change.class).optional();
  }

  void revise(String processInstanceId, String version, String definition) {
    jdbc.sql("update criteria_change set version = ?, definition = ?, revised_at = ? where process_instance_id = ?")
        .params(version, definition, Timestamp.from(Instant.now()), processInstanceId).update();
  }

  void baseVersion(String processInstanceId, String baseVersion) {
    jdbc.sql("update criteria_change set base_version = ? where process_instance_id = ?")
        .params(baseVersion, processInstanceId).update();
  }

  void status(String processInstanceId, Status status) {
    jdbc.sql("update criteria_change set status = ? where process_instance_id = ?")
        .params(status.name(), processInstanceId).update();
  }

  /** Whether another running change already proposes this version of the catalogue. */
  boolean proposedElsewhere(String catalogueId, String version, String exceptProcessInstanceId) {
    return jdbc.sql("""
        select count(*) from criteria_change where catalogue_id = ? and version = ? and status = 'RUNNING'
          and process_instance_id <> ?""")
        .params(catalogueId, version, exceptProcessInstanceId == null ? "" : exceptProcessInstanceId)
        .query(Long.class).single() > 0;
  }
}
