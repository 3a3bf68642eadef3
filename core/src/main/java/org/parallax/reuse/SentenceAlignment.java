package org.parallax.reuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of the shorter of two texts reappears in the longer, sentence by sentence and in the same order: what
 * tells a copy or rewrite (the same sequence of facts and quotes, reworded or not) from two independent reports
 * that share some phrases or quotes. Sentences are compared as sets of content-word hashes ({@link
 * Fingerprint#sketch()}); a sentence is matched when its best counterpart's sets overlap by at least {@value #MATCH}
 * (Jaccard: a paraphrase keeps names, numbers and some words; measured on planted rewrites and the seeds), and is
 * verbatim from {@value #VERBATIM}. The order requirement is what keeps independent reports apart.
 *
 * @param sentences sentences of the shorter text (the one with fewer)
 * @param matched   its sentences with a match anywhere in the longer
 * @param ordered   the most of those whose matches keep the shorter's order (longest increasing run)
 * @param verbatim  its sentences matched nearly word for word
 */
public record SentenceAlignment(int sentences, int matched, int ordered, int verbatim) {
  static final double MATCH = 0.3;
  static final double VERBATIM = 0.8;

  /** Share of the shorter text's sentences matched in order. */
  public double orderedShare() {
    return sentences == 0 ? 0 : ordered / (double) sentences;
  }

  /** Share of the shorter text's sentences found nearly word for word. */
  public double verbatimShare() {
    return sentences == 0 ? 0 : verbatim / (double) sentences;
  }

  public static SentenceAlignment of(char[] a, char[] b) {
    List<char[]> sa = sentences(a);
    List<char[]> sb = sentences(b);
    if (sa.size() > sb.size()) {
      List<char[]> t = sa;
      sa = sb;
      sb = t;
    }
    int[] at = new int[sa.size()];
    int matched = 0;
    int verbatim = 0;
    for (char[] s : sa) {
      double best = 0;
      int bestAt = -1;
      for (int j = 0; j < sb.size(); j++) {
        double sim = jaccard(s, sb.get(j));
        if (sim > best) {
          best = sim;
          bestAt = j;
        }
      }
      if (best >= MATCH) {
        at[matched++] = bestAt;
        if (best >= VERBATIM) {
          verbatim++;
        }
      }
    }
    return new SentenceAlignment(sa.size(), matched, longestIncreasing(at, matched), verbatim);
  }

  /** Sentences of a sketch, each as its sorted distinct hashes. */
  static List<char[]> sentences(char[] sketch) {
    List<char[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= sketch.length; i++) {
      if (i == sketch.length || sketch[i] == 0) {
        if (i > start) {
          char[] s = Arrays.copyOfRange(sketch, start, i);
          Arrays.sort(s);
          int n = 0;
          for (int k = 0; k < s.length; k++) {
            if (k == 0 || s[k] != s[k - 1]) {
              s[n++] = s[k];
            }
          }
          out.add(n == s.length ? s : Arrays.copyOf(s, n));
        }
        start = i + 1;
      }
    }
    return out;
  }

  static double jaccard(char[] x, char[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 0 : common / (double) union;
  }

  /** Length of the longest strictly increasing subsequence of the first {@code n} values. */
  static int longestIncreasing(int[] v, int n) {
    int[] tails = new int[n];
    int len = 0;
    for (int k = 0; k < n; k++) {
      int i = Arrays.binarySearch(tails, 0, len, v[k]);
      if (i < 0) {
        i = -i - 1;
      } else {
        continue; // equal to a tail: not strictly increasing
      }
      tails[i] = v[k];
      if (i == len) {
        len++;
      }
    }
    return len;
  }
}
