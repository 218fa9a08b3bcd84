package dk.os2.governance.portfolio;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import dk.os2.governance.process.TransactionCache;
import org.springframework.context.ApplicationEventPublisher;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private static final Pattern MUNICIPALITY_SEPARATORS = Pattern.compile("[\\n,;]");

  // Writes of the decision and level steps stay on the template; reads map rows onto records.
  private final JdbcTemplate jdbc;
  private final JdbcClient sql;

  private final ApplicationEventPublisher events;

  /**
   * Products read in this transaction, by id and by proposal: the delegates, listeners and checks
   * of one task completion each ask for the product, and it is read once (cleared by every write
   * here, the only writer of {@code product} and {@code product_municipality}).
   */
  /** A product's row, mapped as {@link JdbcClient} maps a record (by column name). */
  private static final RowMapper<ProductRow> PRODUCT_ROWS = new SimplePropertyRowMapper<>(ProductRow.class);

  private final TransactionCache<Optional<Product>> read = new TransactionCache<>();

  Portfolio(JdbcTemplate jdbc, JdbcClient sql, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.events = events;
  }

  /**
   * One row of {@code product}, as stored (columns map onto components by name); the
   * municipalities where the product is used, rows of {@code product_municipality}, complete it.
   */
  record ProductRow(String id, String name, String level, ProductStatus status, String purpose, String need,
      String proposingMunicipality, String contactName, String contactEmail, String suppliers, String licence,
      String repositoryUrl, String requestedLevel, String proposedBy, String proposalProcessId, LocalDate levelSince,
      Instant createdAt, Instant updatedAt, boolean singleCodeVersion, LocalDate handoverAcceptedOn,
      LocalDate lastEvaluation, LocalDate nextEvaluation) {

    Product with(List<String> municipalities) {
      return new Product(id, name, level, status, purpose, need, proposingMunicipality, contactName, contactEmail,
          municipalities, suppliers, licence, repositoryUrl, requestedLevel, proposedBy, proposalProcessId,
          levelSince, createdAt, updatedAt, singleCodeVersion, handoverAcceptedOn, lastEvaluation, nextEvaluation);
    }
  }

  /** One row of {@code product_municipality}. */
  record MunicipalityRow(String productId, String municipality) {}

  /**
   * The municipalities named in a text as a person types it (the proposal form's free text, the
   * product page's text box): one a line, commas and semicolons separating too; trimmed, with
   * blank and repeated names left out. Typed input is read here, once; the portfolio stores the list.
   */
  public static List<String> municipalities(String text) {
    return text == null ? List.of() : Arrays.stream(MUNICIPALITY_SEPARATORS.split(text)).map(String::trim)
        .filter(s -> !s.isEmpty()).distinct().toList();
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

  /** The lower-cased name the portfolio list sorts by (indexed, unlike an expression on the name). */
  static String nameSort(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  /**
   * The name as it reads in an address: lower case, æ/ø/å spelled out, accents dropped, anything
   * but letters and digits a single hyphen ("OS2 mødebooking" → {@code os2-moedebooking}). Stored
   * in {@code product.slug} (indexed) wherever the name is written, so a badge is found by it in one lookup.
   */
  public static String slug(String name) {
    if (name == null) {
      return null;
    }
    String spelled = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
    String ascii = java.text.Normalizer.normalize(spelled, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** @throws ProductNameTaken when a proposed or active product already carries the name. */
  public String registerProposal(Proposal p) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.update("""
          insert into product (id, name, name_key, name_sort, slug, status, purpose, need, proposing_municipality,
            contact_name, contact_email, suppliers, licence, repository_url,
            requested_level, proposed_by, proposal_process_id, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          id, p.name(), nameKey(p.name()), nameSort(p.name()), slug(p.name()), ProductStatus.PROPOSED.name(), p.purpose(), p.need(),
          p.proposingMunicipality(), p.contactName(), p.contactEmail(),
          p.suppliers(), p.licence(), p.repositoryUrl(), p.requestedLevel(), p.proposedBy(),
          p.processInstanceId(), now, now);
      read.clear();
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(p.name());
    }
    municipalitiesInUse(id, municipalities(p.participatingMunicipalities()));
    return id;
  }

  /** @throws ProductNameTaken when another proposed or active product already carries the name. */
  public void updateProposal(String productId, Proposal p) {
    try {
      jdbc.update("""
          update product set name = ?, name_sort = ?, slug = ?,
            name_key = case when status in ('PROPOSED', 'ACTIVE') then cast(? as varchar(150)) else null end,
            purpose = ?, need = ?, proposing_municipality = ?, contact_name = ?,
            contact_email = ?, suppliers = ?, licence = ?,
            repository_url = ?, requested_level = ?, updated_at = ?
          where id = ?""",
          p.name(), nameSort(p.name()), slug(p.name()), nameKey(p.name()), p.purpose(), p.need(), p.proposingMunicipality(), p.contactName(),
          p.contactEmail(), p.suppliers(), p.licence(), p.repositoryUrl(),
          p.requestedLevel(), Timestamp.from(Instant.now()), productId);
      read.clear();
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(p.name());
    }
    municipalitiesInUse(productId, municipalities(p.participatingMunicipalities()));
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
          insert into product (id, name, name_key, name_sort, slug, level, status, proposing_municipality,
            contact_name, contact_email, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          id, name, nameKey(name), nameSort(name), slug(name), level, ProductStatus.ACTIVE.name(), UNKNOWN, UNKNOWN, UNKNOWN, now, now);
      read.clear();
    } catch (DuplicateKeyException e) {
      throw new ProductNameTaken(name);
    }
    events.publishEvent(new LevelChanged(id, name, null, null, level, ProductStatus.ACTIVE, null, null));
    return id;
  }

  /** The product in the portfolio (proposed or active) with this name, ignoring case and whitespace. */
  public Optional<Product> productNamed(String name) {
    return complete(sql.sql("select * from product where name_key = ? and status in ('PROPOSED', 'ACTIVE') "
        + "order by created_at").param(nameKey(name)).query(ProductRow.class).list()).stream().findFirst();
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
    read.clear();
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
    read.clear();
    before.ifPresent(p -> changed(p, p.level(), ProductStatus.REJECTED, null, processInstanceId));
  }

  /** Where the product is used (one municipality an entry) and whether one code version is declared. */
  public void usage(String productId, List<String> municipalities, boolean singleCodeVersion) {
    List<String> inUse = municipalities == null ? List.of()
        : municipalities.stream().flatMap(m -> municipalities(m).stream()).distinct().toList();
    // Nothing written, and nobody told, when nothing changes (the board's approval of a proposal
    // states the usage the proposal registered).
    if (product(productId).filter(p -> p.singleCodeVersion() == singleCodeVersion && p.municipalities().equals(inUse))
        .isPresent()) {
      return;
    }
    sql.sql("update product set single_code_version = ?, updated_at = ? where id = ?")
        .params(singleCodeVersion, Timestamp.from(Instant.now()), productId).update();
    read.clear();
    municipalitiesInUse(productId, inUse);
    events.publishEvent(new UsageChanged(productId));
  }

  /** The same, the municipalities as typed on the product page (see {@link #municipalities(String)}). */
  public void usage(String productId, String municipalities, boolean singleCodeVersion) {
    usage(productId, municipalities(municipalities), singleCodeVersion);
  }

  private void municipalitiesInUse(String productId, List<String> municipalities) {
    sql.sql("delete from product_municipality where product_id = ?").param(productId).update();
    for (int i = 0; i < municipalities.size(); i++) {
      sql.sql("insert into product_municipality (product_id, position, municipality) values (?, ?, ?)")
          .params(productId, i, municipalities.get(i)).update();
    }
    read.clear();
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
    read.clear();
    events.publishEvent(new UsageChanged(productId));
  }

  /**
   * The number of structural gaps the product has for the next level up, as the levels module
   * computes them (it owns the groups and the rules): stored so the portfolio list can filter on it.
   */
  public void openGaps(String productId, int gaps) {
    // A column no Product holds: what this transaction read of the product stays true.
    jdbc.update("update product set open_gaps = ? where id = ?", gaps, productId);
  }

  /** The active products whose open gaps were never computed (after the migration that added them). */
  public List<String> productsWithoutOpenGaps() {
    return sql.sql("select id from product where open_gaps is null and status = 'ACTIVE' order by id")
        .query(String.class).list();
  }

  /** A new level after a board decision in the process; {@code null} level with RETIRED status retires it. */
  public void changeLevel(String productId, String level, ProductStatus status, LocalDate since,
      String processInstanceId) {
    Optional<Product> before = product(productId);
    jdbc.update("update product set level = ?, status = ?, level_since = ?, updated_at = ? where id = ?",
        level, status.name(), Date.valueOf(since), Timestamp.from(Instant.now()), productId);
    read.clear();
    if (status != ProductStatus.ACTIVE && status != ProductStatus.PROPOSED) {
      // A retired product leaves the portfolio and with it its hold on the name.
      jdbc.update("update product set name_key = null where id = ?", productId);
      read.clear();
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
      read.clear();
    }
    jdbc.update("update product set next_evaluation = ?, updated_at = ? where id = ?",
        next == null ? null : Date.valueOf(next), Timestamp.from(Instant.now()), productId);
    read.clear();
  }

  public List<Product> products() {
    return complete(sql.sql("select * from product order by lower(name)").query(ProductRow.class).list());
  }

  public Optional<Product> product(String id) {
    return read.get(List.of("id", String.valueOf(id)), () -> keptUnderBothKeys(one("p.id = ?", id)));
  }

  /** The product a proposal registered, by the proposal's process instance id. */
  public Optional<Product> proposedIn(String processInstanceId) {
    return read.get(List.of("proposal", String.valueOf(processInstanceId)),
        () -> keptUnderBothKeys(one("p.proposal_process_id = ?", processInstanceId)));
  }

  /** A product read by one key is kept under the other too: a proposal's steps ask by either. */
  private Optional<Product> keptUnderBothKeys(Optional<Product> product) {
    product.ifPresent(p -> {
      read.put(List.of("id", String.valueOf(p.id())), product);
      if (p.proposalProcessId() != null) {
        read.put(List.of("proposal", p.proposalProcessId()), product);
      }
    });
    return product;
  }

  /** One product with its municipalities, in one statement (an array of them, in their order). */
  private Optional<Product> one(String condition, String value) {
    return sql.sql("""
            select p.*, (select array_agg(m.municipality order by m.position) from product_municipality m
                         where m.product_id = p.id) as municipality_list
            from product p""" + " where " + condition).param(value)
        .query((rs, n) -> PRODUCT_ROWS.mapRow(rs, n).with(list(rs.getArray("municipality_list")))).list()
        .stream().findFirst();
  }

  private static List<String> list(java.sql.Array array) throws java.sql.SQLException {
    return array == null ? List.of()
        : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  /** The rows, each with its municipalities (read in one query). */
  private List<Product> complete(List<ProductRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> used = sql.sql("""
            select product_id, municipality from product_municipality
            where product_id in (:ids) order by product_id, position""")
        .param("ids", rows.stream().map(ProductRow::id).toList()).query(MunicipalityRow.class).list().stream()
        .collect(Collectors.groupingBy(MunicipalityRow::productId, LinkedHashMap::new,
            Collectors.mapping(MunicipalityRow::municipality, Collectors.toList())));
    return rows.stream().map(row -> row.with(List.copyOf(used.getOrDefault(row.id(), List.of())))).toList();
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
    return sql.sql("""
        select * from governance_decision where process_instance_id = ? and task_key = ?
        order by decided_at desc, id desc limit 1""").params(processInstanceId, taskKey)
        .query(Decision.class).optional();
  }

  public List<Decision> decisions(String productId) {
    return sql.sql("select * from governance_decision where product_id = ? order by decided_at, id")
        .param(productId).query(Decision.class).list();
  }

  /**
   * The decisions and recommendations of a period (both days included), oldest first: a decision
   * is dated by its meeting where it records one (the board's), else by the day it was recorded.
   * For the report packs.
   */
  public List<Decision> decisionsBetween(LocalDate from, LocalDate to) {
    return sql.sql("""
        select * from governance_decision
        where coalesce(meeting_date, cast(decided_at as date)) between ? and ?
        order by coalesce(meeting_date, cast(decided_at as date)), decided_at, id""")
        .params(Date.valueOf(from), Date.valueOf(to)).query(Decision.class).list();
  }
}
