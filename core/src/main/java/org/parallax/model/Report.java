package org.parallax.model;

import java.util.List;

/**
 * The cross-source report over a set of articles about one event. {@code speakers} is the story's speaker table:
 * one identity per person across all articles, with the side and the phrase that states it.
 */
public record Report(List<ArticleReport> articles, List<Quote> quotes, List<ClaimGroup> claims,
                     List<Conflict> conflicts, List<Reuse> reuse, List<Coverage> coverage,
                     List<SummarySentence> summary, List<Skipped> skipped, List<Speaker> speakers) {
  public Report {
    articles = List.copyOf(articles);
    quotes = List.copyOf(quotes);
    claims = List.copyOf(claims);
    conflicts = List.copyOf(conflicts);
    reuse = List.copyOf(reuse);
    coverage = List.copyOf(coverage);
    summary = List.copyOf(summary);
    skipped = List.copyOf(skipped);
    speakers = speakers == null ? List.of() : List.copyOf(speakers); // reports stored before the speaker table
  }
}
