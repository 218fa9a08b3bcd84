package dk.os2.governance.overview;

import dk.os2.governance.deviation.Deviation;
import dk.os2.governance.deviation.Deviations;
import dk.os2.governance.evaluation.PortfolioLights;
import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portfolio page, for every logged-in user: the summary figures and charts of the whole
 * portfolio, then the products the filters show, a page at a time, sorted by the column clicked,
 * with links to the same products as CSV and JSON ({@link PortfolioExport}).
 */
@Controller
class PortfolioPage {

  static final String PATH = "/app/produkter";

  private static final Locale DANISH = Locale.forLanguageTag("da");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLL", DANISH);

  /** The horizon of the figure "deviations expiring soon". */
  static final int EXPIRING_WITHIN_DAYS = 30;

  private final ProductSearch search;
  private final PortfolioList list;
  private final PortfolioLights lights;
  private final Deviations deviations;

  PortfolioPage(ProductSearch search, PortfolioList list, PortfolioLights lights, Deviations deviations) {
    this.deviations = deviations;
    this.search = search;
    this.list = list;
    this.lights = lights;
  }

  /** A column header: its label, the link that sorts by it, and the arrow when the list is sorted by it. */
  record Column(String label, String link, String arrow) {}

  /** A page link; {@code link} is null for the page shown. */
  record PageLink(String label, String link) {}

  @GetMapping(PATH)
  String portfolio(@RequestParam Map<String, String> parameters, Model model) {
    ProductSearch.Request request = search.read(parameters);
    PortfolioList.Page page = list.page(request.query(), request.page(), request.size());
    model.addAttribute("page", page);
    model.addAttribute("filters", request.given());
    // The figures, the months' due evaluations and the levels held: one statement over the products.
    PortfolioList.Summary portfolio = list.summary(ProcessClock.today(), YearMonth.from(ProcessClock.today()), 12);
    List<String> levels = search.levels(portfolio.levels());
    model.addAttribute("levels", levels);
    model.addAttribute("statuses", ProductStatus.values());
    model.addAttribute("municipalities", list.municipalities());
    model.addAttribute("columns", columns(request));
    model.addAttribute("pageLinks", pageLinks(request, page));
    model.addAttribute("csv", link(PortfolioExport.CSV, request.given(), Map.of("page", "", "size", "")));
    model.addAttribute("json", link(PortfolioExport.JSON, request.given(), Map.of("page", "", "size", "")));

    PortfolioList.Figures figures = portfolio.figures();
    model.addAttribute("figures", figures);
    // The deviation register: open deviations expiring within the next 30 days, and those already expired.
    List<Deviation> expiring = deviations.openExpiringBy(ProcessClock.today().plusDays(EXPIRING_WITHIN_DAYS));
    model.addAttribute("deviationsExpiring", expiring.stream().filter(d -> d.state() == Deviation.State.OPEN).count());
    model.addAttribute("deviationsExpired", expiring.stream().filter(d -> d.state() == Deviation.State.EXPIRED).count());
    model.addAttribute("expiringWithinDays", EXPIRING_WITHIN_DAYS);
    PortfolioLights.Summary summary = lights.summary();
    model.addAttribute("lights", summary);
    model.addAttribute("levelChart", Charts.bars("Aktive produkter pr. niveau", levels(levels, figures)));
    model.addAttribute("themeChart", Charts.lights("Grøn, gul og rød pr. tema", summary.themes()));
    Map<String, Long> due = new LinkedHashMap<>();
    portfolio.duePerMonth().forEach((month, n) -> due.put(month.format(MONTH).replace(".", "") + "\n" + month.getYear(), n));
    model.addAttribute("dueChart", Charts.bars("Evalueringer, der forfalder pr. måned", due));
    model.addAttribute("dueTotal", due.values().stream().mapToLong(Long::longValue).sum());
    return "products";
  }

  private static Map<String, Long> levels(List<String> shown, PortfolioList.Figures figures) {
    Map<String, Long> levels = new LinkedHashMap<>();
    shown.forEach(l -> levels.put(l, figures.activeByLevel().getOrDefault(l, 0L)));
    return levels;
  }

  private List<Column> columns(ProductSearch.Request request) {
    String[][] columns = {{"name", "Produkt"}, {"level", "Niveau"}, {"status", "Status"}, {"since", "Niveau siden"},
        {"lastEvaluation", "Seneste evaluering"}, {"nextEvaluation", "Næste evaluering"}};
    String current = request.sortKey();
    return java.util.Arrays.stream(columns).map(c -> {
      boolean sorted = current.equals(c[0]) || current.equals(c[0] + ",desc");
      boolean descending = current.endsWith(",desc");
      String next = sorted && !descending ? c[0] + ",desc" : c[0];
      return new Column(c[1], link(PATH, request.given(), Map.of("sort", next, "page", "")),
          sorted ? (descending ? "▼" : "▲") : "");
    }).toList();
  }

  private List<PageLink> pageLinks(ProductSearch.Request request, PortfolioList.Page page) {
    List<PageLink> links = new java.util.ArrayList<>();
    int pages = page.pages();
    int from = Math.max(1, page.page() - 3);
    int to = Math.min(pages, page.page() + 3);
    if (page.page() > 1) {
      links.add(new PageLink("« Forrige", pageLink(request, page.page() - 1)));
    }
    if (from > 1) {
      links.add(new PageLink("1", pageLink(request, 1)));
    }
    for (int p = from; p <= to; p++) {
      links.add(new PageLink(String.valueOf(p), p == page.page() ? null : pageLink(request, p)));
    }
    if (to < pages) {
      links.add(new PageLink(String.valueOf(pages), pageLink(request, pages)));
    }
    if (page.page() < pages) {
      links.add(new PageLink("Næste »", pageLink(request, page.page() + 1)));
    }
    return links;
  }

  private static String pageLink(ProductSearch.Request request, int page) {
    return link(PATH, request.given(), Map.of("page", String.valueOf(page)));
  }

  /** The path with the given parameters, some replaced (an empty value drops the parameter). */
  static String link(String path, Map<String, String> given, Map<String, String> replaced) {
    Map<String, String> parameters = new LinkedHashMap<>(given);
    parameters.putAll(replaced);
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    parameters.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        uri.queryParam(name, "{" + name + "}");
      }
    });
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        values.put(name, value);
      }
    });
    return uri.encode().buildAndExpand(values).toUriString();
  }
}
