package dk.os2.governance.portfolio;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portfolio as a list: filtered, sorted and paged in SQL (the indexes are in V9), and the
 * figures the portfolio page sums up. Read only; {@link Portfolio} writes the rows.
 */
@Repository
public class PortfolioList {

  /** The columns the list sorts by; the name breaks ties, then the id, so pages never overlap. */
  public enum Sort {
    NAME("name_sort"), LEVEL("level"), STATUS("status"), SINCE("level_since"),
    LAST_EVALUATION("last_evaluation"), NEXT_EVALUATION("next_evaluation");

    private final String column;

    Sort(String column) {
      this.column = column;
    }
  }

  /**
   * What the list shows. Every part is optional ({@code null}: no filter).
   *
   * @param nameContains part of the name, any case
   * @param level the level (N1, N2, N3 …)
   * @param municipality a municipality using the product, as the portfolio names it
   * @param overdue whether the next evaluation of an active product lies before {@code today}
   * @param openGaps whether the product has open structural gaps for the next level up
   * @param today the day overdue is measured against
   */
  public record Query(String nameContains, String level, ProductStatus status, String municipality,
      Boolean overdue, Boolean openGaps, Sort sort, boolean descending, LocalDate today) {

    public Query {
      sort = sort == null ? Sort.NAME : sort;
      today = today == null ? LocalDate.now() : today;
    }
  }

  /** One product in the list. */
  public record Listed(String id, String name, String level, ProductStatus status, LocalDate levelSince,
      LocalDate lastEvaluation, LocalDate nextEvaluation, String proposingMunicipality, Integer openGaps,
      boolean overdue) {}

  /** One page of the list; {@code page} counts from 1. */
  public record Page(List<Listed> items, int page, int size, long total) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** The portfolio summed up: active products per level, products per status, overdue evaluations. */
  public record Figures(Map<String, Long> activeByLevel, Map<ProductStatus, Long> byStatus, long overdue) {}

  private static final String COLUMNS = """
      select p.id, p.name, p.level, p.status, p.level_since, p.last_evaluation, p.next_evaluation,
        p.proposing_municipality, p.open_gaps,
        case when p.status = 'ACTIVE' and p.next_evaluation < :today then true else false end as overdue
      from product p""";

  private record Count(String level, ProductStatus status, long n) {}

  private record Due(int y, int m, long n) {}

  private final JdbcClient sql;

  PortfolioList(JdbcClient sql) {
    this.sql = sql;
  }

  /** The page (from 1) of the products the query shows, {@code size} a page, with their total. */
  /**
   * A page number or size as a request gave it: the whole number if it lies within
   * {@code [min, max]}, else empty (the caller refuses it in its own words).
   */
  public static Optional<Integer> bounded(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Page page(Query query, int page, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    long total = sql.sql("select count(*) from product p" + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) (page - 1) * size);
    List<Listed> items = sql.sql(COLUMNS + where + orderBy(query) + " limit :limit offset :offset")
        .params(params).query(Listed.class).list();
    return new Page(items, page, size, total);
  }

  /** How many products the query shows. */
  public long count(Query query) {
    Map<String, Object> params = new LinkedHashMap<>();
    return sql.sql("select count(*) from product p" + where(query, params)).params(params).query(Long.class).single();
  }

  /**
   * At most {@code limit} of the products the query shows, from the {@code offset}-th (0-based) in
   * its order: a slice of a longer list whose pages need not start on a page of this one (the board
   * agenda's standing items follow its decisions).
   */
  public List<Listed> slice(Query query, long offset, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    params.put("limit", limit);
    params.put("offset", offset);
    return sql.sql(COLUMNS + where + orderBy(query) + " limit :limit offset :offset").params(params)
        .query(Listed.class).list();
  }

