package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.portfolio.Portfolio;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a published Markdown evaluation report as a historic evaluation: registers the
 * catalogue version it was made with (from the report's own rows when that version is unknown),
 * creates the product if the portfolio lacks it, and recomputes every count, warning where the
 * report's own count tables disagree. All or nothing.
 */
@Service
class ReportImport {

  /** The catalogue id under which OS2's published evaluation model is kept. */
  public static final String OS2_MODEL = "os2-evalueringsrapport";

  public record Result(String evaluationId, String productId, boolean productCreated, boolean catalogueRegistered,
      List<String> warnings) {}

  private final CatalogueStore catalogues;
  private final Portfolio portfolio;
  private final EvaluationStore store;

  ReportImport(CatalogueStore catalogues, Portfolio portfolio, EvaluationStore store) {
    this.catalogues = catalogues;
    this.portfolio = portfolio;
    this.store = store;
  }

  @Transactional
  public Result importReport(String markdown, String userId) {
    EvaluationReport report = EvaluationReportParser.parse(markdown);
    List<String> warnings = new ArrayList<>();
    Optional<Catalogue> known = catalogues.find(OS2_MODEL, report.templateVersion());
    Catalogue catalogue = known.orElseGet(() -> fromRows(report));
    if (known.isPresent()) {
      List<String> problems = new ArrayList<>();
      for (EvaluationReport.Row row : report.rows()) {
        Optional<Criterion> criterion = catalogue.criterion(row.id());
        if (criterion.isEmpty()) {
          problems.add("Linje " + row.line() + ": kriteriet " + row.id() + " findes ikke i katalogversion "
              + report.templateVersion() + ".");
        } else if (!criterion.get().level().equals(row.level())) {
          warnings.add("Linje " + row.line() + ": rapporten placerer " + row.id() + " på " + ReportLevels.name(row.level())
              + ", kataloget på " + ReportLevels.name(criterion.get().level()) + ".");
        }
      }
      if (!problems.isEmpty()) {
        throw new ImportException(problems);
      }
    } else {
      catalogues.publish(catalogue, "REPORT", userId);
    }
    List<Assessment> assessments = report.rows().stream()
        .map(r -> new Assessment(r.id(), r.light(), r.basis(), null, null)).toList();
    EvaluationResult result = EvaluationResult.compute(catalogue, assessments);
    warnings.addAll(checkCounts(report, catalogue, result));

    LocalDate date = null;
    if (report.date() != null) {
      try {
        date = LocalDate.parse(report.date());
      } catch (DateTimeParseException e) {
        warnings.add("Rapportens dato '" + report.date() + "' er ikke en dato som ÅÅÅÅ-MM-DD; den er ikke gemt.");
      }
    }
    boolean created = false;
    String productId;
    var existing = portfolio.productNamed(report.productName());
    if (existing.isPresent()) {
      productId = existing.get().id();
    } else {
      productId = portfolio.registerFromReport(report.productName(), ReportLevels.portfolioLevel(report.statedLevel()));
      created = true;
    }
    String id = store.save(new Evaluation(null, productId, catalogue.id(), catalogue.version(), null,
        report.statedLevel(), Evaluation.Source.IMPORTED_REPORT, report.summary(), null, null, report.author(), date,
        assessments, warnings, null, userId, null));
    return new Result(id, productId, created, known.isEmpty(), warnings);
  }

  private static Catalogue fromRows(EvaluationReport report) {
    Set<String> themeIds = new LinkedHashSet<>();
    report.rows().forEach(r -> themeIds.add(r.theme()));
    List<Catalogue.Theme> themes = themeIds.stream()
        .map(t -> new Catalogue.Theme(t, EvaluationReportParser.THEMES.get(t))).toList();
    List<Catalogue.Level> levels = new ArrayList<>();
    for (int i = 0; i < ReportLevels.IDS.size(); i++) {
      levels.add(new Catalogue.Level(ReportLevels.IDS.get(i), ReportLevels.NAMES.get(i)));
    }
    List<Criterion> criteria = report.rows().stream().map(r -> new Criterion(r.id(), r.theme(), r.level(),
        r.requirement(), r.criterion(), !r.requirement().toLowerCase(Locale.ROOT).startsWith("anbefaling"), false,
        "forretningsudvalg")).toList();
    return new Catalogue(OS2_MODEL, report.templateVersion(),
        "OS2 Evalueringsrapport " + report.templateVersion() + " (fra en importeret rapport)", levels, themes, criteria);
  }

  /** The report's hand-made counts against the computed ones; a warning for each disagreement. */
  private static List<String> checkCounts(EvaluationReport report, Catalogue catalogue, EvaluationResult result) {
    List<String> warnings = new ArrayList<>();
    for (EvaluationReport.CountRow row : report.counts()) {
      String key = row.key().toLowerCase(Locale.ROOT);
      Optional<String> level = ReportLevels.parse(row.key());
      List<Tally> candidates = new ArrayList<>();
      String what;
      if (level.isPresent() && result.byLevel().containsKey(level.get())) {
        candidates.add(result.byLevel().get(level.get()));
        candidates.add(result.byLevelCumulative().get(level.get()));
        what = ReportLevels.name(level.get()).toLowerCase(Locale.ROOT);
      } else if (key.startsWith("i alt") || key.startsWith("total") || key.startsWith("samlet")) {
        candidates.add(result.byLevelCumulative().values().stream().reduce((a, b) -> b).orElse(Tally.ZERO));
        what = "i alt";
      } else {
        Optional<Catalogue.Theme> theme = catalogue.themes().stream()
            .filter(t -> t.name().equalsIgnoreCase(row.key()) || t.id().equalsIgnoreCase(row.key())).findFirst();
        if (theme.isEmpty()) {
          warnings.add("Linje " + row.line() + ": optællingens række '" + row.key() + "' er hverken et niveau eller et tema.");
          continue;
        }
        candidates.add(result.byTheme().get(theme.get().id()));
        what = "temaet " + theme.get().name();
      }
      if (!candidates.contains(row.tally())) {
        warnings.add("Linje " + row.line() + ": rapportens optælling for " + what + " siger " + format(row.tally())
            + ", men kriterierækkerne giver " + format(candidates.get(0)) + ".");
      }
    }
    return warnings;
  }

  static String format(Tally t) {
    return "🟢 " + t.green() + " 🟡 " + t.yellow() + " 🔴 " + t.red() + " ⚪ " + t.grey();
  }
}
