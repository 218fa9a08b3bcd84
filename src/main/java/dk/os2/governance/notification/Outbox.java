package dk.os2.governance.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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

  /** A fact (with its label) or a recipient (without one) of a mail, at its position. */
  record ChildRow(String mailId, int position, String label, String textValue) {}

  private final JdbcTemplate template;
  private final JdbcClient jdbc;

  Outbox(JdbcTemplate template) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
  }

  /**
   * Adds a mail, sent by the given job, unless one with the same key exists; returns its id, or
   * empty for a duplicate. One statement for the row, one each for its facts and recipients.
   */
  Optional<String> add(String dedupeKey, MailKind kind, String taskId, String processInstanceId, String productName,
      List<MailContent.Fact> facts, Collection<String> recipients, String jobId) {
    String id = UUID.randomUUID().toString();
    int added;
    try {
      // Inserted only when the key is new (checked in the insert itself: a failed insert would
      // abort a PostgreSQL transaction that other work shares).
      added = jdbc.sql("""
          insert into mail_outbox (id, dedupe_key, kind, task_id, process_instance_id, product_name,
            status, attempts, job_id, created_at)
          select ?, ?, ?, ?, ?, ?, ?, 0, ?, cast(? as timestamp)
          where not exists (select 1 from mail_outbox where dedupe_key = ?)""")
          .params(id, dedupeKey, kind.name(), taskId, processInstanceId, truncate(productName, 100),
              MailStatus.PENDING.name(), jobId, Timestamp.from(Instant.now()), dedupeKey)
          .update();
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    if (added == 0) {
      return Optional.empty();
    }
    List<MailContent.Fact> given = facts == null ? List.of() : facts;
    if (!given.isEmpty()) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        rows.add(new Object[] {id, i, truncate(given.get(i).label(), 100), truncate(given.get(i).value(), 4000)});
      }
      insertRows("mail_fact (mail_id, position, label, fact_value)", rows);
    }
    if (recipients != null && !recipients.isEmpty()) {
      insertRecipients(id, recipients);
    }
    return Optional.of(id);
  }

  void jobQueued(String id, String jobId) {
    jdbc.sql("update mail_outbox set job_id = ? where id = ?").params(jobId, id).update();
  }

  /** How many failed mails still wait on the job (each keeps its incident open). */
  int failedOnJob(String jobId) {
    return jdbc.sql("select count(*) from mail_outbox where job_id = ? and status = ?")
        .params(jobId, MailStatus.FAILED.name()).query(Integer.class).single();
  }

  /**
   * The mails a sending job still has to send: those queued on it (by its id), or the one mail a
   * job of an earlier version names (by the mail's id).
   */
  List<OutboxEntry> pendingFor(String key) {
    return complete(jdbc.sql("""
            select * from mail_outbox where (job_id = ? or id = ?) and status = ? order by created_at, id""")
        .params(key, key, MailStatus.PENDING.name()).query(Row.class).list());
  }

  /** A failed or held mail goes back in the queue; a sent one never does. */
  boolean reopen(String id) {
    return jdbc.sql("update mail_outbox set status = ?, attempts = 0 where id = ? and status in (?, ?)")
        .params(MailStatus.PENDING.name(), id, MailStatus.FAILED.name(), MailStatus.HELD.name()).update() > 0;
  }

  /** Stores what the mail says and to whom (the recipients only when they changed). */
  void rendered(OutboxEntry entry, Collection<String> recipients, String subject, String text, String html) {
    jdbc.sql("update mail_outbox set subject = ?, body_text = ?, body_html = ? where id = ?")
        .params(truncate(subject, 300), truncate(text, 20000), truncate(html, 40000), entry.id())
        .update();
    recipients(entry, recipients);
  }

  /** Marks the mail sent, with what it said and to whom, in one update of its row. */
  void sent(OutboxEntry entry, Collection<String> recipients, String subject, String text, String html) {
    jdbc.sql("""
            update mail_outbox set subject = ?, body_text = ?, body_html = ?, status = ?, sent_at = ?,
              attempts = attempts + 1, last_error = null where id = ?""")
        .params(truncate(subject, 300), truncate(text, 20000), truncate(html, 40000), MailStatus.SENT.name(),
            Timestamp.from(Instant.now()), entry.id())
        .update();
    recipients(entry, recipients);
  }

  /** The mail's recipients, in order, replacing those stored before when they differ. */
  private void recipients(OutboxEntry entry, Collection<String> recipients) {
    if (List.copyOf(recipients).equals(entry.addresses())) {
      return;
    }
    if (!entry.addresses().isEmpty()) {
      jdbc.sql("delete from mail_recipient where mail_id = ?").param(entry.id()).update();
    }
    insertRecipients(entry.id(), recipients);
  }

  private void insertRecipients(String id, Collection<String> addresses) {
    if (addresses.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (String address : addresses) {
      rows.add(new Object[] {id, position++, truncate(address, 400)});
    }
    insertRows("mail_recipient (mail_id, position, address)", rows);
  }

  /** The rows in one insert statement with a values list each (a mail has a handful of facts or recipients). */
  private void insertRows(String tableAndColumns, List<Object[]> rows) {
    String one = "(" + String.join(", ", Collections.nCopies(rows.get(0).length, "?")) + ")";
    template.update("insert into " + tableAndColumns + " values " + String.join(", ", Collections.nCopies(
        rows.size(), one)), rows.stream().flatMap(Arrays::stream).toArray());
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

  /**
   * The rows with their facts and recipients, read in one query each, and only for rows that may
   * have any: a task's mail that was never rendered has neither ({@link #neverRendered}), so a job
   * sending only such mails reads no more than its rows.
   */
  private List<OutboxEntry> complete(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> ids = rows.stream().filter(r -> !neverRendered(r)).map(Row::id).toList();
    // Facts (a label) and recipients (none) in one query, each in its order.
    List<ChildRow> children = ids.isEmpty() ? List.of() : jdbc.sql("""
            select mail_id, position, label, fact_value as text_value from mail_fact where mail_id in (:ids)
            union all
            select mail_id, position, null, address from mail_recipient where mail_id in (:ids)
            order by mail_id, position""")
        .param("ids", ids).query(ChildRow.class).list();
    Map<String, List<MailContent.Fact>> facts = children.stream().filter(c -> c.label() != null)
        .collect(Collectors.groupingBy(ChildRow::mailId, LinkedHashMap::new,
            Collectors.mapping(f -> new MailContent.Fact(f.label(), f.textValue()), Collectors.toList())));
    Map<String, List<String>> recipients = children.stream().filter(c -> c.label() == null)
        .collect(Collectors.groupingBy(ChildRow::mailId, LinkedHashMap::new,
            Collectors.mapping(ChildRow::textValue, Collectors.toList())));
    return rows.stream().map(r -> new OutboxEntry(r.id(), r.dedupeKey(), r.kind(), r.taskId(), r.processInstanceId(),
        r.productName(), List.copyOf(facts.getOrDefault(r.id(), List.of())), r.status(),
        List.copyOf(recipients.getOrDefault(r.id(), List.of())), r.subject(), r.bodyText(), r.bodyHtml(),
        r.attempts(), r.lastError(), r.jobId(), r.createdAt(), r.sentAt())).toList();
  }

  /**
   * A task's mail queued on a sending job (this version's queue: without facts or recipients) and
   * never rendered since; a row queued before mails had jobs may carry recipients from its queueing.
   */
  private static boolean neverRendered(Row row) {
    return row.kind().composedWhenSent() && row.subject() == null && row.jobId() != null;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
