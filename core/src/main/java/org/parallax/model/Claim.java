package org.parallax.model;

import java.util.List;

/**
 * A factual statement of one article (one sentence), with its numbers, the source it explicitly credits ("according
 * to X", "X said") and that source's side, when stated.
 */
public record Claim(String article, int sentence, Span span, String text, List<Quantity> numbers,
                    String attributedTo, String creditSide, boolean negated) {
  public Claim {
    numbers = List.copyOf(numbers);
  }
}
