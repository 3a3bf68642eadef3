package org.parallax.model;

import java.util.List;

/** One claim as stated by one or more articles, in whatever wording. {@code text} is a representative wording. */
public record ClaimGroup(String id, String text, ClaimStatus status, List<String> articles, List<Evidence> evidence,
                         boolean conflicted) {
  public ClaimGroup {
    articles = List.copyOf(articles);
    evidence = List.copyOf(evidence);
  }
}
