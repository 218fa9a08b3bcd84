package dk.os2.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's Markdown: the table of figures with ratios and goals, then the raw numbers. */
final class Report {

  static final String README_START = "<!-- benchmark-table:start -->";
  static final String README_END = "<!-- benchmark-table:end -->";

  String mode;
  String settings;
  String loadBefore;
  String loadAfter;
  String postgres;
  double minutes;
  final Map<String, Double> startUp = new LinkedHashMap<>();
  /** side → lifecycle → one map of step counts per measured lifecycle. */
  final Map<String, Map<String, List<Map<String, Side.Counts>>>> lifecycles = new LinkedHashMap<>();
  final List<Round> rounds = new ArrayList<>();
  final Map<String, String> seeding = new LinkedHashMap<>();
  final List<Latency> latencies = new ArrayList<>();
  final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  record Round(int round, String side, int lifecycles, double seconds, double drainSeconds) {}

  record Latency(String label, String side, double p50, double p95, double max, double statementsPerRequest, int bytes) {}

  void add(String side, String lifecycle, Map<String, Side.Counts> steps) {
    lifecycles.computeIfAbsent(side, s -> new LinkedHashMap<>()).computeIfAbsent(lifecycle, l -> new ArrayList<>())
        .add(steps);
  }

  /** Mean over the measured lifecycles of a figure of the whole lifecycle or of its completions. */
  double mean(String side, String lifecycle, boolean completionsOnly, java.util.function.ToLongFunction<Side.Counts> figure) {
    List<Map<String, Side.Counts>> runs = lifecycles.getOrDefault(side, Map.of()).getOrDefault(lifecycle, List.of());
    if (runs.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Map<String, Side.Counts> run : runs) {
      long total = 0;
      int completions = 0;
      for (Map.Entry<String, Side.Counts> step : run.entrySet()) {
        if (completionsOnly && step.getKey().equals("start")) {
          continue;
        }
        total += figure.applyAsLong(step.getValue());
        completions++;
      }
      sum += completionsOnly ? (double) total / completions : total;
    }
    return sum / runs.size();
  }

  double rate(String side) {
    return rounds.stream().filter(r -> r.side().equals(side)).mapToDouble(r -> r.lifecycles() / r.seconds()).average()
        .orElse(Double.NaN);
  }

  String table() {
    StringBuilder t = new StringBuilder("| figure | app | bare engine | ratio | goal | met? |\n|---|---|---|---|---|---|\n");
    String[][] kinds = {{"proposal", "proposal lifecycle (start + 4 completions)"},
        {"levelChange", "N1 → N3 level change with handover (start + 4 completions)"},
        {"evaluation", "N3 evaluation (start, timer + 5 completions)"}};
    for (String[] kind : kinds) {
      boolean proposal = kind[0].equals("proposal");
      ratioRow(t, "SQL statements per " + kind[1], mean("app", kind[0], false, Side.Counts::statements),
          mean("bare", kind[0], false, Side.Counts::statements), "%.0f", proposal ? 1.2 : Double.NaN, true);
      ratioRow(t, "  per task completion", mean("app", kind[0], true, Side.Counts::statements),
          mean("bare", kind[0], true, Side.Counts::statements), "%.0f", Double.NaN, true);
      ratioRow(t, "  transactions per lifecycle", mean("app", kind[0], false, Side.Counts::transactions),
          mean("bare", kind[0], false, Side.Counts::transactions), "%.0f", Double.NaN, true);
    }
    ratioRow(t, "lifecycles/s (proposal), 4 client threads, A B A B", rate("app"), rate("bare"), "%.2f", 0.8, false);
    ratioRow(t, "start-up to first answer (H2, restart), s", startUp.getOrDefault("app restart", Double.NaN),
        startUp.getOrDefault("bare restart", Double.NaN), "%.1f", 1.2, true);
    for (Latency app : latencies) {
      if (!app.side().equals("app")) {
        continue;
      }
      Latency bare = latencies.stream().filter(l -> l.side().equals("bare") && l.label().equals(app.label())).findFirst()
          .orElse(null);
      double goal = goalMs(app.label());
      String appCell = String.format(Locale.ROOT, "%.0f / %.0f ms", app.p50(), app.p95());
      String bareCell = bare == null ? "—" : String.format(Locale.ROOT, "%.0f / %.0f ms", bare.p50(), bare.p95());
      String ratio = bare == null ? "—" : String.format(Locale.ROOT, "%.2f", app.p95() / bare.p95());
      t.append("| ").append(app.label()).append(", p50 / p95 | ").append(appCell).append(" | ").append(bareCell)
          .append(" | ").append(ratio).append(" | ")
          .append(Double.isNaN(goal) ? "" : String.format(Locale.ROOT, "p95 ≤ %.0f ms", goal)).append(" | ")
          .append(Double.isNaN(goal) ? "" : app.p95() <= goal ? "yes" : "**no**").append(" |\n");
    }
    return t.toString();
  }

