package org.parallax.model;

import java.util.List;

/** A sentence of an article body, numbered from 0 in reading order. */
public record Sentence(int index, int paragraph, Span span, String text, List<Token> tokens) {
  public Sentence {
    tokens = List.copyOf(tokens);
  }

  public int wordCount() {
    int n = 0;
    for (Token t : tokens) {
      if (Character.isLetterOrDigit(t.text().charAt(0))) {
        n++;
      }
    }
    return n;
  }
}
