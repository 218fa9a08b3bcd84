package dk.os2.governance.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a catalogue from YAML or JSON (JSON is YAML too), checking every field and naming each
 * problem; OS2's Governancerapport template (Markdown) is handed to {@link GovernanceTemplateReader}. The format is the one of {@code catalogue/os2-levels.yaml}:
 *
 * <pre>
 * id, version, title
 * levels:   [{id, name}], lowest first
 * themes:   [{id, name}]
 * criteria: [{id, theme, level, title, guidance?, mandatory? (true), deviationAllowed? (false),
 *             owner (forretningsudvalg | koordinationsudvalg)}]
 * </pre>
 */
public final class CatalogueReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The longest run of characters without whitespace that a catalogue may hold. SnakeYAML's reader
   * copies its whole look-ahead window for every 1,024 characters it peeks ahead, and it peeks to the
   * end of such a run: time grows with the square of the run's length (a 4 MB quoted string took
   * seconds). Bounding the run keeps parsing linear in the size of the file; no title, guidance or
   * link of a real catalogue comes near it. JSON is read by the JSON parser, which has no such limit.
   */
  static final int MAX_RUN = 4_000;
  private static final Set<String> OWNERS = Set.of("forretningsudvalg", "koordinationsudvalg");

  private CatalogueReader() {}

  /**
   * Reads a catalogue: OS2's Governancerapport template (Markdown, {@link GovernanceTemplateReader})
   * when the text names its template version, else YAML or JSON.
   */
  public static Catalogue read(String text) {
    if (GovernanceTemplateReader.isTemplate(text)) {
      return GovernanceTemplateReader.read(text);
    }
    JsonNode root;
    boolean json = text.stripLeading().startsWith("{");
    int run = json ? 0 : longestRun(text);
    if (run > MAX_RUN) {
      throw new CatalogueFormatException(List.of("Filen har " + run + " tegn i træk uden mellemrum eller linjeskift; "
          + "højst " + MAX_RUN + " er tilladt."));
    }
    try {
      // JSON goes to the JSON parser (linear, and exact line numbers); everything else is YAML.
      root = json ? JSON.readTree(text) : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new CatalogueFormatException(List.of("Filen er hverken gyldig YAML eller JSON (linje " + line + ")."));
    }
    if (root == null || !root.isObject()) {
      throw new CatalogueFormatException(List.of("Filen skal indeholde et katalog (et objekt med id, version, levels, themes og criteria)."));
    }
    List<String> problems = new ArrayList<>();
    String id = required(root, "id", "Kataloget", problems);
    String version = required(root, "version", "Kataloget", problems);
    String title = required(root, "title", "Kataloget", problems);
    List<Catalogue.Level> levels = new ArrayList<>();
    for (JsonNode level : list(root, "levels", problems)) {
      levels.add(new Catalogue.Level(required(level, "id", "Et niveau", problems), required(level, "name", "Et niveau", problems)));
    }
    List<Catalogue.Theme> themes = new ArrayList<>();
    for (JsonNode theme : list(root, "themes", problems)) {
      themes.add(new Catalogue.Theme(required(theme, "id", "Et tema", problems), required(theme, "name", "Et tema", problems)));
    }
    Set<String> levelIds = new HashSet<>();
    levels.forEach(l -> levelIds.add(l.id()));
    Set<String> themeIds = new HashSet<>();
    themes.forEach(t -> themeIds.add(t.id()));
    List<Criterion> criteria = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode c : list(root, "criteria", problems)) {
      index++;
      String cid = text(c, "id");
      String name = cid == null ? "Kriterium nr. " + index : "Kriterium " + cid;
      if (cid == null) {
        problems.add(name + " mangler 'id'.");
      } else if (!seen.add(cid)) {
        problems.add(name + " findes to gange.");
      }
      String theme = required(c, "theme", name, problems);
      if (theme != null && !themeIds.contains(theme)) {
        problems.add(name + " har ukendt tema '" + theme + "'.");
      }
      String level = required(c, "level", name, problems);
      if (level != null && !levelIds.contains(level)) {
        problems.add(name + " har ukendt niveau '" + level + "'.");
      }
      String criterionTitle = required(c, "title", name, problems);
      String owner = required(c, "owner", name, problems);
      if (owner != null && !OWNERS.contains(owner)) {
        problems.add(name + " har ukendt ejer '" + owner + "' (forretningsudvalg eller koordinationsudvalg).");
      }
      Boolean mandatory = bool(c, "mandatory", true, name, problems);
      Boolean deviation = bool(c, "deviationAllowed", false, name, problems);
      criteria.add(new Criterion(cid, theme, level, criterionTitle, text(c, "guidance"),
          Boolean.TRUE.equals(mandatory), Boolean.TRUE.equals(deviation), owner));
    }
    if (!problems.isEmpty()) {
      throw new CatalogueFormatException(problems);
    }
    return new Catalogue(id, version, title, levels, themes, criteria);
  }

  private static int longestRun(String text) {
    int longest = 0;
    int current = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        current = 0;
      } else if (++current > longest) {
        longest = current;
      }
    }
    return longest;
  }

  private static List<JsonNode> list(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add("Kataloget skal have en ikke-tom liste '" + field + "'.");
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static String required(JsonNode node, String field, String what, List<String> problems) {
    String value = text(node, field);
    if (value == null) {
      problems.add(what + " mangler '" + field + "'.");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText().trim();
  }

  private static Boolean bool(JsonNode node, String field, boolean fallback, String what, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problems.add(what + ": '" + field + "' skal være true eller false.");
      return null;
    }
    return value.asBoolean();
  }
}
