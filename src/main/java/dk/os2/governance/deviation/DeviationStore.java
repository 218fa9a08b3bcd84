package dk.os2.governance.deviation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code deviation} table. */
@Repository
class DeviationStore {

  static final String OPEN = "OPEN";
  static final String CLOSED = "CLOSED";

  /** One row of {@code deviation}, as stored. */
  record Row(String id, String productId, String criterionId, String criterionTitle, String catalogueReference,
      String reason, String ownerId, boolean ownerIsGroup, LocalDate expiresOn, String status, LocalDate remindedFor,
      String processInstanceId, LocalDate createdOn, String createdBy, LocalDate closedOn, String closedBy) {}

  private final JdbcClient jdbc;

  DeviationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String insert(String productId, String criterionId, String criterionTitle, String catalogueReference,
      String reason, String ownerId, boolean ownerIsGroup, LocalDate expiresOn, LocalDate createdOn,
      String processInstanceId) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("""
        insert into deviation (id, product_id, criterion_id, criterion_title, catalogue_reference, reason, owner_id,
          owner_is_group, expires_on, status, process_instance_id, created_on, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, productId, criterionId, truncate(criterionTitle, 300), truncate(catalogueReference, 160),
            truncate(reason, 4000), ownerId, ownerIsGroup, Date.valueOf(expiresOn), OPEN, processInstanceId,
            Date.valueOf(createdOn), now, now)
        .update();
    return id;
  }

  Optional<Row> find(String id) {
    return jdbc.sql("select * from deviation where id = ?").param(id).query(Row.class).optional();
  }

  Optional<Row> open(String productId, String criterionId) {
    return jdbc.sql("select * from deviation where product_id = ? and criterion_id = ? and status = ?")
        .params(productId, criterionId, OPEN).query(Row.class).optional();
  }

  List<Row> forProduct(String productId) {
    return jdbc.sql("select * from deviation where product_id = ? order by expires_on, criterion_id")
        .param(productId).query(Row.class).list();
  }

  List<Row> openExpiringBy(LocalDate until) {
    return jdbc.sql("select * from deviation where status = ? and expires_on <= ? order by expires_on, product_id, criterion_id")
        .params(OPEN, Date.valueOf(until)).query(Row.class).list();
  }

  Deviations.ExpiryCounts countOpenExpiringBy(LocalDate today, LocalDate until) {
    return jdbc.sql("""
        select count(case when expires_on >= :today then 1 end) as expiring,
          count(case when expires_on < :today then 1 end) as expired
        from deviation where status = :open and expires_on <= :until""")
        .param("today", Date.valueOf(today)).param("until", Date.valueOf(until)).param("open", OPEN)
        .query(Deviations.ExpiryCounts.class).single();
  }

  List<Row> all() {
    return jdbc.sql("select * from deviation order by expires_on, product_id, criterion_id").query(Row.class).list();
  }

  /** Open deviations expiring on or before the day whose current expiry date has had no reminder. */
  List<Row> dueForReminder(LocalDate horizon) {
    return jdbc.sql("""
        select * from deviation where status = ? and expires_on <= ?
          and (reminded_for is null or reminded_for <> expires_on) order by expires_on""")
        .params(OPEN, Date.valueOf(horizon)).query(Row.class).list();
  }

  /** Marks the reminder of this expiry date queued; false when another run did it first. */
  boolean reminded(String id, LocalDate expiresOn) {
    return jdbc.sql("""
        update deviation set reminded_for = ? where id = ? and expires_on = ?
          and (reminded_for is null or reminded_for <> ?)""")
        .params(Date.valueOf(expiresOn), id, Date.valueOf(expiresOn), Date.valueOf(expiresOn)).update() == 1;
  }

  void reason(String id, String reason, String criterionTitle) {
    jdbc.sql("update deviation set reason = ?, criterion_title = ?, updated_at = ? where id = ?")
        .params(truncate(reason, 4000), truncate(criterionTitle, 300), Timestamp.from(Instant.now()), id).update();
  }

  void change(String id, String ownerId, boolean ownerIsGroup, LocalDate expiresOn) {
    jdbc.sql("update deviation set owner_id = ?, owner_is_group = ?, expires_on = ?, updated_at = ? where id = ?")
        .params(ownerId, ownerIsGroup, Date.valueOf(expiresOn), Timestamp.from(Instant.now()), id).update();
  }

  void close(String id, LocalDate on, String by) {
    jdbc.sql("update deviation set status = ?, closed_on = ?, closed_by = ?, updated_at = ? where id = ?")
        .params(CLOSED, Date.valueOf(on), by, Timestamp.from(Instant.now()), id).update();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
