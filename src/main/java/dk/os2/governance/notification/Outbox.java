package dk.os2.governance.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The mail_outbox table. */
@Repository
public class Outbox {

  private final JdbcTemplate jdbc;

  Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a mail unless one with the same key exists; returns its id, or empty for a duplicate. */
  Optional<String> add(String dedupeKey, MailKind kind, String taskId, String processInstanceId, String productName,
      String detail) {
    String id = UUID.randomUUID().toString();
    // Check first: a failed insert would abort a PostgreSQL transaction that other work shares.
    Integer existing = jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class,
        dedupeKey);
    if (existing != null && existing > 0) {
      return Optional.empty();
    }
    try {
      jdbc.update("""
          insert into mail_outbox (id, dedupe_key, kind, task_id, process_instance_id, product_name, detail,
            status, attempts, created_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
          id, dedupeKey, kind.name(), taskId, processInstanceId, truncate(productName, 100), truncate(detail, 4000),
          MailStatus.PENDING.name(), Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  void jobQueued(String id, String jobId) {
    jdbc.update("update mail_outbox set job_id = ? where id = ?", jobId, id);
  }

  /** A failed or held mail goes back in the queue; a sent one never does. */
  boolean reopen(String id) {
    return jdbc.update("update mail_outbox set status = ?, attempts = 0 where id = ? and status in (?, ?)",
        MailStatus.PENDING.name(), id, MailStatus.FAILED.name(), MailStatus.HELD.name()) > 0;
  }

  void rendered(String id, String recipients, String subject, String text, String html) {
    jdbc.update("update mail_outbox set recipients = ?, subject = ?, body_text = ?, body_html = ? where id = ?",
        truncate(recipients, 4000), truncate(subject, 300), truncate(text, 20000), truncate(html, 40000), id);
  }

  void sent(String id) {
    jdbc.update("update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?",
        MailStatus.SENT.name(), Timestamp.from(Instant.now()), id);
  }

  void settled(String id, MailStatus status, String reason) {
    jdbc.update("update mail_outbox set status = ?, last_error = ? where id = ?", status.name(),
        truncate(reason, 2000), id);
  }

  void attemptFailed(String id, String error, boolean lastAttempt) {
    jdbc.update("update mail_outbox set attempts = attempts + 1, last_error = ?, status = ? where id = ?",
        truncate(error, 2000), (lastAttempt ? MailStatus.FAILED : MailStatus.PENDING).name(), id);
  }

  public Optional<OutboxEntry> entry(String id) {
    return jdbc.query("select * from mail_outbox where id = ?", ROW, id).stream().findFirst();
  }

  public Optional<OutboxEntry> byKey(String dedupeKey) {
    return jdbc.query("select * from mail_outbox where dedupe_key = ?", ROW, dedupeKey).stream().findFirst();
  }

  public List<OutboxEntry> latest(int limit) {
    return jdbc.query("select * from mail_outbox order by created_at desc, id limit ?", ROW, limit);
  }

  public List<OutboxEntry> forProcess(String processInstanceId) {
    return jdbc.query("select * from mail_outbox where process_instance_id = ? order by created_at, id", ROW,
        processInstanceId);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static final RowMapper<OutboxEntry> ROW = (rs, n) -> new OutboxEntry(
      rs.getString("id"), rs.getString("dedupe_key"), MailKind.valueOf(rs.getString("kind")),
      rs.getString("task_id"), rs.getString("process_instance_id"), rs.getString("product_name"),
      rs.getString("detail"), MailStatus.valueOf(rs.getString("status")), rs.getString("recipients"),
      rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"),
      rs.getString("last_error"), rs.getString("job_id"),
      rs.getTimestamp("created_at").toInstant(),
      rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
}
