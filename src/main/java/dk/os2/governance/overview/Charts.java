package dk.os2.governance.overview;

import dk.os2.governance.evaluation.PortfolioLights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portfolio page's charts as geometry for inline SVG (drawn by the template, no script): bars
 * per label, and one 100 % bar per theme split into green, yellow, red and grey. Every bar carries
 * its number as text, so the chart reads without a legend or a hover.
 */
final class Charts {

  static final int WIDTH = 480;
  static final int HEIGHT = 220;
  private static final int TOP = 24;
  private static final int BOTTOM = 36;
  private static final int SIDE = 12;

  /** A bar chart: {@code x}, {@code y}, {@code width}, {@code height} of each bar in the SVG's units. */
  record BarChart(String title, int width, int height, int baseline, List<Bar> bars) {}

  /** A bar; {@code label} is drawn under it, and {@code sublabel} (may be empty) under that. */
  record Bar(String label, String sublabel, long value, double x, double y, double width, double height,
      double middle) {}

  /** One theme's 100 % bar. */
  record Stack(String label, double y, long total, List<Segment> segments) {}

  record Segment(String light, String name, long value, double x, double width) {}

  record StackChart(String title, int width, int height, int labelWidth, int barWidth, List<Stack> rows) {}

  private Charts() {}

  /** Bars in the map's order; a label may hold a line break, the rest drawn as a second line. */
  static BarChart bars(String title, Map<String, Long> values) {
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int plot = HEIGHT - TOP - BOTTOM;
    double slot = (WIDTH - 2.0 * SIDE) / Math.max(1, values.size());
    List<Bar> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      double height = e.getValue() == 0 ? 0 : Math.max(2, plot * e.getValue() / (double) max);
      double x = SIDE + i * slot + slot * 0.15;
      String[] label = e.getKey().split("\n", 2);
      bars.add(new Bar(label[0], label.length > 1 ? label[1] : "", e.getValue(), round(x), round(TOP + plot - height), round(slot * 0.7),
          round(height), round(x + slot * 0.35)));
      i++;
    }
    return new BarChart(title, WIDTH, HEIGHT, TOP + plot, bars);
  }

  static StackChart lights(String title, List<PortfolioLights.ThemeLights> themes) {
    int labelWidth = 170;
    int barWidth = WIDTH - labelWidth - SIDE;
    int rowHeight = 34;
    List<Stack> rows = new ArrayList<>();
    for (int r = 0; r < themes.size(); r++) {
      PortfolioLights.ThemeLights t = themes.get(r);
      long total = t.total();
      List<Segment> segments = new ArrayList<>();
      double x = labelWidth;
      String[][] parts = {{"GREEN", "grøn"}, {"YELLOW", "gul"}, {"RED", "rød"}, {"GREY", "grå"}};
      long[] values = {t.green(), t.yellow(), t.red(), t.grey()};
      for (int k = 0; k < 4; k++) {
        if (values[k] > 0 && total > 0) {
          double width = barWidth * values[k] / (double) total;
          segments.add(new Segment(parts[k][0], parts[k][1], values[k], round(x), round(width)));
          x += width;
        }
      }
      rows.add(new Stack(t.theme(), 8 + r * rowHeight, total, segments));
    }
    return new StackChart(title, WIDTH, 16 + themes.size() * rowHeight, labelWidth, barWidth, rows);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
