package org.parallax.outlets;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.align.Words;

/**
 * One sentence of a shared story as {@link StoryClaims} compares it: its content words and word pairs as sorted ids
 * of the story's {@link Dictionary}, its figures, and the lexical score between two sentences.
 */
final class LexicalSentence {
  private static final Pattern FIGURE = Pattern.compile("\\d[\\d,.]*\\d|\\d");

  final int index;
  final int article;
  final int outlet;
  final StoryClaims.Cited cited;
  final long[] words; // stem ids, as long so one sorted-array merge serves words and word pairs
  final long[] pairs;
  final Set<String> figures;
  final boolean claim;

  LexicalSentence(int index, int article, int outlet, StoryClaims.Cited cited, int minWords, Dictionary dictionary) {
    this.index = index;
    this.article = article;
    this.outlet = outlet;
    this.cited = cited;
    // One scan: words are maximal runs of letters and digits, lower-cased (as Words.content splits them).
    String text = cited.text();
    long[] content = new long[16];
    int nc = 0;
    long[] pairList = new long[16];
    int np = 0;
    long prev = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int from = i;
      while (i < text.length() && Character.isLetterOrDigit(cp = text.codePointAt(i))) {
        i += Character.charCount(cp);
      }
      String w = text.substring(from, i).toLowerCase(Locale.ROOT);
      long id = id(dictionary.tokens, w);
      if (prev >= 0) {
        if (np == pairList.length) {
          pairList = java.util.Arrays.copyOf(pairList, np * 2);
        }
        pairList[np++] = prev << 32 | id;
      }
      prev = id;
      String c = Words.contentWord(w);
      if (c != null) {
        if (nc == content.length) {
          content = java.util.Arrays.copyOf(content, nc * 2);
        }
        content[nc++] = id(dictionary.stems, c);
      }
    }
    words = distinct(content, nc);
    pairs = distinct(pairList, np);
    figures = figures(text);
    claim = words.length >= minWords;
  }


  /** Ids of a story's words (lower-cased) and content-word stems. */
  static final class Dictionary {
    final Map<String, Integer> tokens = new HashMap<>();
    final Map<String, Integer> stems = new HashMap<>();
  }

  private static int id(Map<String, Integer> ids, String w) {
    Integer id = ids.get(w);
    if (id == null) {
      id = ids.size();
      ids.put(w, id);
    }
    return id;
  }

  /** The first n values, sorted, without repeats. */
  private static long[] distinct(long[] a, int n) {
    java.util.Arrays.sort(a, 0, n);
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return java.util.Arrays.copyOf(a, k);
  }


  /**
   * The lexical half of {@code analyze}'s agreement score: half the share of content words and half the share of
   * word pairs the two sentences have in common (of the smaller set), a bonus for a shared figure and a malus when
   * both give figures and share none.
   */
  static double score(LexicalSentence a, LexicalSentence b) {
    if (a.words.length == 0 || b.words.length == 0) {
      return 0;
    }
    double words = common(a.words, b.words) / (double) Math.min(a.words.length, b.words.length);
    double pairs = a.pairs.length == 0 || b.pairs.length == 0 ? 0
        : common(a.pairs, b.pairs) / (double) Math.min(a.pairs.length, b.pairs.length);
    boolean shared = false;
    if (!a.figures.isEmpty() && !b.figures.isEmpty()) {
      for (String f : a.figures) {
        shared |= b.figures.contains(f);
      }
    }
    return 0.5 * words + 0.5 * pairs + (shared ? 0.3 : 0)
        - (!shared && !a.figures.isEmpty() && !b.figures.isEmpty() ? 0.2 : 0);
  }

  /** Common elements of two sorted arrays. */
  static int common(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  private static Set<String> figures(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      out.add(m.group().replace(",", ""));
    }
    return out;
  }

}
