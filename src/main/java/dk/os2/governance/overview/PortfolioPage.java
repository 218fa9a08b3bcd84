package dk.os2.governance.overview;

import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import java.util.LinkedHashMap;
import java.util.List;
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

  private final ProductSearch search;
  private final PortfolioList list;
  private final PortfolioSummary summary;

  PortfolioPage(ProductSearch search, PortfolioList list, PortfolioSummary summary) {
    this.search = search;
    this.list = list;
    this.summary = summary;
  }

  /** A column header: its label, the link that sorts by it, and the arrow when the list is sorted by it. */
  record Column(String label, String link, String arrow) {}

  /** A page link; {@code link} is null for the page shown. */
  record PageLink(String label, String link) {}

  @GetMapping(PATH)
  String portfolio(@RequestParam Map<String, String> parameters, Model model) {
    ProductSearch.Request request = search.read(parameters);
    // The list is read for every request (exact for its filters); the top of the page is kept per revision.
    PortfolioList.Page page = list.page(request.query(), request.page(), request.size());
    PortfolioSummary.Snapshot top = summary.of(ProcessClock.today());
    model.addAttribute("page", page);
    model.addAttribute("filters", request.given());
    model.addAttribute("levels", top.levels());
    model.addAttribute("statuses", ProductStatus.values());
    model.addAttribute("municipalities", top.municipalities());
    model.addAttribute("columns", columns(request));
    model.addAttribute("pageLinks", pageLinks(request, page));
    model.addAttribute("csv", link(PortfolioExport.CSV, request.given(), Map.of("page", "", "size", "")));
    model.addAttribute("json", link(PortfolioExport.JSON, request.given(), Map.of("page", "", "size", "")));
    model.addAttribute("summaryHtml", top.html());
    return "products";
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
