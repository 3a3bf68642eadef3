package org.parallax.model;

import java.util.List;

/** An article with everything the per-article stages found in it. */
public record AnalyzedArticle(Article article, List<Sentence> sentences, List<Mention> mentions, List<Quote> quotes,
                              List<Claim> claims, LoadedLanguage loaded) {
  public AnalyzedArticle {
    sentences = List.copyOf(sentences);
    mentions = List.copyOf(mentions);
    quotes = List.copyOf(quotes);
    claims = List.copyOf(claims);
  }

  public String id() {
    return article.id();
  }
}
