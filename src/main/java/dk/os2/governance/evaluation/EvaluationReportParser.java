package dk.os2.governance.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OS2's published evaluation reports as they stand on OS2's audit site: optional Jekyll
 * front matter; the heading {@code # Vurdering af OS2-produktet: **Navn**}; the information block
 * of quoted lines ({@code > **Evalueringsskabelon version:** 0.9}, date, author with mail, the
 * product's GitHub organisation, its OS2 page, the governance report used); sections whose headings
 * may carry an emoji; one criteria table per theme
 * ({@code # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag}); and the
 * hand-made count tables, which are only checked ({@link ReportCountCheck}). The application's
 * earlier header lines ({@code **Produkt:** …}) are read too. CRLF or LF, a BOM, extra spaces,
 * alignment colons, emoji or words for lights: all the same. Every problem names its line.
 */
final class EvaluationReportParser {

  /** OS2's themes by a word of their heading: the ids under which a report's own catalogue keeps them. */
  static final Map<String, String> THEMES = Map.of(
      "relevans", "Relevans", "formkrav", "Formkrav", "strategisk", "Strategisk sammenhæng", "governance", "Governance");

  private static final Pattern TITLE = Pattern.compile(
      "^#\\s+(?:Vurdering|Evaluering)(?:srapport)?(?:\\s+af\\s+OS2-produkt(?:et)?)?\\s*(?::|for\\b|-|–)\\s*(.+)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern INFO = Pattern.compile("^(?:>\\s*)*(?:[-*]\\s+)?\\*\\*([^*]+?)\\*\\*\\s*:?\\s*(.*)$");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern MENTION = Pattern.compile(
      "niveau\\s*\\**\\s*([0-3])(?![0-9])|\\b(N[1-3])\\b|\\b(sandkasse)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern STATED = Pattern.compile(
      "\\*\\*\\s*(?:niveau\\s+)?(sandkasse|[0-3]|N[1-3])\\s*\\*\\*|(?:fastholdes|indstilles|opnår|placeres|vurderes)"
          + "[^.\\n]*?niveau\\s+\\**(sandkasse|[0-3])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final List<String> CRITERIA_HEADER =
      List.of("#", "niveau", "krav", "vurderingskriterie", "vurdering", "vurderingsgrundlag");
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ISO_LOCAL_DATE);

  private EvaluationReportParser() {}

  /** The text as the report means it: no BOM, LF line ends. */
  static String normalise(String markdown) {
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  static EvaluationReport parse(String markdown) {
    if (markdown == null || normalise(markdown).isBlank()) {
      throw new ImportException("Rapporten er tom.");
    }
    String[] lines = normalise(markdown).split("\n", -1);
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, String> frontMatter = new LinkedHashMap<>();
    int start = frontMatter(lines, frontMatter);

    String product = null;
    String version = null;
    String catalogueId = null;
    String dateText = null;
    String author = null;
    List<EvaluationReport.Link> links = new ArrayList<>();
    Map<String, StringBuilder> sections = new LinkedHashMap<>();
    String capture = null; // "summary", "overall", "recommendations" or null
    int captureDepth = 0;
    boolean infoZone = true;
    String heading = null;
    List<EvaluationReport.Row> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    ReportCountCheck counts = new ReportCountCheck();
    String table = null; // "criteria", "counts", "themes", "other" or null
    List<String> header = List.of();

    for (int i = start; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (!line.startsWith("|")) {
        table = null;
      }
      Matcher title = TITLE.matcher(line);
      if (title.matches() && product == null && line.startsWith("# ")) {
        product = clean(title.group(1)).matches("\\[.*]") ? "" : value(title.group(1));
        continue;
      }
      if (line.startsWith("#")) {
        int depth = line.length() - line.replaceFirst("^#+", "").length();
        String text = words(line.replaceFirst("^#+\\s*", ""));
        String key = text.toLowerCase(Locale.ROOT).replaceFirst("^[0-9.]+\\s*", "");
        if (depth > 1 && !key.startsWith("dokumentinformation")) {
          infoZone = false;
        }
        heading = text;
        String section = sectionOf(key);
        if ("recommendations".equals(capture) && depth > captureDepth && section == null) {
          sections.get(capture).append(text).append('\n'); // a priority under the recommendations
          continue;
        }
        capture = section;
        captureDepth = depth;
        if (capture != null) {
          sections.putIfAbsent(capture, new StringBuilder());
        }
        continue;
      }
      Matcher info = INFO.matcher(line);
      if (infoZone && table == null && info.matches()) {
        String label = words(info.group(1)).replaceFirst(":$", "").strip();
        String value = value(info.group(2));
        String key = label.toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
          continue;
        }
        if (key.matches("produkt(navn)?|produktets navn")) {
          product = value;
        } else if (key.contains("governance")) {
          links.add(new EvaluationReport.Link(label, value));
        } else if (key.contains("katalog")) {
          catalogueId = value;
        } else if (key.contains("skabelon") || key.contains("version")) {
          version = value.replaceFirst("(?i)^v(ersion)?\\s*", "");
        } else if (key.startsWith("dato")) {
          dateText = value;
        } else if (key.matches(".*(udført af|lavet af|made by|forfatter|udarbejdet af|evaluator|auditor|revisor).*")) {
          author = value;
        } else {
          links.add(new EvaluationReport.Link(label, value));
        }
        continue;
      }
      if (capture != null && !line.startsWith("|")) {
        sections.get(capture).append(line).append('\n');
      }
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      if (table == null) {
        header = cells;
        table = kind(cells);
        if (table.equals("criteria") && heading == null) {
          problems.add("Linje " + lineNo + ": kriterietabellen står ikke under en overskrift med et tema "
              + "(f.eks. '### 🌍 RELEVANS').");
        }
        continue;
      }
      if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue; // the separator row, alignment colons or not
      }
      switch (table) {
        case "criteria" -> row(lineNo, cells, heading, ids, rows, problems);
        case "counts" -> counts.countRow(lineNo, header, cells, problems);
        case "themes" -> counts.themeRow(lineNo, header, cells);
        default -> { }
      }
    }

    String titled = frontMatter.getOrDefault("title", "");
    if ((product == null || product.isEmpty()) && titled.matches("(?iu)^(vurdering|evaluering)\\s+af\\s+.+")) {
      product = value(titled.replaceFirst("(?iu)^(vurdering|evaluering)\\s+af\\s+(OS2-produkt(et)?:?\\s*)?", ""));
    }
    if (product != null && product.isEmpty()) {
      product = null;
    }
    if (product == null) {
      problems.add("Rapporten angiver ikke produktets navn (f.eks. '# Vurdering af OS2-produktet: **OS2eksempel**').");
    }
    if (version == null) {
      problems.add("Rapporten angiver ikke skabelonens version (f.eks. '> **Evalueringsskabelon version:** 0.9').");
    }
    if (rows.isEmpty()) {
      problems.add("Rapporten har ingen kriterietabel med kolonnerne # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag.");
    }
    String summary = text(sections.get("summary"));
    String overall = text(sections.get("overall"));
    String recommendations = text(sections.get("recommendations"));
    String stated = recommended(summary);
    if (stated == null) {
      stated = recommended(recommendations);
    }
    if (stated == null && sections.isEmpty()) {
      stated = recommended(String.join("\n", lines));
    }
    if (stated == null) {
      problems.add("Rapportens resumé angiver ikke det anbefalede niveau (f.eks. 'Det anbefales, at produktet "
          + "fastholdes på **niveau 1**').");
    }
    if (!problems.isEmpty()) {
      throw new ImportException(problems);
    }
    LocalDate date = null;
    if (dateText != null) {
      date = date(dateText);
      if (date == null) {
        warnings.add("Rapportens dato '" + dateText + "' er ikke en dato som dd-mm-åååå; den er ikke gemt.");
      }
    }
    String authorEmail = null;
    if (author != null) {
      Matcher mail = EMAIL.matcher(author);
      if (mail.find()) {
        authorEmail = mail.group();
        author = author.replaceAll("\\[([^]]*)]\\(mailto:[^)]*\\)", "$1").replace(authorEmail, "")
            .replaceAll("[<>()\\[\\]]", "").replaceAll("[,;\\s]+$", "").replaceAll("^[,;\\s]+", "").strip();
        if (author.isEmpty()) {
          author = null;
        }
      }
    }
    warnings.addAll(counts.check(rows));
    return new EvaluationReport(frontMatter, product, version, catalogueId, date, author, authorEmail, links,
        summary, overall, recommendations, stated, rows, warnings);
  }

  /** Jekyll front matter ({@code ---} … {@code ---}) into the map; the index of the first line after it. */
  private static int frontMatter(String[] lines, Map<String, String> into) {
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return 0;
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---")) {
        return i + 1;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        into.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip().replaceAll("^[\"']|[\"']$", ""));
      }
    }
    into.clear();
    return 0; // no closing line: not front matter after all
  }

  private static String sectionOf(String heading) {
    if (heading.matches("(resumé|resume|sammenfatning|opsummering|konklusion).*")) {
      return "summary";
    }
    if (heading.matches("(overordnet vurdering|samlet vurdering).*")) {
      return "overall";
    }
    if (heading.matches("anbefaling.*")) {
      return "recommendations";
    }
    return null;
  }

  private static String kind(List<String> header) {
    List<String> lower = header.stream().map(c -> words(c).toLowerCase(Locale.ROOT)).toList();
    if (lower.equals(CRITERIA_HEADER)) {
      return "criteria";
    }
    if (header.stream().skip(1).filter(c -> Light.parse(c).isPresent()).count() >= 2) {
      return "counts";
    }
    if (!lower.isEmpty() && lower.get(0).contains("tema") && header.size() >= 3) {
      return "themes";
    }
    return "other";
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
    String level = ReportLevels.normalise(cells.get(1));
    if (level.isEmpty()) {
      problems.add(where + ": kolonnen 'Niveau' er tom; brug Sandkasse, 1, 2 eller 3.");
    }
    Light light = Light.parse(cells.get(4)).orElse(null);
    if (light == null) {
      problems.add(where + ": ukendt vurdering '" + cells.get(4) + "'; brug 🟢, 🟡, 🔴 eller ⚪ (eller Grøn, Gul, Rød).");
    }
    if (clean(cells.get(2)).isEmpty()) {
      problems.add(where + ": kolonnen 'Krav' er tom.");
    }
    if (!level.isEmpty() && light != null && theme != null) {
      rows.add(new EvaluationReport.Row(lineNo, theme, id, level, clean(cells.get(2)), clean(cells.get(3)), light,
          clean(cells.get(5))));
    }
  }

  /**
   * The level a text recommends: in the first sentence that recommends ("anbefal…"), the level it
   * moves the product to or keeps it at ("til niveau 1", "på niveau 1"), else the first it names;
   * without such a sentence, a level in bold or after "fastholdes", "placeres" and the like.
   */
  static String recommended(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
      if (!sentence.toLowerCase(Locale.ROOT).contains("anbefal")) {
        continue;
      }
      String first = null;
      Matcher m = MENTION.matcher(sentence);
      while (m.find()) {
        String level = ReportLevels.normalise(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        String before = sentence.substring(Math.max(0, m.start() - 6), m.start()).replace("*", "").toLowerCase(Locale.ROOT);
        if (before.matches(".*\\b(til|på|i)\\s*$")) {
          return level;
        }
        first = first == null ? level : first;
      }
      if (first != null) {
        return first;
      }
    }
    Matcher stated = STATED.matcher(text);
    return stated.find() ? ReportLevels.normalise(stated.group(1) != null ? stated.group(1) : stated.group(2)) : null;
  }

  static LocalDate date(String text) {
    String t = text.replaceAll("[\\[\\]*]", "").strip();
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(t, format);
      } catch (DateTimeParseException e) {
        // the next form
      }
    }
    return null;
  }

  static List<String> cells(String line) {
    String inner = line.strip();
    if (inner.startsWith("|")) {
      inner = inner.substring(1);
    }
    if (inner.endsWith("|") && !inner.endsWith("\\|")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.strip().replace("\\|", "|"));
    }
    return cells;
  }

  /** A section's text without template placeholders ("[Her skrives …]"). */
  private static String text(StringBuilder section) {
    if (section == null) {
      return "";
    }
    return section.toString().lines().filter(l -> !l.strip().matches("\\[.*]")).reduce("", (a, b) -> a + b + "\n")
        .strip();
  }

  /** An information block's value: no line-break tags, bold or template brackets. */
  private static String value(String text) {
    return clean(text.replaceAll("(?i)<br\\s*/?>", " ")).replaceAll("^\\[(.*)]$", "$1").strip();
  }

  /** Words without emoji: "🏛️ STRATEGISK SAMMENHÆNG" → "STRATEGISK SAMMENHÆNG". */
  static String words(String text) {
    return text.replaceAll("[\\p{So}\\p{Cs}\\uFE0F\\u200D]", "").replace("**", "").strip();
  }

  static String clean(String text) {
    return text == null ? "" : text.replace("**", "").strip();
  }
}