  static double goalMs(String label) {
    if (label.contains("/api/products/{id}")) {
      return Double.NaN;
    }
    if (label.contains("products") || label.contains("produkter")) {
      return 100;
    }
    return 50;
  }

  private static void ratioRow(StringBuilder t, String label, double app, double bare, String format, double goal,
      boolean atMost) {
    double ratio = app / bare;
    t.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, format, app)).append(" | ")
        .append(String.format(Locale.ROOT, format, bare)).append(" | ").append(String.format(Locale.ROOT, "%.2f", ratio))
        .append(" | ");
    if (Double.isNaN(goal)) {
      t.append(" | |\n");
    } else {
      boolean met = atMost ? ratio <= goal : ratio >= goal;
      t.append(atMost ? "≤ " : "≥ ").append(goal).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark: the application against a bare Camunda engine\n\n");
    md.append("Written by `./mvnw -B -Pbenchmark verify` (`dk.os2.benchmark.Benchmark`) on ")
        .append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(". Mode: **").append(mode).append("** (").append(settings).append("). PostgreSQL ").append(postgres)
        .append(" (embedded, one server, a database per side). Load average before: ").append(loadBefore)
        .append("; after: ").append(loadAfter).append(". The run took ")
        .append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
    if ("quick".equals(mode)) {
      md.append("**Quick mode**: short rounds and small data, for development; the figures at scale are not those of the goals.\n\n");
    }
    md.append(table()).append('\n');
    md.append("Ratios are app / bare engine. Goals are those of issue 13 (statements and start-up ≤ 1.2, throughput ≥ 0.8) "
        + "and issue 12 (portfolio p95 ≤ 100 ms at 10,000 products); the task queries' and board agenda's ≤ 50 ms "
        + "are at 500 open tasks per body. A missed goal is reported here, it does not fail the run.\n\n");
    if (!failures.isEmpty()) {
      md.append("## Failures\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
      md.append('\n');
    }
    md.append("## Raw numbers\n\n### Statements and transactions per step\n\n");
    md.append("Each step is one request for the task as its body and one form submission (the start: one request), counted "
        + "until the job executor is idle again (its polls that find nothing are not counted). Statements in a JDBC batch "
        + "count once per row; transactions are commits plus statements in auto-commit mode.\n\n");
    md.append("| side | lifecycle | run | step | statements | selects | writes | JDBC executions | transactions | rollbacks |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    lifecycles.forEach((side, kinds) -> kinds.forEach((kind, runs) -> {
      for (int r = 0; r < runs.size(); r++) {
        Side.Counts total = new Side.Counts(0, 0, 0, 0, 0, 0);
        for (Map.Entry<String, Side.Counts> step : runs.get(r).entrySet()) {
          Side.Counts c = step.getValue();
          total = total.plus(c);
          md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %d | %d | %d | %d |%n", side, kind, r + 1,
              step.getKey(), c.statements(), c.selects(), c.writes(), c.executions(), c.transactions(), c.rollbacks()));
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | **total** | %d | %d | %d | %d | %d | %d |%n", side, kind, r + 1,
            total.statements(), total.selects(), total.writes(), total.executions(), total.transactions(), total.rollbacks()));
      }
    }));
    md.append("\n### Throughput rounds\n\n| round | side | lifecycles | seconds | lifecycles/s | job executor drained after (s) |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Round r : rounds) {
      md.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.2f | %.1f |%n", r.round(), r.side(), r.lifecycles(),
          r.seconds(), r.lifecycles() / r.seconds(), r.drainSeconds()));
    }
    md.append("\n### Start-up to first answer (H2)\n\n| side, start | seconds |\n|---|---|\n");
    startUp.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));
    md.append("\n### Seeding\n\n");
    seeding.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n### Queries at scale\n\n| query | side | p50 ms | p95 ms | max ms | statements per request | answer bytes |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Latency l : latencies) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %d |%n", l.label(), l.side(), l.p50(),
          l.p95(), l.max(), l.statementsPerRequest(), l.bytes()));
    }
    return md.toString();
  }

  /** Puts the table (and the run's line) between the README's markers, if it has them. */
  void updateReadme(Path readme) throws IOException {
    if (!Files.exists(readme)) {
      return;
    }
    String text = Files.readString(readme);
    int start = text.indexOf(README_START);
    int end = text.indexOf(README_END);
    if (start < 0 || end < start) {
      return;
    }
    String block = README_START + "\n" + "Latest run (" + mode + ", "
        + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
        + ", load average before " + loadBefore + "; details in `docs/benchmark.md`):\n\n" + table() + "\n";
    Files.writeString(readme, text.substring(0, start) + block + text.substring(end));
  }
}
