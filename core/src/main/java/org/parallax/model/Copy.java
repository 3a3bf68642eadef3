package org.parallax.model;

/**
 * One article copying another, found in corpus mode. {@code kind} is duplicate (the same text), update (the same
 * outlet's later version), republication (another outlet carrying the same text) or rewrite (reworded, the same
 * sequence of sentences). {@code source} is judged the original and {@code copy} the other; {@code basis} says how:
 * "date" (earlier publication date), "wire" (a news agency's text carried by another outlet), "headline" (the copy
 * prints the original's headline as a related-story line), "credit" (the copy credits an agency), "new top" (an
 * update keeps the earlier version's lead under a new one), "completeness" (one text holds the other: the original
 * of a copy, the later version of an update) or "unknown" (nothing tells: {@code source} is then only the one ingested first). {@code similarity} is
 * the estimated Jaccard similarity of word 3-grams, {@code aligned} the share of the shorter text's sentences found
 * in the other in the same order.
 */
public record Copy(String source, String copy, String kind, double similarity, double aligned, String basis) {
  /** Whether {@code source} is known to be the original. */
  public boolean directed() {
    return !"unknown".equals(basis);
  }
}
