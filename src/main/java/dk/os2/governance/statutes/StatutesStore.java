package dk.os2.governance.statutes;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The module's tables: {@code statutes_version}, {@code statutes_decision}, {@code statutes_running_change}. */
@Component
class StatutesStore {

  /** A version of a document: a draft, an adopted version (numbered) or a change that failed. */
  record Version(String id, String documentKind, Integer versionNo, String bodyText, String status, String rationale,
      String draftedBy, String processInstanceId, String previousVersionId, LocalDate decidedOn, LocalDate meetingDate,
      Integer votesFor, Integer votesAgainst, Integer votesAbstaining, Boolean quorumMet, String minutesReference,
      Timestamp createdAt, Timestamp updatedAt) {

    public DocumentKind kind() {
      return DocumentKind.valueOf(documentKind);
    }
  }

  /** A recommendation or decision taken in a task of the change. */
  record Decision(String id, String versionId, String processInstanceId, String taskKey, String body, String decidedBy,
      String outcome, String outcomeLabel, String rationale, LocalDate meetingDate, Integer votesFor,
      Integer votesAgainst, Integer votesAbstaining, Boolean quorumMet, String minutesReference, Timestamp decidedAt) {}

  /** The general assembly's vote as recorded. */
  record Vote(LocalDate meetingDate, int votesFor, int votesAgainst, int votesAbstaining, boolean quorumMet,
      String minutesReference) {}

  private final JdbcClient jdbc;

  StatutesStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The version in force: the highest adopted version of the document. */
  Optional<Version> current(DocumentKind kind) {
    return jdbc.sql("""
        select * from statutes_version where document_kind = ? and status = 'ADOPTED'
        order by version_no desc fetch first 1 rows only""").param(kind.name()).query(Version.class).optional();
  }

  /** Every adopted version, newest first. */
  List<Version> adopted(DocumentKind kind) {
    return jdbc.sql("select * from statutes_version where document_kind = ? and status = 'ADOPTED' order by version_no desc")
        .param(kind.name()).query(Version.class).list();
  }

  /** Every change that was not adopted (rejected, not adopted, withdrawn), newest first. */
  List<Version> failed(DocumentKind kind) {
    return jdbc.sql("""
        select * from statutes_version where document_kind = ? and status in ('NOT_ADOPTED', 'REJECTED', 'WITHDRAWN')
        order by updated_at desc""").param(kind.name()).query(Version.class).list();
  }

  Optional<Version> version(String id) {
    return jdbc.sql("select * from statutes_version where id = ?").param(id).query(Version.class).optional();
  }

  Optional<Version> ofProcess(String processInstanceId) {
    return jdbc.sql("select * from statutes_version where process_instance_id = ?").param(processInstanceId)
        .query(Version.class).optional();
  }

  /** The draft of the change running for the document, if any. */
  Optional<Version> running(DocumentKind kind) {
    return jdbc.sql("""
        select v.* from statutes_version v join statutes_running_change r on r.version_id = v.id
        where r.document_kind = ?""").param(kind.name()).query(Version.class).optional();
  }

  /** A new draft, holding the document's one running change; false if a change of it is already running. */
  Optional<String> draft(DocumentKind kind, String text, String rationale, String by, String previousVersionId) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        insert into statutes_version (id, document_kind, body_text, status, rationale, drafted_by, previous_version_id,
          created_at, updated_at) values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""")
        .params(id, kind.name(), text, rationale, by, previousVersionId, now, now).update();
    try {
      jdbc.sql("insert into statutes_running_change (document_kind, version_id) values (?, ?)").params(kind.name(), id)
          .update();
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  void attach(String versionId, String processInstanceId) {
    jdbc.sql("update statutes_version set process_instance_id = ? where id = ?").params(processInstanceId, versionId)
        .update();
  }

  void revise(String versionId, String text, String rationale, String by) {
    jdbc.sql("""
        update statutes_version set body_text = ?, rationale = ?, drafted_by = ?, updated_at = ?
        where id = ? and status = 'DRAFT'""")
        .params(text, rationale, by, Timestamp.from(Instant.now()), versionId).update();
  }

  /** Adopts the draft as the document's next version, replacing the one in force. */
  void adopt(Version draft, Vote vote) {
    Optional<Version> inForce = current(draft.kind());
    int next = inForce.map(v -> v.versionNo() + 1).orElse(1);
    jdbc.sql("""
        update statutes_version set status = 'ADOPTED', version_no = ?, previous_version_id = ?, decided_on = ?,
          meeting_date = ?, votes_for = ?, votes_against = ?, votes_abstaining = ?, quorum_met = ?,
          minutes_reference = ?, updated_at = ? where id = ? and status = 'DRAFT'""")
        .params(next, inForce.map(Version::id).orElse(null), vote.meetingDate(), vote.meetingDate(), vote.votesFor(),
            vote.votesAgainst(), vote.votesAbstaining(), vote.quorumMet(), vote.minutesReference(),
            Timestamp.from(Instant.now()), draft.id())
        .update();
    release(draft);
  }

  /** Closes a change that was not adopted, with the general assembly's vote if it voted. */
  void close(Version draft, VersionStatus status, Vote vote) {
    jdbc.sql("""
        update statutes_version set status = ?, decided_on = ?, meeting_date = ?, votes_for = ?, votes_against = ?,
          votes_abstaining = ?, quorum_met = ?, minutes_reference = ?, updated_at = ? where id = ? and status = 'DRAFT'""")
        .params(status.name(), vote == null ? null : vote.meetingDate(), vote == null ? null : vote.meetingDate(),
            vote == null ? null : vote.votesFor(), vote == null ? null : vote.votesAgainst(),
            vote == null ? null : vote.votesAbstaining(), vote == null ? null : vote.quorumMet(),
            vote == null ? null : vote.minutesReference(), Timestamp.from(Instant.now()), draft.id())
        .update();
    release(draft);
  }

  private void release(Version draft) {
    jdbc.sql("delete from statutes_running_change where document_kind = ? and version_id = ?")
        .params(draft.documentKind(), draft.id()).update();
  }

  void record(Decision d) {
    jdbc.sql("""
        insert into statutes_decision (id, version_id, process_instance_id, task_key, body, decided_by, outcome,
          outcome_label, rationale, meeting_date, votes_for, votes_against, votes_abstaining, quorum_met,
          minutes_reference, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.versionId(), d.processInstanceId(), d.taskKey(), d.body(), d.decidedBy(), d.outcome(),
            d.outcomeLabel(), d.rationale(), d.meetingDate(), d.votesFor(), d.votesAgainst(), d.votesAbstaining(),
            d.quorumMet(), d.minutesReference(), d.decidedAt())
        .update();
  }

  /** A version's decisions, in the order they were taken. */
  List<Decision> decisions(String versionId) {
    return jdbc.sql("select * from statutes_decision where version_id = ? order by decided_at, id").param(versionId)
        .query(Decision.class).list();
  }

  /** The latest decision taken in the task of the process. */
  Optional<Decision> latest(String processInstanceId, String taskKey) {
    return jdbc.sql("""
        select * from statutes_decision where process_instance_id = ? and task_key = ?
        order by decided_at desc fetch first 1 rows only""").params(processInstanceId, taskKey)
        .query(Decision.class).optional();
  }
}
