package org.parallax.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.parallax.model.ArticleReport;
import org.parallax.model.Report;
import org.parallax.model.Reuse;

/**
 * Geometry of the two SVG charts of a story page, computed here so templates only place shapes. Coordinates are in
 * the SVG's own units; the page scales the drawing to its width.
 */
final class Charts {
  private Charts() {}

  static final String[] PALETTE = {"#3b6fd4", "#d9534f", "#2e9d62", "#e8a33a", "#8a5cc2", "#2aa5b8", "#c25c94",
      "#6b7a8f"};

  /** One side in the voices legend. */
  record Side(String name, String color, int x) {}

  /** A piece of an article's voices bar. */
  record Segment(String side, String color, double share, int x, int width, String percent) {}

  /** One article's row. */
  record FramingRow(String label, String id, int y, double score, String scoreText, int barWidth, int quotes,
                    List<Segment> voices) {}

  record Framing(int width, int height, int barX, int voicesX, int voicesWidth, List<FramingRow> rows,
                 List<Side> sides) {}

  private static final int ROW = 30;
  private static final int TOP = 28;

  /** Loaded-language score and share of quoted voices by side, one row per article. */
  static Framing framing(Report r) {
    TreeSet<String> sideNames = new TreeSet<>();
    double max = 0.5;
    for (ArticleReport a : r.articles()) {
      sideNames.addAll(a.voices().bySide().keySet());
      max = Math.max(max, a.loadedLanguage().score());
    }
    List<Side> sides = new ArrayList<>();
    int lx = 0;
    for (String s : sideNames) {
      sides.add(new Side(s, color(sides.size()), lx));
      lx += 16 + Math.min(s.length(), 28) * 7 + 18;
    }
    int barX = 250;
    int barMax = 190;
    int voicesX = 500;
    int voicesWidth = 250;
    List<FramingRow> rows = new ArrayList<>();
    int y = TOP;
    for (ArticleReport a : r.articles()) {
      double score = a.loadedLanguage().score();
      List<Segment> segments = new ArrayList<>();
      int x = voicesX;
      for (Map.Entry<String, Double> e : a.voices().bySide().entrySet()) {
        int w = (int) Math.round(voicesWidth * e.getValue());
        String color = sides.stream().filter(s -> s.name().equals(e.getKey())).findFirst().map(Side::color)
            .orElse("#999999");
        segments.add(new Segment(e.getKey(), color, e.getValue(), x, Math.max(w, 1),
            Math.round(e.getValue() * 100) + "%"));
        x += w;
      }
      rows.add(new FramingRow(clip(a.outlet(), 34), a.id(), y, score, String.format(Locale.ROOT, "%.1f", score),
          Math.max(1, (int) Math.round(barMax * score / max)), a.voices().quotes(), segments));
      y += ROW;
    }
    return new Framing(760, y + 6, barX, voicesX, voicesWidth, rows, sides);
  }

  /** An article in the reuse graph. */
  record Node(String id, String label, int x, int y, int labelX, int labelY, String anchor, boolean copies) {}

  /** A reuse relation; {@code directed} when the earlier article is known (arrow from source to copy). */
  record Edge(String from, String to, String kind, boolean directed, int x1, int y1, int x2, int y2, String title) {}

  record ReuseGraph(int width, int height, List<Node> nodes, List<Edge> edges, List<Reuse> pairs) {}

  /** Articles on a circle, an arrow from each source to the article that reuses it; independent pairs left out. */
  static ReuseGraph reuse(Report r, Map<String, StoryPage.ArticleLink> links) {
    List<Reuse> pairs = r.reuse().stream().filter(u -> !u.kind().equals("independent")).toList();
    int n = r.articles().size();
    int width = 640;
    int height = n <= 2 ? 200 : 360;
    int cx = width / 2;
    int cy = height / 2;
    int radius = n <= 2 ? 0 : height / 2 - 50;
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ArticleReport a = r.articles().get(i);
      double angle = 2 * Math.PI * i / Math.max(n, 1) - Math.PI / 2;
      int x = n <= 2 ? (n == 1 ? cx : 160 + i * 320) : (int) Math.round(cx + radius * Math.cos(angle));
      int y = n <= 2 ? cy : (int) Math.round(cy + radius * Math.sin(angle));
      boolean right = x >= cx;
      boolean copies = pairs.stream().anyMatch(u -> u.source() != null && !u.source().equals(a.id())
          && (u.a().equals(a.id()) || u.b().equals(a.id())));
      nodes.add(new Node(a.id(), clip(a.outlet(), 26), x, y, n <= 2 ? x : x + (right ? 14 : -14),
          n <= 2 ? y + 30 : y + (y < cy ? -12 : 22), right || n <= 2 ? (n <= 2 ? "middle" : "start") : "end", copies));
    }
    List<Edge> edges = new ArrayList<>();
    for (Reuse u : pairs) {
      String from = u.source() != null ? u.source() : u.a();
      String to = from.equals(u.a()) ? u.b() : u.a();
      Node f = nodes.stream().filter(x -> x.id().equals(from)).findFirst().orElse(null);
      Node t = nodes.stream().filter(x -> x.id().equals(to)).findFirst().orElse(null);
      if (f == null || t == null) {
        continue;
      }
      double dx = t.x() - f.x();
      double dy = t.y() - f.y();
      double len = Math.max(1, Math.hypot(dx, dy));
      int pad = 12;
      String title = (u.source() != null ? label(links, from) + " → " + label(links, to)
          : label(links, u.a()) + " ↔ " + label(links, u.b()) + " (order unknown)") + ": " + u.kind() + ", "
          + Math.round(u.similarity() * 100) + "% shared, " + Math.round(u.lexical() * 100) + "% verbatim";
      edges.add(new Edge(from, to, u.kind(), u.source() != null, (int) Math.round(f.x() + dx * pad / len),
          (int) Math.round(f.y() + dy * pad / len), (int) Math.round(t.x() - dx * (pad + 4) / len),
          (int) Math.round(t.y() - dy * (pad + 4) / len), title));
    }
    return new ReuseGraph(width, height, nodes, edges, pairs);
  }

  private static String label(Map<String, StoryPage.ArticleLink> links, String id) {
    StoryPage.ArticleLink l = links.get(id);
    return l == null ? id : l.outlet() + " (" + id + ")";
  }

  static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  static String clip(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
