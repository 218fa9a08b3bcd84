package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.criteria.Criterion;
import dk.os2.governance.portfolio.DecisionRecorder;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.ProductNameTaken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a published Markdown evaluation report as a historic evaluation: registers the
 * catalogue version it was made with (from the report's own rows when that version of OS2's model
 * is unknown), creates the product if the portfolio lacks it, recomputes every count, keeps the
 * report's warnings, and records the level it states in the product's decision history. The same
 * content imported again is recognised and changes nothing. All or nothing.
 */
@Service
class ReportImport {

  /** The catalogue id under which OS2's published evaluation model is kept. */
  public static final String OS2_MODEL = "os2-evalueringsrapport";

  public record Result(String evaluationId, String productId, boolean productCreated, boolean catalogueRegistered,
      boolean duplicate, List<String> warnings) {}

  private final CatalogueStore catalogues;
  private final Portfolio portfolio;
  private final EvaluationStore store;
  private final DecisionRecorder decisions;
  private final ObjectProvider<ReportImport> self;

  ReportImport(CatalogueStore catalogues, Portfolio portfolio, EvaluationStore store, DecisionRecorder decisions,
      ObjectProvider<ReportImport> self) {
    this.self = self;
    this.catalogues = catalogues;
    this.portfolio = portfolio;
    this.store = store;
    this.decisions = decisions;
  }

  /**
   * Imports the report; when the same report arrives twice at once, the unique hash (or the new
   * product's unique name) refuses the second, which then finds the first ({@link #importReport}).
   */
  public Result importOnce(String markdown, String userId) {
    try {
      return self().importReport(markdown, userId);
    } catch (DuplicateKeyException | ProductNameTaken e) {
      // The other import has committed by now (the unique index waited for it): this one finds it.
      return self().importReport(markdown, userId);
    }
  }

  private ReportImport self() {
    return self.getObject();
  }

