package dk.os2.governance.overview;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.portfolio.PortfolioList;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.ProcessClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The list's request parameters, read the same way by the API, the page and the exports, and
 * refused with a Danish 400 when they cannot be read: {@code q} (part of the name), {@code level},
 * {@code status}, {@code municipality}, {@code overdue} and {@code gaps} ({@code true}/{@code false}),
 * {@code sort} ({@code name}, {@code level}, {@code status}, {@code since}, {@code lastEvaluation},
 * {@code nextEvaluation}, optionally followed by {@code ,asc} or {@code ,desc}), {@code page} (the
 * first is 1) and {@code size} (1 to 500, 50 when left out). An empty parameter is no filter.
 */
@Component
class ProductSearch {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final List<String> PARAMETERS =
      List.of("q", "level", "status", "municipality", "overdue", "gaps", "sort", "page", "size");

  private static final Map<String, PortfolioList.Sort> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("name", PortfolioList.Sort.NAME);
    SORTS.put("level", PortfolioList.Sort.LEVEL);
    SORTS.put("status", PortfolioList.Sort.STATUS);
    SORTS.put("since", PortfolioList.Sort.SINCE);
    SORTS.put("lastEvaluation", PortfolioList.Sort.LAST_EVALUATION);
    SORTS.put("nextEvaluation", PortfolioList.Sort.NEXT_EVALUATION);
  }

  /** A read request: what to show, which page, and the parameters as given (for links that keep them). */
  record Request(PortfolioList.Query query, int page, int size, String sortKey, Map<String, String> given) {}

  private final Catalogue catalogue;
  private final PortfolioList list;
  private final MessageSource messages;

  ProductSearch(Catalogue catalogue, PortfolioList list, MessageSource messages) {
    this.catalogue = catalogue;
    this.list = list;
    this.messages = messages;
  }

  Request read(Map<String, String> parameters) {
    Map<String, String> given = new LinkedHashMap<>();
    PARAMETERS.forEach(name -> {
      String value = parameters.get(name);
      if (value != null && !value.isBlank()) {
        given.put(name, value.trim());
      }
    });
    List<String> problems = new ArrayList<>();
    String q = given.get("q");
    if (q != null && q.length() > 100) {
      problems.add(text("portfolio.refusal.query"));
    }
    String level = given.get("level");
    if (level != null && !catalogue.hasLevel(level) && !list.levels().contains(level)) {
      problems.add(text("portfolio.refusal.level", level, String.join(", ", levels())));
    }
    ProductStatus status = null;
    if (given.containsKey("status")) {
      try {
        status = ProductStatus.valueOf(given.get("status").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(text("portfolio.refusal.status", given.get("status"),
            String.join(", ", Arrays.stream(ProductStatus.values()).map(Enum::name).toList())));
      }
    }
    String municipality = given.get("municipality");
    if (municipality != null && municipality.length() > 1000) {
      problems.add(text("portfolio.refusal.municipality"));
    }
    Boolean overdue = yesNo(given, "overdue", problems);
    Boolean gaps = yesNo(given, "gaps", problems);
    String sortKey = given.getOrDefault("sort", "name");
    String[] sort = sortKey.split(",", -1);
    boolean descending = sort.length == 2 && sort[1].equalsIgnoreCase("desc");
    if (!SORTS.containsKey(sort[0]) || sort.length > 2
        || (sort.length == 2 && !descending && !sort[1].equalsIgnoreCase("asc"))) {
      problems.add(text("portfolio.refusal.sort", sortKey, String.join(", ", SORTS.keySet())));
    }
    int page = number(given, "page", 1, Integer.MAX_VALUE / MAX_SIZE, 1, "portfolio.refusal.page", problems);
    int size = number(given, "size", 1, MAX_SIZE, DEFAULT_SIZE, "portfolio.refusal.size", problems);
    if (!problems.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", problems));
    }
    return new Request(new PortfolioList.Query(q, level, status, municipality, overdue, gaps, SORTS.get(sort[0]),
        descending, ProcessClock.today()), page, size, sort[0] + (descending ? ",desc" : ""), given);
  }

  List<String> levels() {
    return levels(list.levels());
  }

  /** The catalogue's levels, then any other level products hold ({@code held}, as the portfolio lists them). */
  List<String> levels(List<String> held) {
    List<String> levels = new ArrayList<>(catalogue.levels().stream().map(Catalogue.Level::id).toList());
    held.stream().filter(l -> !levels.contains(l)).forEach(levels::add);
    return levels;
  }

  private Boolean yesNo(Map<String, String> given, String name, List<String> problems) {
    String value = given.get(name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "ja" -> true;
      case "false", "nej" -> false;
      default -> {
        problems.add(text("portfolio.refusal.yesNo", name, value));
        yield null;
      }
    };
  }

  private int number(Map<String, String> given, String name, int min, int max, int fallback, String key,
      List<String> problems) {
    String value = given.get(name);
    return value == null ? fallback : PortfolioList.bounded(value, min, max).orElseGet(() -> {
      problems.add(text(key, value));
      return fallback;
    });
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.forLanguageTag("da"));
  }
}
