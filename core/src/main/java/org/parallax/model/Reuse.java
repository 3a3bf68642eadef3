package org.parallax.model;

import java.util.List;

/**
 * Text shared between two articles. {@code similarity} is the share of the shorter article's sentences found
 * (verbatim or reworded) in the other; {@code lexical} is word 5-gram containment; {@code source} is the article
 * judged earlier (by date), or null when the input does not tell; {@code kind} is duplicate (nearly the same words),
 * update (mostly the same words, same outlet), republication (mostly the same words, another outlet), rewrite (a
 * spun or paraphrased copy), overlap or independent — the relations of corpus mode ({@link Copy}) and two more.
 */
public record Reuse(String a, String b, double similarity, double lexical, String kind, String source,
                    List<Passage> passages) {
  /** Whether the relation is a copy (verbatim or reworded), not just shared passages. */
  public boolean isCopy() {
    return switch (kind) {
      case "duplicate", "update", "republication", "rewrite" -> true;
      default -> false;
    };
  }

  public Reuse {
    passages = List.copyOf(passages);
  }

  /** Names the relation from the two measures; thresholds are documented in BENCHMARKS.md. */
  public static String kindOf(double similarity, double lexical, int orderedSentences, boolean sameOutlet) {
    if (lexical >= 0.9) {
      return "duplicate";
    }
    if (lexical >= 0.6) {
      return sameOutlet ? "update" : "republication";
    }
    if (similarity >= 0.25 && orderedSentences >= 4) {
      return "rewrite";
    }
    return similarity >= 0.15 ? "overlap" : "independent";
  }
}
