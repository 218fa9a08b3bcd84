package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.Criterion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The portfolio's lights: each product's latest evaluation (of any source: a reviewer's, an
 * imported report's, or the automated check of its latest self-assessment), its items counted per
 * theme, and its yellow items (partly met, or a documented deviation standing in for the
 * criterion). Counted in SQL; only the criteria's themes are read from the catalogues.
 *
 * <p>The count reads every latest evaluation's items; the portfolio page keeps it for as long as
 * the database's {@code overview_revision} stands (module {@code overview}), so that an evaluation
 * stored on another node shows on the next page load here too.
 */
@Service
public class PortfolioLights {

  /** One theme's lights over the portfolio, the theme by its Danish name. */
  public record ThemeLights(String theme, long green, long yellow, long red, long grey) {

    public long total() {
      return green + yellow + red + grey;
    }
  }

  /**
   * @param themes the lights per theme, in the catalogues' order
   * @param productsEvaluated products with at least one evaluation
   * @param yellowItems yellow items in their latest evaluations: partly met or a documented deviation
   * @param productsWithYellow products whose latest evaluation has a yellow item
   */
  public record Summary(List<ThemeLights> themes, long productsEvaluated, long yellowItems, long productsWithYellow) {}

  private record Row(String catalogueId, String catalogueVersion, String criterionId, String light, long n) {}

  private record Products(long evaluated, long withYellow) {}

  /** The evaluations no later evaluation of the same product follows. */
  private static final String LATEST = """
      from evaluation e join evaluation_item i on i.evaluation_id = e.id
      where not exists (select 1 from evaluation l where l.product_id = e.product_id
        and (l.created_at > e.created_at or (l.created_at = e.created_at and l.id > e.id)))""";

  private final JdbcClient jdbc;
  private final CatalogueStore catalogues;
  private final Catalogue shipped;

  PortfolioLights(JdbcClient jdbc, CatalogueStore catalogues, Catalogue shipped) {
    this.jdbc = jdbc;
    this.catalogues = catalogues;
    this.shipped = shipped;
  }

  /** The lights of every product's latest evaluation, counted now. */
  public Summary summary() {
    return count();
  }

  private Summary count() {
    List<Row> rows = jdbc.sql("select e.catalogue_id, e.catalogue_version, i.criterion_id, i.light, count(*) as n "
        + LATEST + " group by e.catalogue_id, e.catalogue_version, i.criterion_id, i.light").query(Row.class).list();
    Map<String, long[]> byTheme = new LinkedHashMap<>();
    shipped.themes().forEach(t -> byTheme.put(t.name(), new long[4]));
    Map<String, Optional<Catalogue>> read = new HashMap<>();
    long yellow = 0;
    for (Row row : rows) {
      Optional<Catalogue> catalogue = read.computeIfAbsent(row.catalogueId() + "\u0000" + row.catalogueVersion(),
          key -> catalogues.find(row.catalogueId(), row.catalogueVersion()));
      String theme = catalogue.flatMap(c -> c.criterion(row.criterionId()).map(Criterion::theme)
          .flatMap(id -> c.themes().stream().filter(t -> t.id().equals(id)).findFirst()))
          .map(Catalogue.Theme::name).orElse("Andet");
      Light light = Light.valueOf(row.light());
      byTheme.computeIfAbsent(theme, t -> new long[4])[light.ordinal()] += row.n();
      if (light == Light.YELLOW) {
        yellow += row.n();
      }
    }
    Products products = jdbc.sql("select count(distinct e.product_id) as evaluated, "
        + "count(distinct case when i.light = 'YELLOW' then e.product_id end) as with_yellow " + LATEST)
        .query(Products.class).single();
    List<ThemeLights> themes = byTheme.entrySet().stream()
        .map(e -> new ThemeLights(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
        .filter(t -> t.total() > 0 || shipped.themes().stream().anyMatch(s -> s.name().equals(t.theme())))
        .toList();
    return new Summary(themes, products.evaluated(), yellow, products.withYellow());
  }
}
