package dk.os2.governance.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published Markdown evaluation report, as read (before it meets a catalogue). Themes and levels
 * are as the report writes them (a theme is its heading; a level is normalised only where OS2's
 * own names are used: "Niveau 2" and "2" are both {@code 2}); the import resolves them against the
 * catalogue. {@code warnings} are the disagreements between the report's hand-made count tables and
 * its rows, and anything the report says that could not be kept.
 */
record EvaluationReport(
    Map<String, String> frontMatter,
    String productName,
    String templateVersion,
    String catalogueId,
    LocalDate date,
    String author,
    String authorEmail,
    List<Link> links,
    String summary,
    String overall,
    String recommendations,
    String statedLevel,
    List<Row> rows,
    List<String> warnings) {

  /** One criterion row of a theme table; {@code theme} is the heading the table stands under. */
  record Row(int line, String theme, String id, String level, String requirement, String criterion, Light light,
      String basis) {}

  /** A further line of the information block: the GitHub organisation, the OS2 page, the governance report. */
  record Link(String label, String value) {}
}
