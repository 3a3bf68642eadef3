package org.parallax.model;

import java.util.List;

/** One sentence of the neutral summary with the articles it rests on. */
public record SummarySentence(String sentence, List<String> articles) {
  public SummarySentence {
    articles = List.copyOf(articles);
  }
}
