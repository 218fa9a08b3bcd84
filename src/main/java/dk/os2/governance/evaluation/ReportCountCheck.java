package dk.os2.governance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's hand-made count tables, checked against its own criteria rows: the count table
 * ({@code | Niveau | 🟢 Grøn | 🟡 Gul | 🔴 Rød | I alt |}, a row per level and {@code **Samlet**})
 * and the theme × level table ({@code | Tema / Niveau | Sandkasse<br/>(6 krav) | … | Total |},
 * cells such as {@code 🟢 1 🟡 2}, a {@code **Samlet**} row with percentages). Each disagreement
 * is a warning naming the line, the table, the row (and column) and both numbers; the rows are
 * what counts.
 */
final class ReportCountCheck {

  static final String COUNT_TABLE = "optællingen pr. niveau";
  static final String THEME_TABLE = "tabellen tema × niveau";

  private static final Pattern CELL = Pattern.compile(
      "(🟢|🟡|🔴|⚪|grøn|gul|rød|grå)\\uFE0F?\\s*:?\\s*(\\d{1,4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** What one row (or cell) of a table states: only the lights the table shows, and its total if it has one. */
  private record Stated(int line, String table, String row, String column, Map<Light, Integer> lights, Integer total) {}

  private final List<Stated> stated = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();

  void countRow(int lineNo, List<String> header, List<String> cells, List<String> problems) {
    if (cells.size() != header.size()) {
      problems.add("Linje " + lineNo + ": rækken i optællingen har " + cells.size() + " kolonner, men tabellen har "
          + header.size() + ".");
      return;
    }
    Map<Light, Integer> lights = new EnumMap<>(Light.class);
    Integer total = null;
    for (int c = 1; c < header.size(); c++) {
      Optional<Light> light = Light.parse(header.get(c));
      boolean isTotal = isTotal(header.get(c));
      if (light.isEmpty() && !isTotal) {
        continue;
      }
      String number = EvaluationReportParser.clean(cells.get(c));
      if (!number.isEmpty() && !number.matches("\\d{1,4}")) {
        problems.add("Linje " + lineNo + ": '" + number + "' i optællingen er ikke et tal.");
        return;
      }
      int n = number.isEmpty() ? 0 : Integer.parseInt(number);
      if (light.isPresent()) {
        lights.put(light.get(), n);
      } else {
        total = n;
      }
    }
    stated.add(new Stated(lineNo, COUNT_TABLE, label(cells.get(0)), null, lights, total));
  }

  void themeRow(int lineNo, List<String> header, List<String> cells) {
    String row = label(cells.get(0));
    for (int c = 1; c < Math.min(header.size(), cells.size()); c++) {
      String column = label(header.get(c));
      String cell = cells.get(c).replaceAll("(?i)<br\\s*/?>", " ").replaceAll("\\(\\s*\\d+\\s*%\\s*\\)", " ")
          .replace("**", "");
      Map<Light, Integer> lights = new EnumMap<>(Light.class);
      for (Light l : Light.values()) {
        lights.put(l, 0);
      }
      Matcher m = CELL.matcher(cell);
      while (m.find()) {
        lights.merge(Light.parse(m.group(1)).orElseThrow(), Integer.parseInt(m.group(2)), Integer::sum);
      }
      if (!CELL.matcher(cell).replaceAll("").isBlank()) {
        unreadable.add("Linje " + lineNo + ": " + THEME_TABLE + ", rækken «" + row + "», kolonnen «" + column
            + "»: '" + cells.get(c).strip() + "' kan ikke læses som en optælling og er ikke kontrolleret.");
        continue;
      }
      stated.add(new Stated(lineNo, THEME_TABLE, row, column, lights, null));
    }
  }

  /** The warnings: every stated number that the rows do not give. */
  List<String> check(List<EvaluationReport.Row> rows) {
    Map<String, Tally> byLevel = new LinkedHashMap<>();
    Map<String, Tally> byTheme = new LinkedHashMap<>();
    Map<String, Tally> byThemeAndLevel = new LinkedHashMap<>();
    Tally all = Tally.ZERO;
    for (EvaluationReport.Row r : rows) {
      byLevel.merge(r.level(), Tally.ZERO.plus(r.light()), Tally::plus);
      byTheme.merge(key(r.theme()), Tally.ZERO.plus(r.light()), Tally::plus);
      byThemeAndLevel.merge(key(r.theme()) + "\n" + r.level(), Tally.ZERO.plus(r.light()), Tally::plus);
      all = all.plus(r.light());
    }
    Map<String, Tally> cumulative = new LinkedHashMap<>();
    Tally running = Tally.ZERO;
    for (String level : byLevel.keySet().stream()
        .sorted(Comparator.comparing(ReportLevels::rank).thenComparing(Comparator.naturalOrder())).toList()) {
      running = running.plus(byLevel.get(level));
      cumulative.put(level, running);
    }

    List<String> warnings = new ArrayList<>(unreadable);
    for (Stated s : stated) {
      Where row = where(s.row(), byLevel, byTheme);
      Where column = s.column() == null ? new Where("total", null) : where(s.column(), byLevel, byTheme);
      String place = "Linje " + s.line() + ": " + s.table() + ", rækken «" + s.row() + "»"
          + (s.column() == null ? "" : ", kolonnen «" + s.column() + "»");
      if (row == null || column == null || column.kind().equals("theme")) {
        warnings.add(place + ": " + (row == null ? "rækken" : "kolonnen")
            + " er hverken et niveau, et tema eller Samlet og er ikke kontrolleret.");
        continue;
      }
      String level = row.kind().equals("level") ? row.key() : column.kind().equals("level") ? column.key() : null;
      String theme = row.kind().equals("theme") ? row.key() : null;
      Tally expected;
      if (theme != null && level != null) {
        expected = byThemeAndLevel.getOrDefault(theme + "\n" + level, Tally.ZERO);
      } else if (theme != null) {
        expected = byTheme.getOrDefault(theme, Tally.ZERO);
      } else if (level != null) {
        expected = byLevel.getOrDefault(level, Tally.ZERO);
      } else {
        expected = all;
      }
      boolean cumulativeToo = s.table().equals(COUNT_TABLE) && level != null && theme == null;
      if (agrees(s, expected) || cumulativeToo && agrees(s, cumulative.getOrDefault(level, Tally.ZERO))) {
        continue;
      }
      warnings.add(place + ": rapporten siger " + format(s.lights(), s.total()) + ", men kriterierækkerne giver "
          + format(expectedAs(s, expected), s.total() == null ? null : expected.total()) + ".");
    }
    return warnings;
  }

  private record Where(String kind, String key) {}

  private static Where where(String label, Map<String, Tally> levels, Map<String, Tally> themes) {
    if (isTotal(label)) {
      return new Where("total", null);
    }
    String level = ReportLevels.normalise(label);
    if (levels.containsKey(level) || ReportLevels.IDS.contains(level)) {
      return new Where("level", level);
    }
    String key = key(label);
    if (themes.containsKey(key)) {
      return new Where("theme", key);
    }
    String word = themeWord(key);
    if (word == null) {
      return null;
    }
    // One of OS2's themes, under whatever heading the rows use; without rows at all, it counts nothing.
    return themes.keySet().stream().filter(t -> word.equals(themeWord(t))).findFirst()
        .map(t -> new Where("theme", t)).orElse(new Where("theme", key));
  }

  private static boolean agrees(Stated s, Tally expected) {
    return s.lights().entrySet().stream().allMatch(e -> expected.of(e.getKey()) == e.getValue())
        && (s.total() == null || s.total() == expected.total());
  }

  private static Map<Light, Integer> expectedAs(Stated s, Tally expected) {
    Map<Light, Integer> lights = new EnumMap<>(Light.class);
    s.lights().keySet().forEach(l -> lights.put(l, expected.of(l)));
    return lights;
  }

  private static String format(Map<Light, Integer> lights, Integer total) {
    StringBuilder text = new StringBuilder();
    lights.forEach((light, n) -> {
      if (light != Light.GREY || n > 0 || lights.size() < 4) {
        text.append(text.isEmpty() ? "" : " ").append(light.symbol()).append(' ').append(n);
      }
    });
    if (total != null) {
      text.append(text.isEmpty() ? "" : " ").append("i alt ").append(total);
    }
    return text.toString();
  }

  static boolean isTotal(String label) {
    return label(label).toLowerCase(Locale.ROOT).matches("(samlet|i alt|total|alle)\\b.*");
  }

  /** A row's or column's label: the text before a line-break tag, without bold or emoji. */
  private static String label(String cell) {
    return EvaluationReportParser.words(cell.replaceAll("(?i)<br\\s*/?>.*$", ""));
  }

  /** A theme heading or row label compared as words: "### 🏛️ STRATEGISK SAMMENHÆNG" = "**Strategisk sammenhæng**". */
  static String key(String theme) {
    return label(theme).toLowerCase(Locale.ROOT).replaceFirst("^[0-9.]+\\s*", "").replaceAll("\\s+", " ").strip();
  }

  /** OS2's theme a heading names by its first word, if any ("strategisk", "governance"). */
  static String themeWord(String key) {
    for (String word : EvaluationReportParser.THEMES.keySet()) {
      if (key.startsWith(word) || key.contains(" " + word)) {
        return word;
      }
    }
    return null;
  }
}
