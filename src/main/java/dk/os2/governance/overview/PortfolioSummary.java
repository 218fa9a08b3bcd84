package dk.os2.governance.overview;

import dk.os2.governance.deviation.Deviations;
import dk.os2.governance.evaluation.PortfolioLights;
import dk.os2.governance.portfolio.PortfolioList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The top of the portfolio page: the whole portfolio's figures, its three charts, the levels and
 * municipalities the filters offer, the lights per theme and the deviation register's figures.
 * The same for every user and every filter, and read from several modules' tables, so it is kept
 * for one revision of the database ({@link PortfolioRevision}) and one day (overdue and due per
 * month count from today). Any committed change to those tables, on any node, moves the revision
 * on: the next page load reads everything again. Where the database keeps no revision (H2), it is
 * read on every load.
 */
@Component
class PortfolioSummary {

  private static final Locale DANISH = Locale.forLanguageTag("da");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLL", DANISH);

  /** The horizon of the figure "deviations expiring soon". */
  static final int EXPIRING_WITHIN_DAYS = 30;

  /** The evaluations due are counted for this many months, from the current one. */
  static final int DUE_MONTHS = 12;

  /** What the page shows above the list. */
  record Snapshot(PortfolioList.Figures figures, List<String> levels, List<String> municipalities,
      PortfolioLights.Summary lights, Deviations.ExpiryCounts deviations, Charts.BarChart levelChart,
      Charts.StackChart themeChart, Charts.BarChart dueChart, long dueTotal, String html) {}

  private record Kept(long revision, LocalDate today, Snapshot snapshot) {}

  private final AtomicReference<Kept> kept = new AtomicReference<>();

  private final PortfolioRevision revision;
  private final PortfolioList list;
  private final ProductSearch search;
  private final PortfolioLights lights;
  private final Deviations deviations;

  private final ITemplateEngine templates;

  PortfolioSummary(PortfolioRevision revision, PortfolioList list, ProductSearch search, PortfolioLights lights,
      Deviations deviations, ITemplateEngine templates) {
    this.templates = templates;
    this.revision = revision;
    this.list = list;
    this.search = search;
    this.lights = lights;
    this.deviations = deviations;
  }

  /** The summary as of {@code today}: the kept one if the database's revision has not moved since. */
  Snapshot of(LocalDate today) {
    // The revision first: what is read after it is at least as new, so it may be kept under it.
    Optional<Long> now = revision.current();
    Kept last = kept.get();
    if (now.isPresent() && last != null && last.revision() == now.get() && last.today().equals(today)) {
      return last.snapshot();
    }
    Snapshot snapshot = read(today);
    now.ifPresent(r -> kept.set(new Kept(r, today, snapshot)));
    return snapshot;
  }

  private Snapshot read(LocalDate today) {
    // The figures, the months' due evaluations and the levels held: one statement over the products.
    PortfolioList.Summary portfolio = list.summary(today, YearMonth.from(today), DUE_MONTHS);
    List<String> levels = search.levels(portfolio.levels());
    PortfolioLights.Summary lit = lights.summary();
    Map<String, Long> active = new LinkedHashMap<>();
    levels.forEach(l -> active.put(l, portfolio.figures().activeByLevel().getOrDefault(l, 0L)));
    Map<String, Long> due = new LinkedHashMap<>();
    portfolio.duePerMonth().forEach((month, n) -> due.put(month.format(MONTH).replace(".", "") + "\n" + month.getYear(), n));
    Deviations.ExpiryCounts expiry = deviations.countOpenExpiringBy(today, today.plusDays(EXPIRING_WITHIN_DAYS));
    Charts.BarChart levelChart = Charts.bars("Aktive produkter pr. niveau", active);
    Charts.StackChart themeChart = Charts.lights("Grøn, gul og rød pr. tema", lit.themes());
    Charts.BarChart dueChart = Charts.bars("Evalueringer, der forfalder pr. måned", due);
    long dueTotal = due.values().stream().mapToLong(Long::longValue).sum();

    // Rendered here, once per revision, not on every page load (about half of the page's expressions).
    Context context = new Context(DANISH);
    context.setVariable("figures", portfolio.figures());
    context.setVariable("deviationsExpiring", expiry.expiring());
    context.setVariable("deviationsExpired", expiry.expired());
    context.setVariable("expiringWithinDays", EXPIRING_WITHIN_DAYS);
    context.setVariable("lights", lit);
    context.setVariable("levelChart", levelChart);
    context.setVariable("themeChart", themeChart);
    context.setVariable("dueChart", dueChart);
    context.setVariable("dueTotal", dueTotal);
    String html = templates.process("products-summary", Set.of("section"), context);

    return new Snapshot(portfolio.figures(), levels, list.municipalities(), lit, expiry, levelChart, themeChart,
        dueChart, dueTotal, html);
  }
}