  /** Every product the query shows, in its order (the exports). */
  public List<Listed> all(Query query) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    return sql.sql(COLUMNS + where + orderBy(query)).params(params).query(Listed.class).list();
  }

  private static String where(Query q, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    params.put("today", Date.valueOf(q.today()));
    if (q.nameContains() != null) {
      where.append(" and p.name_sort like :name escape '\\'");
      params.put("name", "%" + q.nameContains().toLowerCase(java.util.Locale.ROOT)
          .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (q.level() != null) {
      where.append(" and p.level = :level");
      params.put("level", q.level());
    }
    if (q.status() != null) {
      where.append(" and p.status = :status");
      params.put("status", q.status().name());
    }
    if (q.municipality() != null) {
      where.append(" and exists (select 1 from product_municipality m"
          + " where m.municipality = :municipality and m.product_id = p.id)");
      params.put("municipality", q.municipality());
    }
    if (q.overdue() != null) {
      where.append(q.overdue()
          ? " and p.status = 'ACTIVE' and p.next_evaluation < :today"
          : " and (p.status <> 'ACTIVE' or p.next_evaluation is null or p.next_evaluation >= :today)");
    }
    if (q.openGaps() != null) {
      where.append(q.openGaps() ? " and p.open_gaps > 0" : " and (p.open_gaps is null or p.open_gaps = 0)");
    }
    return where.toString();
  }

  private static String orderBy(Query q) {
    String direction = q.descending() ? " desc" : " asc";
    String order = " order by p." + q.sort().column + direction + " nulls last";
    return q.sort() == Sort.NAME ? order + ", p.id" + direction : order + ", p.name_sort, p.id";
  }

  /** The figures of the whole portfolio (filters do not apply). */
  public Figures figures(LocalDate today) {
    List<Count> counts = sql.sql("select level, status, count(*) as n from product group by level, status")
        .query(Count.class).list();
    Map<String, Long> byLevel = new TreeMap<>();
    Map<ProductStatus, Long> byStatus = new LinkedHashMap<>();
    for (ProductStatus s : ProductStatus.values()) {
      byStatus.put(s, 0L);
    }
    for (Count c : counts) {
      byStatus.merge(c.status(), c.n(), Long::sum);
      if (c.status() == ProductStatus.ACTIVE && c.level() != null) {
        byLevel.merge(c.level(), c.n(), Long::sum);
      }
    }
    long overdue = sql.sql("select count(*) from product where status = 'ACTIVE' and next_evaluation < ?")
        .param(Date.valueOf(today)).query(Long.class).single();
    return new Figures(byLevel, byStatus, overdue);
  }

  /** Active products whose next evaluation falls in each of the months from {@code from}, in order. */
  public Map<YearMonth, Long> evaluationsDuePerMonth(YearMonth from, int months) {
    Map<YearMonth, Long> due = new LinkedHashMap<>();
    for (int i = 0; i < months; i++) {
      due.put(from.plusMonths(i), 0L);
    }
    sql.sql("""
        select extract(year from next_evaluation) as y, extract(month from next_evaluation) as m, count(*) as n
        from product where status = 'ACTIVE' and next_evaluation >= ? and next_evaluation < ?
        group by extract(year from next_evaluation), extract(month from next_evaluation)""")
        .params(Date.valueOf(from.atDay(1)), Date.valueOf(from.plusMonths(months).atDay(1)))
        .query(Due.class).list()
        .forEach(d -> due.put(YearMonth.of(d.y(), d.m()), d.n()));
    return due;
  }

  /**
   * The active product (with a level) whose id is {@code key}, or else the first by name whose
   * name's slug ({@link Portfolio#slug}) is {@code key}: one indexed lookup (a badge's address).
   */
  public java.util.Optional<Listed> activeByIdOrSlug(String key, LocalDate today) {
    return sql.sql(COLUMNS + " where p.status = 'ACTIVE' and p.level is not null and (p.id = :key or p.slug = :key)"
        + " order by case when p.id = :key then 0 else 1 end, p.name_sort, p.id limit 1")
        .param("today", Date.valueOf(today)).param("key", key).query(Listed.class).optional();
  }

  /**
   * Everything the portfolio page sums up, in one statement over the product table: the figures,
   * the active products whose next evaluation falls in each of {@code months} months from
   * {@code from}, and the levels products hold (in order).
   */
  public record Summary(Figures figures, Map<YearMonth, Long> duePerMonth, List<String> levels) {}

  private record SummaryRow(String level, ProductStatus status, Integer y, Integer m, long overdue, long n) {}

  public Summary summary(LocalDate today, YearMonth from, int months) {
    List<SummaryRow> rows = sql.sql("""
        select level, status, y, m, sum(overdue) as overdue, count(*) as n from (
          select level, status,
            case when due = 1 then extract(year from next_evaluation) end as y,
            case when due = 1 then extract(month from next_evaluation) end as m,
            case when status = 'ACTIVE' and next_evaluation < :today then 1 else 0 end as overdue
          from (select level, status, next_evaluation,
              case when status = 'ACTIVE' and next_evaluation >= :from and next_evaluation < :to then 1 else 0 end as due
            from product) d
        ) t group by level, status, y, m""")
        .param("today", Date.valueOf(today)).param("from", Date.valueOf(from.atDay(1)))
        .param("to", Date.valueOf(from.plusMonths(months).atDay(1))).query(SummaryRow.class).list();
    Map<String, Long> byLevel = new TreeMap<>();
    Map<ProductStatus, Long> byStatus = new LinkedHashMap<>();
    for (ProductStatus s : ProductStatus.values()) {
      byStatus.put(s, 0L);
    }
    Map<YearMonth, Long> due = new LinkedHashMap<>();
    for (int i = 0; i < months; i++) {
      due.put(from.plusMonths(i), 0L);
    }
    java.util.SortedSet<String> levels = new java.util.TreeSet<>();
    long overdue = 0;
    for (SummaryRow r : rows) {
      byStatus.merge(r.status(), r.n(), Long::sum);
      if (r.status() == ProductStatus.ACTIVE && r.level() != null) {
        byLevel.merge(r.level(), r.n(), Long::sum);
      }
      if (r.level() != null) {
        levels.add(r.level());
      }
      if (r.y() != null && r.m() != null) {
        due.merge(YearMonth.of(r.y(), r.m()), r.n(), Long::sum);
      }
      overdue += r.overdue();
    }
    return new Summary(new Figures(byLevel, byStatus, overdue), due, List.copyOf(levels));
  }

  /** The municipalities the portfolio knows as using a product, alphabetically (the filter's choices). */
  public List<String> municipalities() {
    return sql.sql("select distinct municipality from product_municipality order by municipality")
        .query(String.class).list();
  }

  /** The levels products hold, in order. */
  public List<String> levels() {
    return sql.sql("select distinct level from product where level is not null order by level")
        .query(String.class).list();
  }
}
