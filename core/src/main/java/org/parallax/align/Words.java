package org.parallax.align;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Content words for comparing two sentences lexically: lower-cased words of four letters or more (and numbers),
 * reporting verbs and other function words left out, cut to their first five letters so that "anchor" meets
 * "anchored". A heuristic stem; what it lets through is measured with the aligner in BENCHMARKS.md.
 */
public final class Words {
  private static final Set<String> STOP = Set.of("the", "and", "that", "with", "from", "have", "this", "said",
      "which", "their", "they", "will", "would", "been", "were", "about", "after", "also", "into", "more", "than",
      "there", "when", "what", "says", "could", "other", "some", "them", "over", "only", "just", "like", "told",
      "according", "added", "while", "where", "its", "has", "had", "who", "whom", "whose", "being", "such", "these",
      "those", "then", "very", "both", "most", "many", "much", "each", "does", "did", "doing", "before", "during");

  private Words() {}

  public static Set<String> content(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      String c = contentWord(w);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The content word (cut stem) of one lower-cased word, or null when it is no content word. */
  public static String contentWord(String w) {
    if ((w.length() >= 4 || !w.isEmpty() && w.chars().allMatch(Character::isDigit)) && !STOP.contains(w)) {
      return w.length() > 5 ? w.substring(0, 5) : w;
    }
    return null;
  }

  /** Share of the smaller content-word set that the other also has; 0 when either is empty. */
  public static double overlap(String a, String b) {
    return overlap(content(a), content(b));
  }

  public static double overlap(Set<String> wa, Set<String> wb) {
    if (wa.isEmpty() || wb.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : wa) {
      if (wb.contains(w)) {
        common++;
      }
    }
    return common / (double) Math.min(wa.size(), wb.size());
  }

  /** Share of the smaller set of adjacent word pairs (lower-cased) that the other sentence also has. */
  static double bigramOverlap(String a, String b) {
    return overlap(bigrams(a), bigrams(b));
  }

  private static Set<String> bigrams(String text) {
    Set<String> out = new HashSet<>();
    String prev = null;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (prev != null) {
        out.add(prev + " " + w);
      }
      prev = w;
    }
    return out;
  }

  /** The sentence without the first occurrence of {@code part}. */
  static String without(String sentence, String part) {
    int at = sentence.indexOf(part);
    return at < 0 ? sentence : sentence.substring(0, at) + " " + sentence.substring(at + part.length());
  }

  static String plural(String unit) {
    if (unit.equals("people") || unit.equals("percent") || unit.endsWith("s")) {
      return unit;
    }
    if (unit.equals("person")) {
      return "people";
    }
    return unit.endsWith("y") && unit.length() > 2 && "aeiou".indexOf(unit.charAt(unit.length() - 2)) < 0
        ? unit.substring(0, unit.length() - 1) + "ies" : unit + "s";
  }
}
