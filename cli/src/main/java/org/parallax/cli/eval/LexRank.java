package org.parallax.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extractive LexRank baseline (Erkan and Radev 2004): sentences are nodes, edges join sentences whose TF-IDF
 * cosine reaches 0.1, and the stationary distribution of a random walk on that graph (damping 0.85) ranks them;
 * the top sentences are taken in rank order, skipping near-repeats, until the word budget is used.
 */
final class LexRank {
  private LexRank() {}

  static List<String> summarize(List<String> sentences, Map<String, Double> idf, int maxWords) {
    int n = sentences.size();
    List<Map<String, Double>> vec = new ArrayList<>(n);
    for (String s : sentences) {
      Map<String, Double> v = new HashMap<>();
      for (String t : Rouge.tokens(s)) {
        v.merge(t, idf.getOrDefault(t, 1.0), Double::sum);
      }
      vec.add(v);
    }
    double[][] sim = new double[n][n];
    double[] degree = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sim[i][j] = i == j || cosine(vec.get(i), vec.get(j)) >= 0.1 ? 1 : 0;
        degree[i] += sim[i][j];
      }
    }
    double[] p = new double[n];
    java.util.Arrays.fill(p, 1.0 / Math.max(1, n));
    for (int iter = 0; iter < 50; iter++) {
      double[] next = new double[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += sim[i][j] / degree[i] * p[i];
        }
        next[j] = 0.15 / n + 0.85 * s;
      }
      p = next;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    final double[] rank = p;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(rank[b], rank[a]));
    List<String> out = new ArrayList<>();
    List<Map<String, Double>> chosen = new ArrayList<>();
    int words = 0;
    for (int i : order) {
      if (words >= maxWords) {
        break;
      }
      boolean repeat = chosen.stream().anyMatch(c -> cosine(c, vec.get(i)) > 0.5);
      if (!repeat) {
        out.add(sentences.get(i));
        chosen.add(vec.get(i));
        words += sentences.get(i).split("\\s+").length;
      }
    }
    return out;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
      na += e.getValue() * e.getValue();
    }
    for (double v : b.values()) {
      nb += v * v;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
