package dk.os2.governance.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The levels of OS2's published evaluation model, as reports and self-assessments write them. */
final class ReportLevels {

  static final List<String> IDS = List.of("sandkasse", "1", "2", "3");
  static final List<String> NAMES = List.of("Sandkasse", "Niveau 1", "Niveau 2", "Niveau 3");

  private ReportLevels() {}

  /** "Sandkasse", "1", "Niveau 2", "niveau 3" → sandkasse, 1, 2, 3. */
  static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT).replace("*", "").replaceFirst("^niveau\\s*", "").trim();
    return IDS.contains(t) ? Optional.of(t) : Optional.empty();
  }

  /**
   * A level cell as the report writes it: OS2's own levels normalised ("Niveau 2" → 2), any other
   * (a catalogue's "N2") as written, without bold, brackets or a line-break tag and what follows it.
   */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String t = text.replaceAll("(?i)<br\\s*/?>.*$", "").replace("*", "").strip();
    return parse(t).orElse(t.matches("(?i)n[1-9]") ? t.toUpperCase(Locale.ROOT) : t);
  }

  static String name(String id) {
    int i = IDS.indexOf(id);
    return i < 0 ? id : NAMES.get(i);
  }

  /** The order of levels: OS2's own first, in their order, then others by name (N1, N2, N3). */
  static int rank(String id) {
    int i = IDS.indexOf(id);
    return i >= 0 ? i : 10;
  }

  /** The portfolio's level for a report level: 1-3 (or N1-N3) map to N1-N3; the sandbox has none. */
  static String portfolioLevel(String id) {
    return switch (id) {
      case "1", "N1" -> "N1";
      case "2", "N2" -> "N2";
      case "3", "N3" -> "N3";
      default -> null;
    };
  }
}
