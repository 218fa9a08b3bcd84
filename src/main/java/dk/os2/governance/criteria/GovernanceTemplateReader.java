package dk.os2.governance.criteria;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OS2's "Governancerapport" template (Markdown) as a catalogue version: the information block
 * names the template's version ({@code > **Version for anvendt governancerapport:** 1.1.0}), each
 * theme is a heading ({@code ## RELEVANS}, {@code ## 🏛️ STRATEGISK SAMMENHÆNG}) followed by one table
 * {@code | # | Krav | Produktniveau | Retningslinjer |} (a filled-in report's extra columns, such as
 * {@code Efterlevet?} and {@code Dokumentation}, are ignored). CRLF or LF, a BOM, Jekyll front
 * matter, alignment colons and the level written {@code 2}, {@code Niveau 2} or {@code N2} all read
 * the same. Every refusal names its line, in Danish.
 *
 * <p>The catalogue is {@value #CATALOGUE_ID} at the template's version, over OS2's levels (Sandkasse,
 * 1, 2, 3); a criterion whose requirement says "anbefaling" is a recommendation, every other one is
 * mandatory; the template has no deviations, so none is allowed; the Business Committee owns them.
 */
public final class GovernanceTemplateReader {

  /** The catalogue id of every version of OS2's governance report template. */
  public static final String CATALOGUE_ID = "os2-governancerapport";

  private static final List<Catalogue.Level> LEVELS = List.of(new Catalogue.Level("sandkasse", "Sandkasse"),
      new Catalogue.Level("1", "Niveau 1"), new Catalogue.Level("2", "Niveau 2"), new Catalogue.Level("3", "Niveau 3"));
  /** OS2's four themes by the first word of their heading; other headings become themes of their own. */
  private static final Map<String, Catalogue.Theme> KNOWN_THEMES = Map.of(
      "relevans", new Catalogue.Theme("relevans", "Relevans"),
      "formkrav", new Catalogue.Theme("formkrav", "Formkrav"),
      "strategisk", new Catalogue.Theme("strategisk", "Strategisk sammenhæng"),
      "governance", new Catalogue.Theme("governance", "Governance"));
  private static final Pattern VERSION_LINE = Pattern.compile(
      "^(?:>\\s*)*\\*\\*\\s*Version for anvendt governancerapport\\s*:?\\s*\\*\\*\\s*:?\\s*(.*?)\\s*(?:<br\\s*/?>)?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+){0,3}");
  private static final Pattern HEADING = Pattern.compile("^#{2,4}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");
  private static final Pattern LEVEL = Pattern.compile("^(?:niveau\\s*|n)?([123])$");

  private GovernanceTemplateReader() {}

  /** Whether a text is such a template (rather than a YAML or JSON catalogue). */
  public static boolean isTemplate(String text) {
    return text != null && text.toLowerCase(Locale.ROOT).contains("version for anvendt governancerapport");
  }

  public static Catalogue read(String markdown) {
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> problems = new ArrayList<>();
    String version = null;
    Catalogue.Theme theme = null;
    int themeLine = 0;
    Map<String, Catalogue.Theme> themes = new LinkedHashMap<>();
    List<Criterion> criteria = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    int i = 0;
    // Jekyll front matter is the page's, not the template's.
    if (lines.length > 0 && lines[0].strip().equals("---")) {
      for (i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
        // skip
      }
      i++;
    }
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      Matcher versionLine = VERSION_LINE.matcher(line);
      if (versionLine.matches()) {
        String value = versionLine.group(1).replaceAll("[\\[\\]*`]", "").strip();
        if (!VERSION.matcher(value).matches()) {
          problems.add("Linje " + number + ": versionen '" + value
              + "' skal være tal adskilt af punktummer (f.eks. 1.1.0).");
        } else {
          version = value;
        }
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        theme = theme(heading.group(1));
        themeLine = number;
        continue;
      }
      if (!line.startsWith("|") || i + 1 >= lines.length || !SEPARATOR.matcher(lines[i + 1].strip()).matches()) {
        continue;
      }
      // A table: its header, then its rows until the first line that is not a row.
      List<String> header = cells(line).stream().map(c -> c.replaceAll("[*?]", "").strip().toLowerCase(Locale.ROOT)).toList();
      int id = header.indexOf("#");
      int requirement = header.indexOf("krav");
      int level = header.indexOf("produktniveau");
      int guidance = header.indexOf("retningslinjer");
      if (requirement < 0 && level < 0) {
        continue; // not a criteria table (a note, a count)
      }
      List<String> missing = new ArrayList<>();
      if (id < 0) {
        missing.add("#");
      }
      if (requirement < 0) {
        missing.add("Krav");
      }
      if (level < 0) {
        missing.add("Produktniveau");
      }
      if (guidance < 0) {
        missing.add("Retningslinjer");
      }
      if (!missing.isEmpty()) {
        problems.add("Linje " + number + ": kravtabellen mangler kolonnen " + String.join(", ", missing.stream()
            .map(m -> "'" + m + "'").toList()) + " (ventet: | # | Krav | Produktniveau | Retningslinjer |).");
      }
      if (theme == null) {
        problems.add("Linje " + number + ": kravtabellen står ikke under en temaoverskrift (f.eks. '## RELEVANS').");
      } else {
        themes.putIfAbsent(theme.id(), theme);
      }
      i += 2;
      for (; i < lines.length && lines[i].strip().startsWith("|"); i++) {
        if (!missing.isEmpty() || theme == null) {
          continue;
        }
        int row = i + 1;
        List<String> cells = cells(lines[i].strip());
        if (cells.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (cells.size() < header.size()) {
          problems.add("Linje " + row + ": rækken har " + cells.size() + " celler, men tabellen har " + header.size()
              + " kolonner.");
          continue;
        }
        String cid = clean(cells.get(id));
        String title = clean(cells.get(requirement));
        String where = "Linje " + row + (cid.isEmpty() ? "" : " (" + cid + ")");
        if (cid.isEmpty()) {
          problems.add(where + ": rækken mangler kravets nummer i kolonnen '#'.");
          continue;
        }
        if (firstLine.containsKey(cid)) {
          problems.add(where + ": kravet " + cid + " står også på linje " + firstLine.get(cid) + ".");
          continue;
        }
        firstLine.put(cid, row);
        if (title.isEmpty()) {
          problems.add(where + ": kravet mangler sin tekst i kolonnen 'Krav'.");
        }
        String levelText = clean(cells.get(level));
        String levelId = level(levelText);
        if (levelId == null) {
          problems.add(where + ": ukendt produktniveau '" + levelText
              + "'; brug Sandkasse, 1, 2 eller 3 (også skrevet 'Niveau 2' eller 'N2').");
          continue;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        boolean recommendation = lower.startsWith("anbefaling") || lower.contains("(anbefaling)");
        String guide = clean(cells.get(guidance));
        criteria.add(new Criterion(cid, theme.id(), levelId, title, guide.isEmpty() ? null : guide, !recommendation,
            false, "forretningsudvalg"));
      }
      i--;
    }
    if (version == null && problems.stream().noneMatch(p -> p.contains("versionen"))) {
      problems.add(0, "Skabelonen angiver ikke sin version: der mangler en linje som "
          + "'> **Version for anvendt governancerapport:** 1.1.0' i informationsblokken.");
    }
    if (criteria.isEmpty() && problems.isEmpty()) {
      problems.add("Skabelonen har ingen kravtabeller ('| # | Krav | Produktniveau | Retningslinjer |' under en "
          + "temaoverskrift som '## RELEVANS').");
    }
    if (!problems.isEmpty()) {
      throw new CatalogueFormatException(problems);
    }
    return new Catalogue(CATALOGUE_ID, version, "OS2 Governancerapport " + version, LEVELS,
        List.copyOf(themes.values()), criteria);
  }

  /** "🏛️ STRATEGISK SAMMENHÆNG" → strategisk; an unknown heading is a theme named by its words. */
  private static Catalogue.Theme theme(String heading) {
    String words = heading.replaceAll("[^\\p{L}\\p{N} ]", " ").strip().replaceAll("\\s+", " ");
    if (words.isEmpty()) {
      return null;
    }
    String first = words.split(" ")[0].toLowerCase(Locale.ROOT);
    Catalogue.Theme known = KNOWN_THEMES.get(first);
    if (known != null) {
      return known;
    }
    String lower = words.toLowerCase(Locale.ROOT);
    return new Catalogue.Theme(lower.replace(' ', '-'), lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1));
  }

  /** "Sandkasse", "2", "Niveau 2", "N2", "**2**" → sandkasse, 2; anything else null. */
  static String level(String text) {
    String t = text.replaceAll("[*_`\\[\\]]", "").strip().toLowerCase(Locale.ROOT);
    if (t.equals("sandkasse")) {
      return "sandkasse";
    }
    Matcher m = LEVEL.matcher(t);
    return m.matches() ? m.group(1) : null;
  }

  /** The cells of a table row: split on pipes that are not escaped, without the outer ones. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    String body = row.startsWith("|") ? row.substring(1) : row;
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '\\' && k + 1 < body.length() && body.charAt(k + 1) == '|') {
        cell.append('|');
        k++;
      } else if (c == '|') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString());
    }
    return cells;
  }

  private static String clean(String cell) {
    return cell.replaceAll("(?i)<br\\s*/?>", " ").strip().replaceAll("\\s+", " ");
  }
}
