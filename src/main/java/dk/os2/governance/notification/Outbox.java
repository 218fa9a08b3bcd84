package dk.os2.governance.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail_outbox table. */
@Repository
public class Outbox {

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a mail unless one with the same key exists; returns its id, or empty for a duplicate. */
  Optional<String> add(String dedupeKey, MailKind kind, String taskId, String processInstanceId, String productName,
      String detail) {
    String id = UUID.randomUUID().toString();
    // Check first: a failed insert would abort a PostgreSQL transaction that other work shares.
    int existing = jdbc.sql("select count(*) from mail_outbox where dedupe_key = ?").param(dedupeKey)
        .query(Integer.class).single();
    if (existing > 0) {
      return Optional.empty();
    }
    try {
      jdbc.sql("""
          insert into mail_outbox (id, dedupe_key, kind, task_id, process_instance_id, product_name, detail,
            status, attempts, created_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
          .params(id, dedupeKey, kind.name(), taskId, processInstanceId, truncate(productName, 100),
              truncate(detail, 4000), MailStatus.PENDING.name(), Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  void jobQueued(String id, String jobId) {
    jdbc.sql("update mail_outbox set job_id = ? where id = ?").params(jobId, id).update();
  }

  /** A failed or held mail goes back in the queue; a sent one never does. */
  boolean reopen(String id) {
    return jdbc.sql("update mail_outbox set status = ?, attempts = 0 where id = ? and status in (?, ?)")
        .params(MailStatus.PENDING.name(), id, MailStatus.FAILED.name(), MailStatus.HELD.name()).update() > 0;
  }

  void rendered(String id, String recipients, String subject, String text, String html) {
    jdbc.sql("update mail_outbox set recipients = ?, subject = ?, body_text = ?, body_html = ? where id = ?")
        .params(truncate(recipients, 4000), truncate(subject, 300), truncate(text, 20000), truncate(html, 40000), id)
        .update();
  }

  void sent(String id) {
    jdbc.sql("update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
        .params(MailStatus.SENT.name(), Timestamp.from(Instant.now()), id).update();
  }

  void settled(String id, MailStatus status, String reason) {
    jdbc.sql("update mail_outbox set status = ?, last_error = ? where id = ?")
        .params(status.name(), truncate(reason, 2000), id).update();
  }

  void attemptFailed(String id, String error, boolean lastAttempt) {
    jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ?, status = ? where id = ?")
        .params(truncate(error, 2000), (lastAttempt ? MailStatus.FAILED : MailStatus.PENDING).name(), id).update();
  }

  public Optional<OutboxEntry> entry(String id) {
    return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(OutboxEntry.class).optional();
  }

  public Optional<OutboxEntry> byKey(String dedupeKey) {
    return jdbc.sql("select * from mail_outbox where dedupe_key = ?").param(dedupeKey).query(OutboxEntry.class)
        .optional();
  }

  public List<OutboxEntry> latest(int limit) {
    return jdbc.sql("select * from mail_outbox order by created_at desc, id limit ?").param(limit)
        .query(OutboxEntry.class).list();
  }

  public List<OutboxEntry> forProcess(String processInstanceId) {
    return jdbc.sql("select * from mail_outbox where process_instance_id = ? order by created_at, id")
        .param(processInstanceId).query(OutboxEntry.class).list();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
