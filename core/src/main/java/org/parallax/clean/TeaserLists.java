package org.parallax.clean;

import java.util.List;

/**
 * Lists of teasers for other articles that scraping flattens into paragraphs, each a headline and a blurb followed
 * by the same widget word: "Remembering Phyllis Schlafly Conservative icon …, has died. Shares", "… what would be
 * the grounds? Listen". They are the page's navigation, not the article; left in, two pages of one site that carry
 * the same list look like copies of each other (issue 18: two "year in pictures" pages).
 *
 * <p>A heuristic, named and measured (BENCHMARKS.md, "Teaser lists"): a run of at least {@value #MIN_RUN}
 * consecutive short paragraphs that each end in a sentence's end and then one capitalised word, the same word in
 * all; the run is then widened over the neighbouring paragraphs that end in that word (a blurb without its final
 * stop). On the 37,554 AllSides articles it finds 6 runs in 5 articles ("Shares", "Listen"). A list of figures
 * ("… up 10 percent") does not qualify: its lines end in the word itself, not in a stop and a word.
 */
final class TeaserLists {
  /** Paragraphs in a run at least: two could be a coincidence. */
  static final int MIN_RUN = 3;
  /** A teaser's length at most, in words: a headline and a blurb. */
  static final int MAX_WORDS = 60;
  /** The widget word's length at most ("Shares", "Listen", "Comments"). */
  private static final int MAX_WORD = 12;

  private TeaserLists() {}

  /** Marks each paragraph of a teaser list not yet marked in {@code reason} with {@code why}. */
  static void mark(List<String> lines, String[] reason, int[] words, String why) {
    int n = lines.size();
    int i = 0;
    while (i < n) {
      String w = widget(lines.get(i), words[i], true);
      int j = i;
      while (w != null && j + 1 < n && w.equals(widget(lines.get(j + 1), words[j + 1], true))) {
        j++;
      }
      if (w == null || j - i + 1 < MIN_RUN) {
        i = j + 1;
        continue;
      }
      int from = i;
      while (from > 0 && w.equals(widget(lines.get(from - 1), words[from - 1], false))) {
        from--;
      }
      int to = j;
      while (to + 1 < n && w.equals(widget(lines.get(to + 1), words[to + 1], false))) {
        to++;
      }
      for (int k = from; k <= to; k++) {
        if (reason[k] == null) {
          reason[k] = why;
        }
      }
      i = to + 1;
    }
  }

  /**
   * The capitalised word a short paragraph ends in, or null; with {@code afterStop}, only when a sentence's end
   * (". ", "? ", a closing quotation mark …) comes just before it.
   */
  static String widget(String line, int words, boolean afterStop) {
    if (words < 2 || words > MAX_WORDS) {
      return null;
    }
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
      start--;
    }
    if (start == end || end - start > MAX_WORD || start == 0 || !Character.isUpperCase(line.charAt(start))
        || !Character.isWhitespace(line.charAt(start - 1))) {
      return null;
    }
    for (int k = start + 1; k < end; k++) {
      if (!Character.isLowerCase(line.charAt(k))) {
        return null; // "AP", "NPR": a credit, not a widget word
      }
    }
    if (afterStop) {
      int before = start - 1;
      while (before > 0 && Character.isWhitespace(line.charAt(before))) {
        before--;
      }
      if (".!?”\"’)".indexOf(line.charAt(before)) < 0) {
        return null;
      }
    }
    return line.substring(start, end);
  }
}
