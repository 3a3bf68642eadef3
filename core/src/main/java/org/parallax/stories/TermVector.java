package org.parallax.stories;

import java.util.Arrays;

/** A sparse unit-length vector over term hashes, sorted by term, for cosine similarity. */
public record TermVector(long[] terms, float[] weights) {
  /** TF-IDF (sublinear term frequency) of an article's counts, keeping the {@code keep} heaviest terms. */
  public static TermVector of(TermCounts counts, DocumentFrequencies df, int keep) {
    int n = counts.size();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = (1 + Math.log(counts.counts()[i])) * df.idf(counts.terms()[i]);
    }
    return top(counts.terms(), w, n, keep);
  }

  /** The {@code keep} heaviest of {@code n} weighted terms, normalised to unit length, sorted by term. */
  static TermVector top(long[] terms, double[] w, int n, int keep) {
    double cut = n > keep ? kthLargest(w, n, keep) : Double.NEGATIVE_INFINITY;
    int k = 0;
    long[] t = new long[Math.min(n, keep)];
    double[] kept = new double[t.length];
    for (int i = 0; i < n && k < t.length; i++) {
      if (w[i] >= cut) {
        t[k] = terms[i];
        kept[k++] = w[i];
      }
    }
    // sort by term, carrying the weights along
    Long[] order = new Long[k];
    for (int i = 0; i < k; i++) {
      order[i] = (long) i;
    }
    final long[] tt = t;
    Arrays.sort(order, (x, y) -> Long.compare(tt[x.intValue()], tt[y.intValue()]));
    long[] st = new long[k];
    float[] sw = new float[k];
    double norm = 0;
    for (int i = 0; i < k; i++) {
      norm += kept[i] * kept[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < k; i++) {
      int o = order[i].intValue();
      st[i] = t[o];
      sw[i] = norm == 0 ? 0 : (float) (kept[o] / norm);
    }
    return new TermVector(st, sw);
  }

  /** The k-th largest of the first n values, by a bounded min-heap (n log k, no full sort). */
  private static double kthLargest(double[] w, int n, int k) {
    java.util.PriorityQueue<Double> heap = new java.util.PriorityQueue<>(k + 1);
    for (int i = 0; i < n; i++) {
      if (heap.size() < k) {
        heap.add(w[i]);
      } else if (w[i] > heap.peek()) {
        heap.poll();
        heap.add(w[i]);
      }
    }
    return heap.peek();
  }
}
