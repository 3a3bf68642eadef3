package org.parallax.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Geometry of the monthly trend charts of the outlet pages: one polyline per outlet and a dashed one for the corpus
 * median, computed here so that the templates only place shapes (server-rendered SVG, no script).
 */
final class OutletCharts {
  private OutletCharts() {}

  static final int WIDTH = 720;
  static final int HEIGHT = 200;
  private static final int LEFT = 48;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 28;
  /** The latest months shown; a longer history is cut to them. */
  static final int MAX_MONTHS = 48;

  record Dot(double x, double y, String title) {}

  record Line(String name, String color, String points, List<Dot> dots, boolean median) {}

  record Tick(double at, String label) {}

  record Chart(String id, String title, int width, int height, int left, int bottom, List<Line> lines,
               List<Tick> xTicks, List<Tick> yTicks, boolean empty) {}

  /**
   * A chart of one figure by month. {@code series}: outlet → month → value (NaN or absent: no point);
   * {@code median}: month → the corpus median. {@code percent}: values are shares, shown as percentages.
   */
  static Chart trend(String id, String title, Map<String, Map<String, Double>> series, Map<String, Double> median,
                     boolean percent) {
    TreeSet<String> monthSet = new TreeSet<>();
    series.values().forEach(m -> m.keySet().stream().filter(k -> k.matches("\\d{4}-\\d{2}")).forEach(monthSet::add));
    List<String> months = new ArrayList<>(monthSet);
    if (months.size() > MAX_MONTHS) {
      months = months.subList(months.size() - MAX_MONTHS, months.size());
    }
    double max = 0;
    for (Map<String, Double> m : series.values()) {
      for (String k : months) {
        max = Math.max(max, value(m.get(k)));
      }
    }
    for (String k : months) {
      max = Math.max(max, value(median.get(k)));
    }
    max = max <= 0 ? 1 : percent ? Math.min(1, max * 1.1) : max * 1.1; // a share's axis ends at 100 %
    double step = months.size() <= 1 ? 0 : (double) (WIDTH - LEFT - RIGHT) / (months.size() - 1);
    List<Line> lines = new ArrayList<>();
    int c = 0;
    for (Map.Entry<String, Map<String, Double>> s : series.entrySet()) {
      lines.add(line(s.getKey(), Charts.PALETTE[c++ % Charts.PALETTE.length], s.getValue(), months, step, max,
          percent, false));
    }
    lines.add(line("corpus median", "#777777", median, months, step, max, percent, true));
    List<Tick> xTicks = new ArrayList<>();
    int every = Math.max(1, (months.size() + 7) / 8);
    for (int i = 0; i < months.size(); i += every) {
      xTicks.add(new Tick(round(LEFT + i * step), months.get(i)));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 2; i++) {
      double v = max * i / 2;
      yTicks.add(new Tick(y(v, max), format(v, percent)));
    }
    return new Chart(id, title, WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, lines, xTicks, yTicks, months.isEmpty());
  }

  private static Line line(String name, String color, Map<String, Double> values, List<String> months, double step,
                           double max, boolean percent, boolean median) {
    StringBuilder points = new StringBuilder();
    List<Dot> dots = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      Double v = values.get(months.get(i));
      if (v == null || v.isNaN()) {
        continue;
      }
      double x = round(LEFT + i * step);
      double y = y(v, max);
      points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.add(new Dot(x, y, name + ", " + months.get(i) + ": " + format(v, percent)));
    }
    return new Line(name, color, points.toString(), dots, median);
  }

  private static double value(Double v) {
    return v == null || v.isNaN() ? 0 : v;
  }

  private static double y(double v, double max) {
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static String format(double v, boolean percent) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return percent ? String.format(Locale.ROOT, "%.0f%%", v * 100) : v >= 10 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
