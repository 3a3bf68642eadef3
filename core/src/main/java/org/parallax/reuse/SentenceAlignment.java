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
 * @param spread    the least share of ordered matches in any third of the shorter text: a copy runs through the
 *                  whole text, where a shared background box or quoted statement sits in one part of it
 */
public record SentenceAlignment(int sentences, int matched, int ordered, int verbatim, double spread) {
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
    int[] from = new int[sa.size()];
    int matched = 0;
    int verbatim = 0;
    for (int i = 0; i < sa.size(); i++) {
      char[] s = sa.get(i);
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
        from[matched] = i;
        at[matched++] = bestAt;
        if (best >= VERBATIM) {
          verbatim++;
        }
      }
    }
    boolean[] inChain = chain(at, matched);
    int n = sa.size();
    int[] perThird = new int[3];
    int ordered = 0;
    for (int k = 0; k < matched; k++) {
      if (inChain[k]) {
        ordered++;
        perThird[Math.min(2, from[k] * 3 / Math.max(1, n))]++;
      }
    }
    double spread = 1;
    for (int t = 0; t < 3; t++) {
      int size = (t + 1) * n / 3 - t * n / 3; // sentences i with i * 3 / n == t
      if (size > 0) {
        spread = Math.min(spread, perThird[t] / (double) size);
      }
    }
    return new SentenceAlignment(n, matched, ordered, verbatim, n == 0 ? 0 : spread);
  }

  /**
   * Whether one of the first {@code lead} sentences of {@code a} reappears in {@code b}: a later version keeps the
   * earlier one's top under a new one, so of two versions the earlier's lead is found in the later and not the
   * other way round.
   */
  public static boolean leadKept(char[] a, char[] b, int lead) {
    List<char[]> sa = sentences(a);
    List<char[]> sb = sentences(b);
    for (int i = 0; i < Math.min(lead, sa.size()); i++) {
      for (char[] t : sb) {
        if (jaccard(sa.get(i), t) >= MATCH) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a sentence of {@code sketch} is the headline {@code title} (its sorted distinct hashes), nearly word for
   * word: the way a page prints a link to another story ("related" lines). Headlines of under four content words
   * are too generic to tell.
   */
  public static boolean printsHeadline(char[] sketch, char[] title) {
    if (title.length < 4) {
      return false;
    }
    for (char[] s : sentences(sketch)) {
      if (jaccard(s, title) >= VERBATIM) {
        return true;
      }
    }
    return false;
  }

  /** Which of the first {@code n} values belong to one longest strictly increasing subsequence. */
  static boolean[] chain(int[] v, int n) {
    int[] tails = new int[n]; // index into v of the smallest tail of a run of each length
    int[] prev = new int[n];
    int len = 0;
    for (int k = 0; k < n; k++) {
      int lo = 0;
      int hi = len;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (v[tails[mid]] < v[k]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[k] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = k;
      if (lo == len) {
        len++;
      }
    }
    boolean[] in = new boolean[n];
    for (int k = len == 0 ? -1 : tails[len - 1]; k >= 0; k = prev[k]) {
      in[k] = true;
    }
    return in;
  }

  /** Sentences of a sketch, each as its sorted distinct hashes. */
  static List<char[]> sentences(char[] sketch) {
    List<char[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= sketch.length; i++) {
      if (i == sketch.length || sketch[i] == 0) {
        if (i > start) {
          out.add(sortedDistinct(Arrays.copyOfRange(sketch, start, i)));
        }
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * The hashes of {@code s} sorted, without repeats and without the 0s that separate sentences: one sentence's set,
   * or a whole short text's (a headline). Sorts {@code s} in place.
   */
  public static char[] sortedDistinct(char[] s) {
    Arrays.sort(s);
    int n = 0;
    for (char c : s) {
      if (c != 0 && (n == 0 || c != s[n - 1])) {
        s[n++] = c;
      }
    }
    return n == s.length ? s : Arrays.copyOf(s, n);
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
