package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CatalogueFormatException;
import dk.os2.governance.criteria.CatalogueReader;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.identity.Access;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The evaluation pages: the self-assessment upload, an evaluation's report, the
 * review form, and the secretariat's imports of evaluation reports and criteria catalogues. The
 * portfolio list is {@code overview.PortfolioPage}, the product page itself {@code levels.ProductPage}; the
 * board agenda and the outbox have their own.
 */
@Controller
class EvaluationPages {

  private final Evaluations evaluations;
  private final ReportImport reports;
  private final ReportBulkImport bulk;
  private final SelfAssessmentImport selfAssessments;
  private final CatalogueStore catalogues;
  private final Portfolio portfolio;
  private final IdentityService identity;

  EvaluationPages(Evaluations evaluations, ReportImport reports, ReportBulkImport bulk,
      SelfAssessmentImport selfAssessments, CatalogueStore catalogues, Portfolio portfolio, IdentityService identity) {
    this.evaluations = evaluations;
    this.reports = reports;
    this.bulk = bulk;
    this.selfAssessments = selfAssessments;
    this.catalogues = catalogues;
    this.portfolio = portfolio;
    this.identity = identity;
  }

  @PostMapping("/app/produkter/{id}/selvevaluering")
  String uploadSelfAssessment(@PathVariable String id, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String catalogue, @RequestParam(required = false) String version,
      RedirectAttributes redirect) throws IOException {
    selfAssessments.requireOwner(id, Access.userId(identity), Access.isSecretariat(identity));
    try {
      SelfAssessmentImport.Imported imported = selfAssessments.importJson(id,
          new String(file.getBytes(), StandardCharsets.UTF_8), catalogue, version, Access.userId(identity));
      redirect.addFlashAttribute("message", imported.message());
    } catch (ImportException e) {
      redirect.addFlashAttribute("errors", e.problems());
    }
    return "redirect:/app/produkter/" + id;
  }

  @GetMapping("/app/evalueringer/{id}")
  String report(@PathVariable String id, Model model) {
    model.addAttribute("e", evaluations.details(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Evalueringen findes ikke.")));
    return "report";
  }

  @GetMapping("/app/produkter/{id}/vurdering")
  String reviewForm(@PathVariable String id, @RequestParam(required = false) String katalog,
      @RequestParam(required = false) String version, @RequestParam(required = false) String niveau, Model model) {
    Product product = portfolio.product(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
    Catalogue catalogue = evaluations.catalogue(katalog, version);
    model.addAttribute("product", product);
    model.addAttribute("catalogue", catalogue);
    model.addAttribute("level", niveau == null ? catalogue.levels().get(catalogue.levels().size() - 1).id() : niveau);
    return "review";
  }

  @PostMapping("/app/produkter/{id}/vurdering")
  String review(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
    Catalogue catalogue = evaluations.catalogue(form.get("katalog"), form.get("version"));
    List<Evaluations.ReviewItem> items = new ArrayList<>();
    catalogue.criteria().forEach(c -> {
      String light = form.get("light_" + c.id());
      if (light != null && !light.isBlank()) {
        items.add(new Evaluations.ReviewItem(c.id(), light, form.get("rationale_" + c.id())));
      }
    });
    try {
      String evaluationId = evaluations.review(id, new Evaluations.Review(catalogue.id(), catalogue.version(),
          form.get("niveau"), form.get("statedLevel"), form.get("summary"), form.get("overall"),
          form.get("recommendations"), items), Access.userId(identity), Access.groups(identity),
          Access.isSecretariat(identity));
      return "redirect:/app/evalueringer/" + evaluationId;
    } catch (ImportException e) {
      model.addAttribute("errors", e.problems());
      return reviewForm(id, catalogue.id(), catalogue.version(), form.get("niveau"), model);
    }
  }

  @GetMapping("/app/import")
  String importPage(Model model) {
    Access.requireSecretariat(identity, "Kun sekretariatet kan importere.");
    model.addAttribute("catalogues", catalogues.list());
    return "import";
  }

  @PostMapping("/app/import/rapport")
  String importReport(@RequestParam("file") MultipartFile file, Model model) throws IOException {
    Access.requireSecretariat(identity, "Kun sekretariatet kan importere.");
    try {
      ReportImport.Result result = reports.importOnce(new String(file.getBytes(), StandardCharsets.UTF_8),
          Access.userId(identity));
      return "redirect:/app/evalueringer/" + result.evaluationId();
    } catch (ImportException e) {
      model.addAttribute("errors", e.problems());
      return importPage(model);
    }
  }

  /**
   * Several reports, or one zip of them (a folder's worth: the portfolio's bootstrap): each imported
   * on its own, one line per file. The one route with a higher size limit (RequestSizeLimitFilter).
   */
  @PostMapping("/app/import/rapporter")
  String importReports(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model)
      throws IOException {
    Access.requireSecretariat(identity, "Kun sekretariatet kan importere.");
    List<ReportBulkImport.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      uploads.add(new ReportBulkImport.Upload(file.getOriginalFilename(), file.getBytes()));
    }
    List<ReportBulkImport.Line> lines = bulk.importAll(uploads, Access.userId(identity));
    if (lines.isEmpty()) {
      model.addAttribute("errors", List.of("Vælg en eller flere evalueringsrapporter (.md) eller en zip-fil med dem."));
    } else {
      Map<ReportBulkImport.Outcome, Long> by = new java.util.EnumMap<>(ReportBulkImport.Outcome.class);
      lines.forEach(l -> by.merge(l.outcome(), 1L, Long::sum));
      model.addAttribute("message", lines.size() + (lines.size() == 1 ? " fil" : " filer") + ": "
          + by.getOrDefault(ReportBulkImport.Outcome.IMPORTED, 0L) + " importeret, "
          + by.getOrDefault(ReportBulkImport.Outcome.IMPORTED_WITH_WARNINGS, 0L) + " importeret med advarsler, "
          + by.getOrDefault(ReportBulkImport.Outcome.ALREADY_IMPORTED, 0L) + " allerede importeret, "
          + by.getOrDefault(ReportBulkImport.Outcome.REFUSED, 0L) + " afvist.");
      Map<String, String> names = new java.util.HashMap<>();
      lines.stream().filter(l -> l.productId() != null).forEach(l -> names.computeIfAbsent(l.productId(),
          id -> portfolio.product(id).map(Product::name).orElse("")));
      model.addAttribute("productNames", names);
    }
    model.addAttribute("results", lines);
    return importPage(model);
  }

  @PostMapping("/app/import/katalog")
  String importCatalogue(@RequestParam("file") MultipartFile file, Model model) throws IOException {
    Access.requireSecretariat(identity, "Kun sekretariatet kan udgive kriteriekataloger.");
    try {
      Catalogue catalogue = CatalogueReader.read(new String(file.getBytes(), StandardCharsets.UTF_8));
      boolean created = catalogues.importFirst(catalogue);
      model.addAttribute("message", created
          ? "Kataloget " + catalogue.reference() + " er udgivet med " + catalogue.criteria().size() + " kriterier."
          : "Kataloget " + catalogue.reference() + " var allerede udgivet med samme indhold.");
    } catch (CatalogueFormatException e) {
      model.addAttribute("errors", e.problems());
    } catch (CatalogueStore.VersionConflict | CatalogueStore.DirectPublicationRefused e) {
      model.addAttribute("errors", List.of(e.getMessage()));
    }
    return importPage(model);
  }
}
