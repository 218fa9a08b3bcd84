package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An evaluation with its catalogue's words and everything computed from it: what pages and the API show. */
public record EvaluationDetails(
    String id,
    String productId,
    String productName,
    CatalogueRef catalogue,
    String targetLevel,
    String statedLevel,
    String indicativeLevel,
    String source,
    String author,
    LocalDate evaluatedOn,
    String summary,
    String overall,
    String recommendations,
    Counts counts,
    Map<String, List<String>> gaps,
    List<String> warnings,
    List<Theme> themes,
    List<Level> levels,
    String authorEmail,
    List<Link> links) {

  /** A further line of an imported report's information block (GitHub organisation, OS2 page, governance report). */
  public record Link(String label, String value) {}

  public record CatalogueRef(String id, String version, String title) {}

  public record Counts(Map<String, Tally> byLevel, Map<String, Tally> byLevelCumulative, Map<String, Tally> byTheme,
      Map<String, Map<String, Tally>> byLevelAndTheme) {}

  public record Level(String id, String name) {}

  public record Theme(String id, String name, List<Item> items) {}

  public record Item(String criterionId, String level, String levelName, String title, String guidance,
      boolean mandatory, String light, String symbol, String rationale, String selfAnswer, String selfDocumentation) {}

  static EvaluationDetails of(Evaluation e, String productName, Catalogue catalogue) {
    return of(e, productName, catalogue, null, List.of());
  }

  static EvaluationDetails of(Evaluation e, String productName, Catalogue catalogue, String authorEmail,
      List<Link> links) {
    EvaluationResult result = EvaluationResult.compute(catalogue, e.assessments());
    Map<String, Assessment> byId = new LinkedHashMap<>();
    e.assessments().forEach(a -> byId.put(a.criterionId(), a));
    List<Theme> themes = new ArrayList<>();
    for (Catalogue.Theme theme : catalogue.themes()) {
      List<Item> items = new ArrayList<>();
      for (Criterion c : catalogue.criteria()) {
        if (!c.theme().equals(theme.id())) {
          continue;
        }
        Assessment a = byId.get(c.id());
        items.add(new Item(c.id(), c.level(), catalogue.levelName(c.level()), c.title(), c.guidance(), c.mandatory(),
            a == null ? null : a.light().name(), a == null ? "–" : a.light().symbol(),
            a == null ? null : a.rationale(), a == null ? null : a.selfAnswer(), a == null ? null : a.selfDocumentation()));
      }
      themes.add(new Theme(theme.id(), theme.name(), items));
    }
    return new EvaluationDetails(e.id(), e.productId(), productName,
        new CatalogueRef(catalogue.id(), catalogue.version(), catalogue.title()), e.targetLevel(), e.statedLevel(),
        result.indicativeLevel(), e.source().name(), e.author(), e.evaluatedOn(), e.summary(), e.overall(),
        e.recommendations(),
        new Counts(result.byLevel(), result.byLevelCumulative(), result.byTheme(), result.byLevelAndTheme()),
        result.gaps(), e.warnings(), themes,
        catalogue.levels().stream().map(l -> new Level(l.id(), l.name())).toList(), authorEmail, List.copyOf(links));
  }

  /** Largest count at one level, for scaling the charts. */
  public int maxLevelCount() {
    return counts.byLevel().values().stream().mapToInt(Tally::total).max().orElse(1);
  }
}
