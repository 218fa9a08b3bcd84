package dk.os2.governance.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OS2's published evaluation reports (Markdown, as on OS2's audit site): a header with the
 * product, template version, date and author; one table per theme with the columns
 * {@code # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag}; a summary that
 * states the level ("fastholdes på **niveau 1**"); and hand-made count tables, which are read only
 * to be checked. Every problem names its line.
 */
final class EvaluationReportParser {

  static final Map<String, String> THEMES = Map.of(
      "relevans", "Relevans", "formkrav", "Formkrav", "strategisk", "Strategisk sammenhæng", "governance", "Governance");
  private static final Pattern HEADER = Pattern.compile(
      "^[-*\\s]*\\**\\s*(Produkt|Produktnavn|Skabelonversion|Skabelon|Version|Dato|Forfatter|Udarbejdet af|Evaluator)"
          + "\\s*\\**\\s*:\\s*\\**\\s*(.+?)\\s*\\**\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE = Pattern.compile("^#\\s+Evalueringsrapport\\s*(?:for|:|-|–)\\s*(.+)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STATED = Pattern.compile(
      "\\*\\*\\s*(?:niveau\\s+)?(sandkasse|[0-3])\\s*\\*\\*|(?:fastholdes|indstilles|opnår|placeres|vurderes)"
          + "[^.\\n]*?niveau\\s+\\**(sandkasse|[0-3])", Pattern.CASE_INSENSITIVE);
  private static final List<String> CRITERIA_HEADER =
      List.of("#", "niveau", "krav", "vurderingskriterie", "vurdering", "vurderingsgrundlag");

  private EvaluationReportParser() {}

  static EvaluationReport parse(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      throw new ImportException("Rapporten er tom.");
    }
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    List<String> problems = new ArrayList<>();
    String product = null;
    String version = null;
    String date = null;
    String author = null;
    String section = "";
    String theme = null;
    StringBuilder summary = new StringBuilder();
    List<EvaluationReport.Row> rows = new ArrayList<>();
    List<EvaluationReport.CountRow> counts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String table = null; // "criteria", "counts" or null
    List<String> countColumns = List.of();

    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (!line.startsWith("|")) {
        table = null;
      }
      Matcher title = TITLE.matcher(line);
      if (title.matches() && product == null) {
        product = clean(title.group(1));
        continue;
      }
      if (line.startsWith("#")) {
        section = line.replaceFirst("^#+\\s*", "").replaceFirst("^[0-9.]+\\s*", "").toLowerCase(Locale.ROOT);
        theme = themeOf(section);
        continue;
      }
      Matcher header = HEADER.matcher(line);
      if (header.matches() && table == null) {
        String key = header.group(1).toLowerCase(Locale.ROOT);
        String value = clean(header.group(2));
        switch (key) {
          case "produkt", "produktnavn" -> product = value;
          case "skabelonversion", "skabelon", "version" -> version = value.replaceFirst("(?i)^v(ersion)?\\s*", "");
          case "dato" -> date = value;
          default -> author = value;
        }
        continue;
      }
      if (section.startsWith("sammenfatning") || section.startsWith("resumé") || section.startsWith("konklusion")
          || section.startsWith("samlet vurdering") || section.startsWith("opsummering")) {
        if (!line.startsWith("|")) {
          summary.append(line).append('\n');
        }
      }
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      if (table == null) {
        List<String> lower = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (lower.equals(CRITERIA_HEADER)) {
          table = "criteria";
          if (theme == null) {
            problems.add("Linje " + lineNo + ": kriterietabellen står ikke under en overskrift med et tema "
                + "(Relevans, Formkrav, Strategisk sammenhæng eller Governance).");
          }
        } else if (cells.stream().skip(1).anyMatch(c -> Light.parse(c).isPresent())) {
          table = "counts";
          countColumns = cells;
        } else {
          table = "other";
        }
        continue;
      }
      if (cells.stream().allMatch(c -> c.matches(":?-{2,}:?"))) {
        continue; // the separator row
      }
      if (table.equals("criteria")) {
        row(lineNo, cells, theme, ids, rows, problems);
      } else if (table.equals("counts")) {
        countRow(lineNo, cells, countColumns, counts, problems);
      }
    }

    if (product == null) {
      problems.add("Rapporten angiver ikke produktets navn (f.eks. '**Produkt:** OS2eksempel').");
    }
    if (version == null) {
      problems.add("Rapporten angiver ikke skabelonens version (f.eks. '**Skabelonversion:** 0.9.2').");
    }
    if (rows.isEmpty()) {
      problems.add("Rapporten har ingen kriterietabel med kolonnerne # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag.");
    }
    String stated = null;
    Matcher statedMatch = STATED.matcher(summary.length() > 0 ? summary : markdown);
    if (statedMatch.find()) {
      stated = ReportLevels.parse(statedMatch.group(1) != null ? statedMatch.group(1) : statedMatch.group(2)).orElse(null);
    }
    if (stated == null) {
      problems.add("Rapportens sammenfatning angiver ikke det anbefalede niveau (f.eks. 'fastholdes på **niveau 1**').");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    return new EvaluationReport(product, version, date, author, summary.toString().strip(), stated, rows, counts);
  }

  private static void row(int lineNo, List<String> cells, String theme, Set<String> ids,
      List<EvaluationReport.Row> rows, List<String> problems) {
    if (cells.size() != 6) {
      problems.add("Linje " + lineNo + ": en kriterierække skal have 6 kolonner, men har " + cells.size() + ".");
      return;
    }
    String id = clean(cells.get(0));
    String where = "Linje " + lineNo + (id.isEmpty() ? "" : " (" + id + ")");
    if (id.isEmpty()) {
      problems.add(where + ": kriteriet mangler sit id i kolonnen '#'.");
      return;
    }
    if (!ids.add(id)) {
      problems.add(where + ": kriteriet " + id + " står to gange i rapporten.");
    }
    String level = ReportLevels.parse(cells.get(1)).orElse(null);
    if (level == null) {
      problems.add(where + ": ukendt niveau '" + cells.get(1) + "'; brug Sandkasse, 1, 2 eller 3.");
    }
    Light light = Light.parse(cells.get(4)).orElse(null);
    if (light == null) {
      problems.add(where + ": ukendt vurdering '" + cells.get(4) + "'; brug 🟢, 🟡, 🔴 eller ⚪.");
    }
    if (clean(cells.get(2)).isEmpty()) {
      problems.add(where + ": kolonnen 'Krav' er tom.");
    }
    if (level != null && light != null && theme != null) {
      rows.add(new EvaluationReport.Row(lineNo, theme, THEMES.get(theme), id, level, clean(cells.get(2)),
          clean(cells.get(3)), light, clean(cells.get(5))));
    }
  }

  private static void countRow(int lineNo, List<String> cells, List<String> columns,
      List<EvaluationReport.CountRow> counts, List<String> problems) {
    if (cells.size() != columns.size()) {
      problems.add("Linje " + lineNo + ": rækken i optællingen har " + cells.size() + " kolonner, men tabellen har "
          + columns.size() + ".");
      return;
    }
    Tally tally = Tally.ZERO;
    for (int c = 1; c < columns.size(); c++) {
      Light light = Light.parse(columns.get(c)).orElse(null);
      if (light == null) {
        continue; // a total column or similar
      }
      String number = clean(cells.get(c));
      if (!number.matches("\\d{1,4}")) {
        problems.add("Linje " + lineNo + ": '" + number + "' i optællingen er ikke et tal.");
        return;
      }
      for (int k = 0; k < Integer.parseInt(number); k++) {
        tally = tally.plus(light);
      }
    }
    counts.add(new EvaluationReport.CountRow(lineNo, clean(cells.get(0)), tally));
  }

  private static String themeOf(String heading) {
    for (String theme : THEMES.keySet()) {
      if (heading.startsWith(theme) || heading.contains(" " + theme)) {
        return theme;
      }
    }
    return null;
  }

  static List<String> cells(String line) {
    String inner = line.strip();
    if (inner.startsWith("|")) {
      inner = inner.substring(1);
    }
    if (inner.endsWith("|")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.strip().replace("\\|", "|"));
    }
    return cells;
  }

  private static String clean(String text) {
    return text == null ? "" : text.replace("**", "").strip();
  }
}
