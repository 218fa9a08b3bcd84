package dk.os2.governance.reporting;

import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.deviation.Deviation;
import dk.os2.governance.deviation.Deviations;
import dk.os2.governance.evaluation.EvaluationDetails;
import dk.os2.governance.evaluation.Evaluations;
import dk.os2.governance.identity.Body;
import dk.os2.governance.portfolio.Decision;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The report packs for a period: the board's portfolio report and the general assembly's annual
 * report. Both are read from the record, never typed: the portfolio by level, the board's changes
 * of level with their justifications and its other decisions, the evaluations made and those
 * overdue, the deviations the evaluations documented, and the criteria catalogues published.
 */
@Service
class ReportPacks {

  static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
  private static final Locale DANISH = Locale.forLanguageTag("da");
  private static final List<String> LEVELS = List.of("N1", "N2", "N3");
  /** Board outcomes that put a product at a level or take it out: the changes of level. */
  private static final Set<String> LEVEL_OUTCOMES = Set.of("approve", "demote", "retire");
  /** The bodies whose decisions the reports list (committees recommend, the secretariat screens). */
  private static final Set<String> DECIDING_BODIES =
      Set.of(Body.BESTYRELSE.groupId(), Body.GENERALFORSAMLING.groupId());
  /** Evaluations by people; the automated check of a self-assessment is input for them, not one. */
  private static final Set<String> EVALUATIONS_BY_PEOPLE = Set.of("REVIEW", "IMPORTED_REPORT");

  /** Which report: the board's or the general assembly's, by the address segment that names it. */
  enum Kind {
    BOARD("bestyrelse"),
    ANNUAL("generalforsamling");

    final String path;

    Kind(String path) {
      this.path = path;
    }

    String path() {
      return path;
    }

    static java.util.Optional<Kind> byPath(String path) {
      return java.util.Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
  }

  record Report(Kind kind, String title, LocalDate from, LocalDate to, LocalDate madeOn, int active,
      List<LevelCount> byLevel, List<DecisionLine> levelChanges, List<DecisionLine> otherDecisions,
      List<EvaluationLine> evaluations, List<OverdueLine> overdue, List<DeviationLine> deviations,
      List<RuleChange> ruleChanges, List<ExpiringLine> expiring) {}

  /** An open deviation of the register that has expired or expires within three months of the period's end. */
  record ExpiringLine(LocalDate expiresOn, boolean expired, String product, String criterion, String reason,
      String owner) {}

  record LevelCount(String level, String label, long count) {}

  record DecisionLine(LocalDate date, String product, String body, String outcome, String level, String rationale,
      String justification, String minutes) {}

  record EvaluationLine(LocalDate date, String product, String source, String catalogue, String statedLevel,
      String indicativeLevel) {}

  record OverdueLine(String product, String level, LocalDate due, LocalDate lastEvaluation) {}

  record DeviationLine(LocalDate date, String product, String criterion, String rationale, String source) {}

  record RuleChange(LocalDate publishedOn, String catalogue, String version, String title, String publishedBy,
      int criteria) {}

  private final Portfolio portfolio;
  private final Evaluations evaluations;
  private final CatalogueStore catalogues;
  private final MessageSource messages;
  private final Deviations register;

  ReportPacks(Portfolio portfolio, Evaluations evaluations, CatalogueStore catalogues, MessageSource messages,
      Deviations register) {
    this.register = register;
    this.portfolio = portfolio;
    this.evaluations = evaluations;
    this.catalogues = catalogues;
    this.messages = messages;
  }

  Report report(Kind kind, LocalDate from, LocalDate to, LocalDate today) {
    List<Product> products = portfolio.products();
    Map<String, String> names = products.stream().collect(Collectors.toMap(Product::id, Product::name));
    List<Product> active = products.stream().filter(p -> p.status() == ProductStatus.ACTIVE).toList();

    List<LevelCount> byLevel = LEVELS.stream()
        .map(l -> new LevelCount(l, label("level." + l, l), active.stream().filter(p -> l.equals(p.level())).count()))
        .toList();

    List<DecisionLine> levelChanges = new ArrayList<>();
    List<DecisionLine> otherDecisions = new ArrayList<>();
    for (Decision d : portfolio.decisionsBetween(from, to)) {
      if (!DECIDING_BODIES.contains(d.body())) {
        continue;
      }
      DecisionLine line = new DecisionLine(
          d.meetingDate() != null ? d.meetingDate() : d.decidedAt().atZone(DENMARK).toLocalDate(),
          d.productId() == null ? "Kriterieændring " + d.catalogueReference() // a rule change is about a catalogue
              : names.getOrDefault(d.productId(), d.productId()), label("body." + d.body(), Body.danishNameOf(d.body())),
          label("outcome." + d.outcome(), d.outcome()), d.level(), d.rationale(), d.justification(),
          d.minutesReference());
      (LEVEL_OUTCOMES.contains(d.outcome()) ? levelChanges : otherDecisions).add(line);
    }

    List<EvaluationLine> evaluationLines = new ArrayList<>();
    List<DeviationLine> deviations = new ArrayList<>();
    for (EvaluationDetails e : evaluations.between(from, to)) {
      String source = label("source." + e.source(), e.source());
      if (EVALUATIONS_BY_PEOPLE.contains(e.source())) {
        evaluationLines.add(new EvaluationLine(e.evaluatedOn(), e.productName(), source,
            e.catalogue().id() + " " + e.catalogue().version(), e.statedLevel(), e.indicativeLevel()));
      }
      e.themes().stream().flatMap(t -> t.items().stream()).filter(i -> "YELLOW".equals(i.light()))
          .forEach(i -> deviations.add(new DeviationLine(e.evaluatedOn(), e.productName(),
              i.criterionId() + " " + i.title(), i.rationale(), source)));
    }

    // Overdue at the end of the period (or today, if it ends later): planned before and not decided.
    LocalDate cutoff = to.isBefore(today) ? to : today;
    List<OverdueLine> overdue = active.stream()
        .filter(p -> p.nextEvaluation() != null && p.nextEvaluation().isBefore(cutoff))
        .sorted(Comparator.comparing(Product::nextEvaluation))
        .map(p -> new OverdueLine(p.name(), p.level(), p.nextEvaluation(), p.lastEvaluation())).toList();

    List<RuleChange> ruleChanges = catalogues.list().stream()
        .map(c -> new RuleChange(c.publishedAt().atZone(DENMARK).toLocalDate(), c.id(), c.version(), c.title(),
            c.publishedBy(), c.criteria()))
        .filter(c -> !c.publishedOn().isBefore(from) && !c.publishedOn().isAfter(to))
        .sorted(Comparator.comparing(RuleChange::publishedOn)).toList();

    return new Report(kind, label("report." + kind.name() + ".title", kind.name()), from, to, today, active.size(),
        byLevel, levelChanges, otherDecisions, evaluationLines, overdue, deviations, ruleChanges,
        register.openExpiringBy(to.plusMonths(3)).stream()
            .map(d -> new ExpiringLine(d.expiresOn(), d.state() == Deviation.State.EXPIRED, d.productName(),
                d.criterionId() + " " + d.criterionTitle(), d.reason(), d.ownerName()))
            .toList());
  }

  private String label(String key, String fallback) {
    return messages.getMessage(key, null, fallback, DANISH);
  }
}
