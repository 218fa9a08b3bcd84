package dk.os2.governance.evaluation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes an evaluation as a Markdown report in OS2's published format (the one
 * {@link EvaluationReportParser} reads): heading, quoted information block, summary with the
 * recommended level, one criteria table per theme, the count table per level with its
 * {@code **Samlet**} row and the theme × level table. A catalogue other than OS2's model is named
 * in the information block, so the report imports again against the same catalogue.
 */
final class EvaluationReportWriter {

  private static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private EvaluationReportWriter() {}

  static String markdown(EvaluationDetails e) {
    StringBuilder md = new StringBuilder();
    md.append("# Vurdering af OS2-produktet: **").append(e.productName()).append("**\n\n");
    md.append("## 📄 Dokumentinformation\n");
    md.append("> **Evalueringsskabelon version:** ").append(e.catalogue().version()).append("  \n");
    if (!ReportImport.OS2_MODEL.equals(e.catalogue().id())) {
      md.append("> **Kriteriekatalog:** ").append(e.catalogue().id()).append("  \n");
    }
    if (e.evaluatedOn() != null) {
      md.append("> **Dato for udfyldelse:** ").append(DANISH.format(e.evaluatedOn())).append("  \n");
    }
    if (e.author() != null || e.authorEmail() != null) {
      md.append("> **Audit udført af:** ").append(e.author() == null ? "" : e.author())
          .append(e.author() != null && e.authorEmail() != null ? ", " : "")
          .append(e.authorEmail() == null ? "" : e.authorEmail()).append("  \n");
    }
    for (EvaluationDetails.Link link : e.links()) {
      md.append("> **").append(link.label()).append(":** ").append(link.value()).append("  \n");
    }
    md.append("\n## 📝 Resumé\n\n");
    String summary = e.summary() == null ? "" : e.summary().strip();
    if (!summary.isEmpty()) {
      md.append(summary).append("\n\n");
    }
    String level = e.statedLevel() != null ? e.statedLevel()
        : e.indicativeLevel() != null ? e.indicativeLevel() : e.levels().get(0).id();
    if (!level.equals(EvaluationReportParser.recommended(summary))) {
      md.append("Det anbefales, at produktet placeres på **").append(mention(level)).append("**.\n\n");
    }
    md.append("## 🔍 Vurdering af alle krav\n\n");
    for (EvaluationDetails.Theme theme : e.themes()) {
      if (theme.items().stream().allMatch(i -> i.light() == null)) {
        continue;
      }
      md.append("### ").append(theme.name()).append("\n\n");
      md.append("| # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag |\n");
      md.append("|---|--------|------|--------------------|-----------|--------------------|\n");
      for (EvaluationDetails.Item item : theme.items()) {
        if (item.light() == null) {
          continue;
        }
        md.append("| ").append(item.criterionId()).append(" | ").append(levelCell(item.level())).append(" | ")
            .append(escape(item.title())).append(" | ").append(escape(item.guidance())).append(" | ")
            .append(item.symbol()).append(" | ").append(escape(item.rationale())).append(" |\n");
      }
      md.append('\n');
    }
    counts(md, e);
    if (e.overall() != null && !e.overall().isBlank()) {
      md.append("## 🔍 Overordnet vurdering\n\n").append(e.overall().strip()).append("\n\n");
    }
    if (e.recommendations() != null && !e.recommendations().isBlank()) {
      md.append("## 📈 Anbefaling\n\n").append(e.recommendations().strip()).append("\n");
    }
    return md.toString();
  }

  private static void counts(StringBuilder md, EvaluationDetails e) {
    Map<String, Tally> byLevel = e.counts().byLevel();
    boolean grey = byLevel.values().stream().anyMatch(t -> t.grey() > 0);
    Tally all = byLevel.values().stream().reduce(Tally.ZERO, Tally::plus);
    md.append("## 📊 Optælling af vurderinger pr. niveau og tema\n\n");
    md.append("| Niveau | 🟢 Grøn | 🟡 Gul | 🔴 Rød |").append(grey ? " ⚪ Grå |" : "").append(" I alt |\n");
    md.append("|---|---:|---:|---:|").append(grey ? "---:|" : "").append("---:|\n");
    for (EvaluationDetails.Level level : e.levels()) {
      countRow(md, levelName(level.id()), byLevel.get(level.id()), grey);
    }
    countRow(md, "**Samlet**", all, grey);
    md.append('\n');

    List<EvaluationDetails.Level> levels = e.levels();
    md.append("| Tema / Niveau |");
    levels.forEach(l -> md.append(' ').append(levelName(l.id())).append(" |"));
    md.append(" Total |\n|---|");
    levels.forEach(l -> md.append("---|"));
    md.append("---|\n");
    for (EvaluationDetails.Theme theme : e.themes()) {
      md.append("| ").append(theme.name()).append(" |");
      levels.forEach(l -> md.append(' ').append(cell(e.counts().byLevelAndTheme().get(l.id()).get(theme.id())))
          .append(" |"));
      md.append(' ').append(cell(e.counts().byTheme().get(theme.id()))).append(" |\n");
    }
    md.append("| **Samlet** |");
    levels.forEach(l -> md.append(' ').append(cell(byLevel.get(l.id()))).append(" |"));
    md.append(' ').append(cell(all)).append(" |\n\n");
  }

  private static void countRow(StringBuilder md, String name, Tally t, boolean grey) {
    md.append("| ").append(name).append(" | ").append(t.green()).append(" | ").append(t.yellow()).append(" | ")
        .append(t.red()).append(" |").append(grey ? " " + t.grey() + " |" : "").append(' ').append(t.total())
        .append(" |\n");
  }

  /** A theme × level cell as OS2 writes it: only the lights that occur ("🟢 1 🟡 2"). */
  private static String cell(Tally t) {
    StringBuilder text = new StringBuilder();
    for (Light light : Light.values()) {
      if (t.of(light) > 0) {
        text.append(text.isEmpty() ? "" : " ").append(light.symbol()).append(' ').append(t.of(light));
      }
    }
    return text.toString();
  }

  private static String levelCell(String id) {
    return "sandkasse".equals(id) ? "Sandkasse" : id;
  }

  private static String levelName(String id) {
    return ReportLevels.name(id);
  }

  /** The level as a summary names it: "niveau 1", "sandkasse", "N2". */
  private static String mention(String id) {
    return ReportLevels.IDS.contains(id) ? ReportLevels.name(id).toLowerCase() : id;
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