  @Transactional
  public Result importReport(String markdown, String userId) {
    String hash = markdown == null ? null : hash(markdown);
    Optional<String> earlier = hash == null ? Optional.empty() : store.byContentHash(hash);
    if (earlier.isPresent()) {
      Evaluation before = store.find(earlier.get()).orElseThrow();
      return new Result(before.id(), before.productId(), false, false, true, before.warnings());
    }
    EvaluationReport report = EvaluationReportParser.parse(markdown);
    List<String> warnings = new ArrayList<>(report.warnings());
    String catalogueId = report.catalogueId() == null ? OS2_MODEL : report.catalogueId();
    Optional<Catalogue> known = catalogues.find(catalogueId, report.templateVersion());
    if (known.isEmpty() && !catalogueId.equals(OS2_MODEL)) {
      throw new ImportException("Kriteriekataloget " + catalogueId + " " + report.templateVersion()
          + " er ikke udgivet; udgiv det først under Kriteriekatalog.");
    }
    Catalogue catalogue = known.orElseGet(() -> fromRows(report));
    List<String> problems = new ArrayList<>();
    List<Assessment> assessments = new ArrayList<>();
    for (EvaluationReport.Row row : report.rows()) {
      String where = "Linje " + row.line() + " (" + row.id() + ")";
      Optional<Criterion> criterion = catalogue.criterion(row.id());
      String level = level(catalogue, row.level());
      if (level == null) {
        problems.add(where + ": ukendt niveau '" + row.level() + "'; brug " + levelNames(catalogue) + ".");
      }
      if (criterion.isEmpty()) {
        problems.add("Linje " + row.line() + ": kriteriet " + row.id() + " findes ikke i katalogversion "
            + report.templateVersion() + ".");
        continue;
      }
      if (level != null && !criterion.get().level().equals(level)) {
        warnings.add("Linje " + row.line() + ": rapporten placerer " + row.id() + " på " + catalogue.levelName(level)
            + ", kataloget på " + catalogue.levelName(criterion.get().level()) + ".");
      }
      String theme = theme(catalogue, row.theme());
      if (theme != null && !theme.equals(criterion.get().theme())) {
        warnings.add("Linje " + row.line() + ": rapporten placerer " + row.id() + " under " + row.theme()
            + ", kataloget under " + themeName(catalogue, criterion.get().theme()) + ".");
      }
      assessments.add(new Assessment(row.id(), row.light(), row.basis(), null, null));
    }
    String stated = level(catalogue, report.statedLevel());
    if (stated == null) {
      problems.add("Rapportens anbefalede niveau '" + report.statedLevel() + "' findes ikke i kataloget "
          + catalogue.reference() + ".");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    if (known.isEmpty()) {
      catalogues.registerFromReport(catalogue, userId);
    }

    boolean created = false;
    String productId;
    var existing = portfolio.productNamed(report.productName());
    if (existing.isPresent()) {
      productId = existing.get().id();
    } else {
      productId = portfolio.registerFromReport(report.productName(), ReportLevels.portfolioLevel(stated));
      created = true;
    }
    String id = store.save(new Evaluation(null, productId, catalogue.id(), catalogue.version(), null,
        stated, Evaluation.Source.IMPORTED_REPORT, report.summary(), blankToNull(report.overall()),
        blankToNull(report.recommendations()), report.author(), report.date(), assessments, warnings, null, userId,
        null));
    store.saveImported(id, new EvaluationStore.ImportedReport(report.authorEmail(), report.links(), hash));
    decisions.recordHistoric(new DecisionRecorder.HistoricDecision(productId, ReportLevels.portfolioLevel(stated),
        catalogue.levelName(stated), report.author(), report.authorEmail(), report.date(), userId,
        catalogue.reference()));
    return new Result(id, productId, created, known.isEmpty(), false, warnings);
  }

  /** The same report whatever its line ends or BOM. */
  static String hash(String markdown) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(EvaluationReportParser.normalise(markdown).strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A report's level in the catalogue: by id or by name ("2", "Niveau 2", "N2", "N2 – i brug i flere kommuner"). */
  private static String level(Catalogue catalogue, String text) {
    if (text == null) {
      return null;
    }
    for (Catalogue.Level level : catalogue.levels()) {
      if (level.id().equalsIgnoreCase(text) || level.name().equalsIgnoreCase(text)
          || ReportLevels.normalise(level.name()).equalsIgnoreCase(text)) {
        return level.id();
      }
    }
    return null;
  }

  private static String levelNames(Catalogue catalogue) {
    List<String> names = catalogue.levels().stream().map(l -> ReportLevels.IDS.contains(l.id())
        ? ReportLevels.name(l.id()).replace("Niveau ", "") : l.id()).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " eller " + names.get(names.size() - 1);
  }

  /** The catalogue's theme a heading names: by name or id, or by OS2's theme word ("STRATEGISK SAMMENHÆNG"). */
  private static String theme(Catalogue catalogue, String heading) {
    String key = ReportCountCheck.key(heading);
    for (Catalogue.Theme theme : catalogue.themes()) {
      if (ReportCountCheck.key(theme.name()).equals(key) || theme.id().equalsIgnoreCase(key)) {
        return theme.id();
      }
    }
    String word = ReportCountCheck.themeWord(key);
    return catalogue.themes().stream().filter(t -> word != null
        && word.equals(ReportCountCheck.themeWord(ReportCountCheck.key(t.name())))).map(Catalogue.Theme::id)
        .findFirst().orElse(null);
  }

  private static String themeName(Catalogue catalogue, String id) {
    return catalogue.themes().stream().filter(t -> t.id().equals(id)).map(Catalogue.Theme::name).findFirst().orElse(id);
  }

  /** A version of OS2's model known only from a report: its themes are the headings, its criteria the rows. */
  private static Catalogue fromRows(EvaluationReport report) {
    List<String> problems = new ArrayList<>();
    Map<String, Catalogue.Theme> themes = new LinkedHashMap<>();
    List<Criterion> criteria = new ArrayList<>();
    for (EvaluationReport.Row r : report.rows()) {
      if (!ReportLevels.IDS.contains(r.level())) {
        problems.add("Linje " + r.line() + " (" + r.id() + "): ukendt niveau '" + r.level()
            + "'; brug Sandkasse, 1, 2 eller 3.");
        continue;
      }
      String key = ReportCountCheck.key(r.theme());
      String word = ReportCountCheck.themeWord(key);
      String id = word != null ? word : key.replaceAll("[^\\p{L}\\p{N}]+", "-");
      String name = word != null ? EvaluationReportParser.THEMES.get(word)
          : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
      themes.putIfAbsent(id, new Catalogue.Theme(id, name));
      criteria.add(new Criterion(r.id(), id, r.level(), r.requirement(), r.criterion(),
          !r.requirement().toLowerCase(Locale.ROOT).contains("(anbefaling)")
              && !r.requirement().toLowerCase(Locale.ROOT).startsWith("anbefaling"), false, "forretningsudvalg"));
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    List<Catalogue.Level> levels = new ArrayList<>();
    for (int i = 0; i < ReportLevels.IDS.size(); i++) {
      levels.add(new Catalogue.Level(ReportLevels.IDS.get(i), ReportLevels.NAMES.get(i)));
    }
    return new Catalogue(OS2_MODEL, report.templateVersion(),
        "OS2 Evalueringsrapport " + report.templateVersion() + " (fra en importeret rapport)", levels,
        List.copyOf(themes.values()), criteria);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
