package dk.os2.governance.portfolio;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The portfolio's tables. Called from the engine's delegates, it joins the engine's transaction:
 * a rolled-back task completion leaves no trace here either. A change of a product's level or
 * status is announced as {@link LevelChanged}, synchronously, in the same transaction.
 */
@Repository
public class Portfolio {

  static final String UNKNOWN = "(ikke oplyst)";

  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  Portfolio(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** What a proposal says about its product. */
  public record Proposal(
      String name,
      String purpose,
      String need,
      String proposingMunicipality,
      String contactName,
      String contactEmail,
      String participatingMunicipalities,
      String suppliers,
      String licence,
      String repositoryUrl,
      String requestedLevel,
      String proposedBy,
      String processInstanceId) {}

  /**
   * The key under which a name is unique in the portfolio: trimmed, inner whitespace collapsed to
   * one space, lower-cased. The database's unique index on it is what makes the rule hold when
   * several proposals with the same name arrive at once.
   */
  public static String nameKey(String name) {
    return name == null ? null : WHITESPACE.matcher(name).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }

  /** @throws ProductNameTaken when a proposed or active product already carries the name. */
  public String registerProposal(Proposal p) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.update("""
          insert into product (id, name, name_key, status, purpose, need, proposing_municipality, contact_name,
            contact_email, participating_municipalities, suppliers, licence, repository_url,
            requested_level, proposed_by, proposal_process_id, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          id, p.name(), nameKey(p.name()), ProductStatus.PROPOSED.name(), p.purpose(), p.need(),
          p.proposingMunicipality(), p.contactName(), p.contactEmail(), p.participatingMunicipalities(),
          p.suppliers(), p.licence(), p.repositoryUrl(), p.requestedLevel(), p.proposedBy(),
          p.processInstanceId(), now, now);
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(p.name());
    }
    return id;
  }

  /** @throws ProductNameTaken when another proposed or active product already carries the name. */
  public void updateProposal(String productId, Proposal p) {
    try {
      jdbc.update("""
          update product set name = ?,
            name_key = case when status in ('PROPOSED', 'ACTIVE') then cast(? as varchar(150)) else null end,
            purpose = ?, need = ?, proposing_municipality = ?, contact_name = ?,
            contact_email = ?, participating_municipalities = ?, suppliers = ?, licence = ?,
            repository_url = ?, requested_level = ?, updated_at = ?
          where id = ?""",
          p.name(), nameKey(p.name()), p.purpose(), p.need(), p.proposingMunicipality(), p.contactName(),
          p.contactEmail(), p.participatingMunicipalities(), p.suppliers(), p.licence(), p.repositoryUrl(),
          p.requestedLevel(), Timestamp.from(Instant.now()), productId);
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(p.name());
    }
  }

  /**
   * A product known only from an imported evaluation report: in the portfolio, details unknown. It
   * enters the portfolio at the level, which is announced like any other level change.
   */
  public String registerFromReport(String name, String level) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.update("""
          insert into product (id, name, name_key, level, status, proposing_municipality, contact_name,
            contact_email, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          id, name, nameKey(name), level, ProductStatus.ACTIVE.name(), UNKNOWN, UNKNOWN, UNKNOWN, now, now);
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(name);
    }
    events.publishEvent(new LevelChanged(id, name, null, null, level, ProductStatus.ACTIVE, null, null));
    return id;
  }

  /** The product in the portfolio (proposed or active) with this name, ignoring case and whitespace. */
  public Optional<Product> productNamed(String name) {
    return jdbc.query("select * from product where name_key = ? and status in ('PROPOSED', 'ACTIVE') "
        + "order by created_at", PRODUCT, nameKey(name)).stream().findFirst();
  }

  /** A product approved at a level outside any process (sample data, tests). */
  public void approve(String productId, String level, LocalDate since) {
    approve(productId, level, since, null);
  }

  /** The board approved the product at a level, in the given process. */
  public void approve(String productId, String level, LocalDate since, String processInstanceId) {
    Optional<Product> before = product(productId);
    jdbc.update("update product set status = ?, level = ?, level_since = ?, updated_at = ? where id = ?",
        ProductStatus.ACTIVE.name(), level, Date.valueOf(since), Timestamp.from(Instant.now()), productId);
    before.ifPresent(p -> changed(p, level, ProductStatus.ACTIVE, since, processInstanceId));
  }

  /** A product rejected outside any process (tests). */
  public void reject(String productId) {
    reject(productId, null);
  }

  /** A rejected product no longer holds its name: it may be proposed again. */
  public void reject(String productId, String processInstanceId) {
    Optional<Product> before = product(productId);
    jdbc.update("update product set status = ?, name_key = null, updated_at = ? where id = ?",
        ProductStatus.REJECTED.name(), Timestamp.from(Instant.now()), productId);
    before.ifPresent(p -> changed(p, p.level(), ProductStatus.REJECTED, null, processInstanceId));
  }

  /** Where the product is used (one municipality a line) and whether one code version is declared. */
  public void usage(String productId, String municipalities, boolean singleCodeVersion) {
    jdbc.update("update product set participating_municipalities = ?, single_code_version = ?, updated_at = ? where id = ?",
        municipalities, singleCodeVersion, Timestamp.from(Instant.now()), productId);
  }

  public boolean singleCodeVersion(String productId) {
    return product(productId).map(Product::singleCodeVersion).orElse(false);
  }

  public LocalDate handoverAcceptedOn(String productId) {
    return product(productId).map(Product::handoverAcceptedOn).orElse(null);
  }

