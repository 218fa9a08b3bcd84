package dk.os2.governance.evaluation;

import java.util.List;

/** A published Markdown evaluation report, as read (before it meets a catalogue). */
record EvaluationReport(
    String productName,
    String templateVersion,
    String date,
    String author,
    String summary,
    String statedLevel,
    List<Row> rows,
    List<CountRow> counts) {

  /** One criterion row of a theme table. */
  record Row(int line, String theme, String themeName, String id, String level, String requirement,
      String criterion, Light light, String basis) {}

  /** One row of a hand-made count table: a level or a theme, and its four numbers. */
  record CountRow(int line, String key, Tally tally) {}
}
