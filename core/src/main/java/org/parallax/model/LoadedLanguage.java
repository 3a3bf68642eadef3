package org.parallax.model;

import java.util.List;

/** Loaded language of one article: {@code score} is loaded terms per 100 words; {@code terms} are distinct, lower-cased. */
public record LoadedLanguage(double score, List<String> terms, List<LoadedTerm> spans) {
  public LoadedLanguage {
    terms = List.copyOf(terms);
    spans = List.copyOf(spans);
  }
}