  public void handoverAccepted(String productId, LocalDate on) {
    jdbc.update("update product set handover_accepted_on = ?, updated_at = ? where id = ?",
        on == null ? null : Date.valueOf(on), Timestamp.from(Instant.now()), productId);
  }

  /** A new level after a board decision in the process; {@code null} level with RETIRED status retires it. */
  public void changeLevel(String productId, String level, ProductStatus status, LocalDate since,
      String processInstanceId) {
    Optional<Product> before = product(productId);
    jdbc.update("update product set level = ?, status = ?, level_since = ?, updated_at = ? where id = ?",
        level, status.name(), Date.valueOf(since), Timestamp.from(Instant.now()), productId);
    if (status != ProductStatus.ACTIVE && status != ProductStatus.PROPOSED) {
      // A retired product leaves the portfolio and with it its hold on the name.
      jdbc.update("update product set name_key = null where id = ?", productId);
    }
    before.ifPresent(p -> changed(p, level, status, since, processInstanceId));
  }

  /** Tells the listeners, in this thread and transaction, what the product was and is now. */
  private void changed(Product before, String level, ProductStatus status, LocalDate since, String processInstanceId) {
    events.publishEvent(new LevelChanged(before.id(), before.name(), before.level(), before.status(), level, status,
        since, processInstanceId));
  }

  /**
   * The product's evaluation dates: the last (left as it is when {@code null}) and the next
   * ({@code null}: none planned).
   */
  public void evaluationCycle(String productId, LocalDate last, LocalDate next) {
    if (last != null) {
      jdbc.update("update product set last_evaluation = ? where id = ?", Date.valueOf(last), productId);
    }
    jdbc.update("update product set next_evaluation = ?, updated_at = ? where id = ?",
        next == null ? null : Date.valueOf(next), Timestamp.from(Instant.now()), productId);
  }

  /** The members of the product's groups: kind, user id, role, organisation. */
  public List<String[]> groupMembers(String productId) {
    return jdbc.query("select * from product_group_member where product_id = ? order by group_kind, user_id",
        (rs, n) -> new String[] {rs.getString("group_kind"), rs.getString("user_id"), rs.getString("member_role"),
            rs.getString("organisation")}, productId);
  }

  public List<Product> products() {
    return jdbc.query("select * from product order by lower(name)", PRODUCT);
  }

  public Optional<Product> product(String id) {
    return jdbc.query("select * from product where id = ?", PRODUCT, id).stream().findFirst();
  }

  /**
   * Whether another product that is proposed or in the portfolio already carries this name,
   * ignoring case and whitespace. A friendly early answer only: the unique index decides.
   */
  public boolean nameTaken(String name, String exceptProductId) {
    Integer count = jdbc.queryForObject("""
        select count(*) from product
        where name_key = ? and status in ('PROPOSED', 'ACTIVE') and id <> ?""",
        Integer.class, nameKey(name), exceptProductId == null ? "" : exceptProductId);
    return count != null && count > 0;
  }

  public void record(Decision d) {
    jdbc.update("""
        insert into governance_decision (id, product_id, process_instance_id, task_key, body, decided_by,
          outcome, level, rationale, justification, meeting_date, minutes_reference, indicative_level,
          catalogue_reference, decided_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        d.id() == null ? UUID.randomUUID().toString() : d.id(), d.productId(), d.processInstanceId(),
        d.taskKey(), d.body(), d.decidedBy(), d.outcome(), d.level(), d.rationale(), d.justification(),
        d.meetingDate() == null ? null : Date.valueOf(d.meetingDate()), d.minutesReference(),
        d.indicativeLevel(), d.catalogueReference(),
        Timestamp.from(d.decidedAt() == null ? Instant.now() : d.decidedAt()));
  }

  /**
   * What the given task of a process instance last recorded: the decision that the steps after the
   * task act on, rather than process variables that a later submission could overwrite.
   */
  public Optional<Decision> latestDecision(String processInstanceId, String taskKey) {
    return jdbc.query("""
        select * from governance_decision where process_instance_id = ? and task_key = ?
        order by decided_at desc, id desc limit 1""", DECISION, processInstanceId, taskKey).stream().findFirst();
  }

  public List<Decision> decisions(String productId) {
    return jdbc.query("select * from governance_decision where product_id = ? order by decided_at, id",
        DECISION, productId);
  }

  private static final RowMapper<Product> PRODUCT = (rs, n) -> new Product(
      rs.getString("id"), rs.getString("name"), rs.getString("level"),
      ProductStatus.valueOf(rs.getString("status")), rs.getString("purpose"), rs.getString("need"),
      rs.getString("proposing_municipality"), rs.getString("contact_name"), rs.getString("contact_email"),
      rs.getString("participating_municipalities"), rs.getString("suppliers"), rs.getString("licence"),
      rs.getString("repository_url"), rs.getString("requested_level"), rs.getString("proposed_by"),
      rs.getString("proposal_process_id"), date(rs, "level_since"), instant(rs, "created_at"),
      instant(rs, "updated_at"), rs.getBoolean("single_code_version"), date(rs, "handover_accepted_on"),
      date(rs, "last_evaluation"), date(rs, "next_evaluation"));

  private static final RowMapper<Decision> DECISION = (rs, n) -> new Decision(
      rs.getString("id"), rs.getString("product_id"), rs.getString("process_instance_id"),
      rs.getString("task_key"), rs.getString("body"), rs.getString("decided_by"), rs.getString("outcome"),
      rs.getString("level"), rs.getString("rationale"), rs.getString("justification"),
      date(rs, "meeting_date"), rs.getString("minutes_reference"), rs.getString("indicative_level"),
      rs.getString("catalogue_reference"), instant(rs, "decided_at"));

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
