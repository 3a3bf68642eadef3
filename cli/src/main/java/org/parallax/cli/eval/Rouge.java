package org.parallax.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (summary-level LCS over the whole text) on lower-cased alphanumeric tokens with
 * Porter stemming, as the common {@code rouge-score} package computes them with {@code use_stemmer=True}.
 */
final class Rouge {
  record Score(double r1, double r2, double rl) {}

  private Rouge() {}

  static Score score(String candidate, String reference) {
    List<String> c = tokens(candidate);
    List<String> r = tokens(reference);
    return new Score(ngram(c, r, 1), ngram(c, r, 2), lcs(c, r));
  }

  static List<String> tokens(String s) {
    PorterStemmer stemmer = new PorterStemmer();
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w.length() > 3 ? stemmer.stem(w) : w);
      }
    }
    return out;
  }

  private static double ngram(List<String> c, List<String> r, int n) {
    Map<String, Integer> rc = counts(r, n);
    Map<String, Integer> cc = counts(c, n);
    int overlap = 0;
    for (Map.Entry<String, Integer> e : cc.entrySet()) {
      overlap += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
    }
    return f1(overlap, Math.max(0, c.size() - n + 1), Math.max(0, r.size() - n + 1));
  }

  private static Map<String, Integer> counts(List<String> t, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= t.size(); i++) {
      out.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static double lcs(List<String> c, List<String> r) {
    int[][] d = new int[c.size() + 1][r.size() + 1];
    for (int i = 1; i <= c.size(); i++) {
      for (int j = 1; j <= r.size(); j++) {
        d[i][j] = c.get(i - 1).equals(r.get(j - 1)) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
      }
    }
    return f1(d[c.size()][r.size()], c.size(), r.size());
  }

  private static double f1(int overlap, int candidate, int reference) {
    if (overlap == 0 || candidate == 0 || reference == 0) {
      return 0;
    }
    double p = overlap / (double) candidate;
    double r = overlap / (double) reference;
    return 2 * p * r / (p + r);
  }
}
