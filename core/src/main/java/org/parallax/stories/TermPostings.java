package org.parallax.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inverted index from centroid term to the stories holding it, for a group of stories compared with many
 * articles without a date window to narrow it (undated articles may belong to any undated story). Scoring walks
 * only the postings of the article's own terms and accumulates the same products as {@link Story#similarity}, so
 * the result is exact while stories that share no term with the article cost nothing.
 *
 * <p>Postings are cleaned lazily: when a story's centroid drops a term, or the story leaves the group
 * ({@code holds} no longer true), its entry stays until a scan finds it, and an entry added twice (a term dropped,
 * then taken up again) is removed on the next scan. Entries of terms no article asks for again are dropped when
 * the index is {@link #rebuild rebuilt}.
 */
final class TermPostings {
  private final Map<Long, ArrayList<Story>> postings = new HashMap<>();
  private final java.util.function.Predicate<Story> holds;
  /** Entries added since the last rebuild, stale ones included. */
  private long entries;

  /** {@code holds} tells whether a story is still in the group (entries of others are dropped when met). */
  TermPostings(java.util.function.Predicate<Story> holds) {
    this.holds = holds;
  }

  /** Indexes the terms of {@code s} that {@code before} (its previous centroid terms, sorted) did not hold. */
  void update(Story s, long[] before) {
    for (long t : s.centroidTerms()) {
      if (java.util.Arrays.binarySearch(before, t) < 0) {
        postings.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
        entries++;
      }
    }
  }

  /** Entries added since the last rebuild: bounds the memory that stale entries may take. */
  long entries() {
    return entries;
  }

  /** Drops every entry and indexes {@code group} afresh. */
  void rebuild(Iterable<Story> group) {
    postings.clear();
    entries = 0;
    for (Story s : group) {
      update(s, new long[0]);
    }
  }

  /**
   * Accumulates the article's dot product with every indexed story sharing a term, leaving it in
   * {@link Story#score} and marking the story with {@code stamp}; returns the stories touched.
   */
  List<Story> score(TermVector v, int stamp) {
    List<Story> touched = new ArrayList<>();
    long[] terms = v.terms();
    float[] weights = v.weights();
    for (int i = 0; i < terms.length; i++) {
      ArrayList<Story> list = postings.get(terms[i]);
      if (list == null) {
        continue;
      }
      int keep = 0;
      for (int r = 0; r < list.size(); r++) {
        Story s = list.get(r);
        if (!holds.test(s) || (s.visited == stamp && s.lastTerm == i)) {
          continue; // a story no longer held, or a duplicate entry: drop it
        }
        float sum = s.sumOf(terms[i]);
        if (sum == 0) {
          continue; // the story's centroid no longer holds the term
        }
        if (s.visited != stamp) {
          s.visited = stamp;
          s.score = 0;
          touched.add(s);
        }
        s.lastTerm = i;
        s.score += weights[i] * sum; // float product, as in Story.similarity
        list.set(keep++, s);
      }
      if (keep == 0) {
        postings.remove(terms[i]);
      } else {
        list.subList(keep, list.size()).clear();
      }
    }
    return touched;
  }
}
