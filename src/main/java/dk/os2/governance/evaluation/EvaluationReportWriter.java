package dk.os2.governance.evaluation;

/** Writes an evaluation as a Markdown report in the format {@link EvaluationReportParser} reads. */
final class EvaluationReportWriter {

  private EvaluationReportWriter() {}

  static String markdown(EvaluationDetails e) {
    StringBuilder md = new StringBuilder();
    md.append("# Evalueringsrapport: ").append(e.productName()).append("\n\n");
    md.append("**Produkt:** ").append(e.productName()).append("  \n");
    md.append("**Skabelonversion:** ").append(e.catalogue().version()).append("  \n");
    md.append("**Dato:** ").append(e.evaluatedOn() == null ? "" : e.evaluatedOn()).append("  \n");
    md.append("**Forfatter:** ").append(e.author() == null ? "" : e.author()).append("\n\n");
    md.append("## Sammenfatning\n\n");
    if (e.summary() != null && !e.summary().isBlank()) {
      md.append(e.summary().strip()).append("\n\n");
    }
    String level = e.statedLevel() == null ? e.indicativeLevel() : e.statedLevel();
    if (level != null && (e.summary() == null || !e.summary().contains("**"))) {
      md.append("Produktet fastholdes på **").append(ReportLevels.name(level).toLowerCase()).append("**.\n\n");
    }
    for (EvaluationDetails.Theme theme : e.themes()) {
      md.append("## ").append(theme.name()).append("\n\n");
      md.append("| # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag |\n");
      md.append("|---|---|---|---|---|---|\n");
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
    md.append("## Optælling\n\n| Niveau | 🟢 | 🟡 | 🔴 | ⚪ |\n|---|---|---|---|---|\n");
    e.counts().byLevel().forEach((id, t) -> md.append("| ").append(levelCell(id)).append(" | ").append(t.green())
        .append(" | ").append(t.yellow()).append(" | ").append(t.red()).append(" | ").append(t.grey()).append(" |\n"));
    return md.toString();
  }

  private static String levelCell(String id) {
    return "sandkasse".equals(id) ? "Sandkasse" : id;
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
