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

  static String name(String id) {
    int i = IDS.indexOf(id);
    return i < 0 ? id : NAMES.get(i);
  }

  /** The portfolio's level for a report level: 1-3 map to N1-N3; the sandbox has none. */
  static String portfolioLevel(String id) {
    return switch (id) {
      case "1" -> "N1";
      case "2" -> "N2";
      case "3" -> "N3";
      default -> null;
    };
  }
}
