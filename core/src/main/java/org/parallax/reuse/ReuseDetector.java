package org.parallax.reuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parallax.align.ClaimVectors;
import org.parallax.model.AnalyzedArticle;
import org.parallax.model.Claim;
import org.parallax.model.Passage;
import org.parallax.model.Reuse;

/**
 * For every pair of articles: word 5-gram containment (verbatim copying) and the share of the shorter article's
 * sentences that have a close paraphrase in the other (reworded copies, which spinning tools produce by swapping
 * words while keeping each sentence's content). The aligned sentence pairs are the evidence.
 */
public final class ReuseDetector {
  private static final int SHINGLE = 5;
  private final double sentenceSimilarity;
  private final int maxPassages;

  public ReuseDetector(double sentenceSimilarity, int maxPassages) {
    this.sentenceSimilarity = sentenceSimilarity;
    this.maxPassages = maxPassages;
  }

  public List<Reuse> detect(List<AnalyzedArticle> articles, ClaimVectors vectors) {
    List<Set<Long>> shingles = new ArrayList<>();
    for (AnalyzedArticle a : articles) {
      shingles.add(shingles(a.article().body()));
    }
    List<Reuse> out = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      for (int j = i + 1; j < articles.size(); j++) {
        out.add(pair(articles.get(i), articles.get(j), shingles.get(i), shingles.get(j), vectors));
      }
    }
    out.sort(Comparator.comparingDouble(Reuse::similarity).reversed());
    return out;
  }

  private Reuse pair(AnalyzedArticle a, AnalyzedArticle b, Set<Long> sa, Set<Long> sb, ClaimVectors vectors) {
    double lexical = containment(sa, sb);
    List<Claim> shorter = a.claims().size() <= b.claims().size() ? a.claims() : b.claims();
    List<Claim> longer = shorter == a.claims() ? b.claims() : a.claims();
    // Best match of each sentence of the shorter article in the longer one.
    int[] match = new int[shorter.size()];
    double[] sim = new double[shorter.size()];
    for (int i = 0; i < shorter.size(); i++) {
      match[i] = -1;
      for (int j = 0; j < longer.size(); j++) {
        double s = vectors.similarity(shorter.get(i), longer.get(j));
        if (s > sim[i]) {
          sim[i] = s;
          match[i] = j;
        }
      }
      if (sim[i] < sentenceSimilarity) {
        match[i] = -1;
      }
    }
    // A copy keeps the order of its source; articles that merely share facts tell them in their own order.
    List<Integer> ordered = longestIncreasing(match);
    List<Passage> passages = new ArrayList<>();
    for (int i : ordered) {
      Claim c = shorter.get(i);
      Claim d = longer.get(match[i]);
      boolean aFirst = c.article().equals(a.id());
      passages.add(new Passage(aFirst ? c.text() : d.text(), aFirst ? d.text() : c.text(), round(sim[i])));
    }
    passages.sort(Comparator.comparingDouble(Passage::similarity).reversed());
    double similarity = shorter.isEmpty() ? lexical : Math.max(lexical, ordered.size() / (double) shorter.size());
    return new Reuse(a.id(), b.id(), round(similarity), round(lexical), Reuse.kindOf(similarity, lexical, ordered.size(),
        sameOutlet(a, b)),
        earlier(a, b), passages.subList(0, Math.min(maxPassages, passages.size())));
  }

  /** Indices (into {@code match}) of a longest chain of matched sentences whose matches increase. */
  static List<Integer> longestIncreasing(int[] match) {
    int n = match.length;
    int[] len = new int[n];
    int[] prev = new int[n];
    int best = -1;
    for (int i = 0; i < n; i++) {
      prev[i] = -1;
      if (match[i] < 0) {
        continue;
      }
      len[i] = 1;
      for (int k = 0; k < i; k++) {
        if (match[k] >= 0 && match[k] < match[i] && len[k] + 1 > len[i]) {
          len[i] = len[k] + 1;
          prev[i] = k;
        }
      }
      if (best < 0 || len[i] > len[best]) {
        best = i;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = best; i >= 0; i = prev[i]) {
      out.add(0, i);
    }
    return out;
  }

  /** The article published first, when both dates are known and differ. */
  private static boolean sameOutlet(AnalyzedArticle a, AnalyzedArticle b) {
    String oa = a.article().outlet();
    String ob = b.article().outlet();
    return oa != null && !oa.isBlank() && oa.strip().equalsIgnoreCase(ob == null ? "" : ob.strip());
  }

  private static String earlier(AnalyzedArticle a, AnalyzedArticle b) {
    String da = a.article().date();
    String db = b.article().date();
    if (da == null || db == null || da.equals(db)) {
      return null;
    }
    return da.compareTo(db) < 0 ? a.id() : b.id();
  }

  static Set<Long> shingles(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> words = new ArrayList<>(w.length);
    for (String s : w) {
      if (!s.isEmpty()) {
        words.add(s);
      }
    }
    Set<Long> out = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = 31 * h + words.get(k).hashCode();
      }
      out.add(h);
    }
    return out;
  }

  static double containment(Set<Long> a, Set<Long> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<Long> small = a.size() <= b.size() ? a : b;
    Set<Long> large = small == a ? b : a;
    int common = 0;
    for (Long x : small) {
      if (large.contains(x)) {
        common++;
      }
    }
    return common / (double) small.size();
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
