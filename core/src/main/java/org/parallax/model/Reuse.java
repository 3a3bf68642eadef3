package org.parallax.model;

import java.util.List;

/**
 * Text shared between two articles. {@code similarity} is the share of the shorter article's sentences found
 * (verbatim or reworded) in the other; {@code lexical} is word 5-gram containment; {@code source} is the article
 * judged earlier (by date), or null when the input does not tell; {@code kind} is near-duplicate, rewrite (a spun
 * or paraphrased copy), overlap or independent.
 */
public record Reuse(String a, String b, double similarity, double lexical, String kind, String source,
                    List<Passage> passages) {
  public Reuse {
    passages = List.copyOf(passages);
  }

  /** Names the relation from the two measures; thresholds are documented in BENCHMARKS.md. */
  public static String kindOf(double similarity, double lexical, int orderedSentences) {
    if (lexical >= 0.6) {
      return "near-duplicate";
    }
    if (similarity >= 0.25 && orderedSentences >= 4) {
      return "rewrite";
    }
    return similarity >= 0.15 ? "overlap" : "independent";
  }
}
