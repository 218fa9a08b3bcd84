package dk.os2.governance.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail_outbox table, with each mail's facts (mail_fact) and recipients (mail_recipient), one
 * row each, in order.
 */
@Repository
public class Outbox {

  /** One row of {@code mail_outbox}, as stored. */
  record Row(String id, String dedupeKey, MailKind kind, String taskId, String processInstanceId, String productName,
      MailStatus status, String subject, String bodyText, String bodyHtml, int attempts, String lastError,
      String jobId, Instant createdAt, Instant sentAt) {}

  record FactRow(String mailId, String label, String factValue) {}

  record RecipientRow(String mailId, String address) {}

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a mail unless one with the same key exists; returns its id, or empty for a duplicate. */
  Optional<String> add(String dedupeKey, MailKind kind, String taskId, String processInstanceId, String productName,
      List<MailContent.Fact> facts) {
    String id = UUID.randomUUID().toString();
    // Check first: a failed insert would abort a PostgreSQL transaction that other work shares.
    int existing = jdbc.sql("select count(*) from mail_outbox where dedupe_key = ?").param(dedupeKey)
        .query(Integer.class).single();
    if (existing > 0) {
      return Optional.empty();
    }
    try {
      jdbc.sql("""
          insert into mail_outbox (id, dedupe_key, kind, task_id, process_instance_id, product_name,
            status, attempts, created_at)
          values (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
          .params(id, dedupeKey, kind.name(), taskId, processInstanceId, truncate(productName, 100),
              MailStatus.PENDING.name(), Timestamp.from(Instant.now()))
          .update();
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    List<MailContent.Fact> given = facts == null ? List.of() : facts;
    for (int i = 0; i < given.size(); i++) {
      jdbc.sql("insert into mail_fact (mail_id, position, label, fact_value) values (?, ?, ?, ?)")
          .params(id, i, truncate(given.get(i).label(), 100), truncate(given.get(i).value(), 4000)).update();
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

  void rendered(String id, Collection<String> recipients, String subject, String text, String html) {
    jdbc.sql("update mail_outbox set subject = ?, body_text = ?, body_html = ? where id = ?")
        .params(truncate(subject, 300), truncate(text, 20000), truncate(html, 40000), id)
        .update();
    recipients(id, recipients);
  }

  /** The mail's recipients, in order, replacing any known before. */
  void recipients(String id, Collection<String> addresses) {
    jdbc.sql("delete from mail_recipient where mail_id = ?").param(id).update();
    int position = 0;
    for (String address : addresses) {
      jdbc.sql("insert into mail_recipient (mail_id, position, address) values (?, ?, ?)")
          .params(id, position++, truncate(address, 400)).update();
    }
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
    return complete(jdbc.sql("select * from mail_outbox where id = ?").param(id).query(Row.class).list())
        .stream().findFirst();
  }

  public Optional<OutboxEntry> byKey(String dedupeKey) {
    return complete(jdbc.sql("select * from mail_outbox where dedupe_key = ?").param(dedupeKey).query(Row.class)
        .list()).stream().findFirst();
  }

  public List<OutboxEntry> latest(int limit) {
    return complete(jdbc.sql("select * from mail_outbox order by created_at desc, id limit ?").param(limit)
        .query(Row.class).list());
  }

  public List<OutboxEntry> forProcess(String processInstanceId) {
    return complete(jdbc.sql("select * from mail_outbox where process_instance_id = ? order by created_at, id")
        .param(processInstanceId).query(Row.class).list());
  }

  /** The rows with their facts and recipients, read in one query each. */
  private List<OutboxEntry> complete(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().map(Row::id).toList();
    Map<String, List<MailContent.Fact>> facts = jdbc.sql("""
            select mail_id, label, fact_value from mail_fact where mail_id in (:ids) order by mail_id, position""")
        .param("ids", ids).query(FactRow.class).list().stream()
        .collect(Collectors.groupingBy(FactRow::mailId, LinkedHashMap::new,
            Collectors.mapping(f -> new MailContent.Fact(f.label(), f.factValue()), Collectors.toList())));
    Map<String, List<String>> recipients = jdbc.sql("""
            select mail_id, address from mail_recipient where mail_id in (:ids) order by mail_id, position""")
        .param("ids", ids).query(RecipientRow.class).list().stream()
        .collect(Collectors.groupingBy(RecipientRow::mailId, LinkedHashMap::new,
            Collectors.mapping(RecipientRow::address, Collectors.toList())));
    return rows.stream().map(r -> new OutboxEntry(r.id(), r.dedupeKey(), r.kind(), r.taskId(), r.processInstanceId(),
        r.productName(), List.copyOf(facts.getOrDefault(r.id(), List.of())), r.status(),
        List.copyOf(recipients.getOrDefault(r.id(), List.of())), r.subject(), r.bodyText(), r.bodyHtml(),
        r.attempts(), r.lastError(), r.jobId(), r.createdAt(), r.sentAt())).toList();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
