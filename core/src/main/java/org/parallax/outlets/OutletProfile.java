package org.parallax.outlets;

import java.util.List;

/**
 * One outlet over a period, with the evidence of every figure: article ids, "source>copy" pairs, story ids and
 * "articleId:start:end" spans of loaded terms. Lists of evidence are bounded ({@link OutletProfiles#EVIDENCE});
 * the counts are exact. {@code leftOut} names the figures a profile does not hold and why.
 */
public record OutletProfile(String outlet, int articles, int stories, long words, int loadedTerms,
                            double loadedPer100Words, List<Term> topTerms, int originated, int rewrote,
                            List<Source> mainSources, List<String> originatedPairs, List<String> rewrotePairs,
                            int sharedStories, int sharedCovered, List<MissedStory> missed, List<Month> months,
                            List<String> articleIds, List<String> leftOut) {
  public OutletProfile {
    topTerms = List.copyOf(topTerms);
    mainSources = List.copyOf(mainSources);
    originatedPairs = List.copyOf(originatedPairs);
    rewrotePairs = List.copyOf(rewrotePairs);
    missed = List.copyOf(missed);
    months = List.copyOf(months);
    articleIds = List.copyOf(articleIds);
    leftOut = List.copyOf(leftOut);
  }

  /** A loaded term with its count and example spans "articleId:start:end". */
  public record Term(String term, int count, List<String> examples) {}

  /** An outlet this one rewrites, with how many of its articles. */
  public record Source(String outlet, int count) {}

  /** A story that three or more outlets cover, in a month the outlet published in, that it does not cover. */
  public record MissedStory(String story, String label, String from, int outlets) {}

  /**
   * One month's figures. Shares are of the month's articles (originated, rewrote) or of its shared stories
   * (coverage); NaN where the month has none.
   */
  public record Month(String month, int articles, int stories, double loadedPer100Words, double originatedShare,
                      double rewroteShare, int sharedStories, int sharedCovered, double sharedCoverage) {}

  /** Figures for which the months of every outlet give a corpus median. */
  public static final List<String> MONTHLY_FIGURES = List.of("articles", "loadedPer100Words", "originatedShare",
      "rewroteShare", "sharedCoverage");

  /** The value of one of {@link #MONTHLY_FIGURES} in a month. */
  public static double figure(Month m, String name) {
    return switch (name) {
      case "articles" -> m.articles();
      case "loadedPer100Words" -> m.loadedPer100Words();
      case "originatedShare" -> m.originatedShare();
      case "rewroteShare" -> m.rewroteShare();
      case "sharedCoverage" -> m.sharedCoverage();
      default -> throw new IllegalArgumentException("no monthly figure '" + name + "'");
    };
  }
}
