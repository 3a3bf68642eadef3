package org.parallax.model;

import java.util.List;

/**
 * One claim as stated by one or more articles, in whatever wording. {@code text} is a representative wording.
 * {@code independent} counts the articles that are not copies or rewrites of one another (a wire story and its
 * rewrite are one source); {@code copies} names, for each article counted under another, which one it reuses.
 */
public record ClaimGroup(String id, String text, ClaimStatus status, List<String> articles, int independent,
                         List<CopyNote> copies, List<Evidence> evidence, boolean conflicted) {
  public ClaimGroup {
    articles = List.copyOf(articles);
    copies = List.copyOf(copies);
    evidence = List.copyOf(evidence);
  }

  /** {@code article} is counted under {@code of}: a {@code kind} (rewrite, republication, …) of it, or of a common text. */
  public record CopyNote(String article, String of, String kind, boolean directed) {}

  public ClaimGroup conflicted(boolean c) {
    return new ClaimGroup(id, text, status, articles, independent, copies, evidence, c);
  }
}
