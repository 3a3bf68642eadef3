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
                            List<String> articleIds, Claims claims, Voices voices, Topics topics,
                            List<String> leftOut) {
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

  /**
   * What the separate pass over shared stories ({@link StoryClaimsPass}) found for the outlet: the shared stories
   * of the period it covers that were analysed, its claim-like sentences there, those no other outlet of the story
   * states (unique; share of its sentences), the stories' consensus claims and those it omits (share of them).
   * Evidence lists are bounded; counts are exact. Shares are NaN where there is nothing to divide by. Conflicts
   * ({@link StoryConflicts}): of those stories, the ones compared for conflicts ({@code conflictStories}), the
   * shown conflicts its sentences are party to there, and the stories with at least one.
   */
  public record Claims(int stories, int sentences, int unique, double uniqueShare, int consensus, int omitted,
                       double omittedShare, List<UniqueClaim> uniqueClaims, List<OmittedClaim> omittedClaims,
                       int conflictStories, int conflicts, int storiesWithConflicts,
                       List<ConflictClaim> conflictClaims) {
    public Claims {
      uniqueClaims = List.copyOf(uniqueClaims);
      omittedClaims = List.copyOf(omittedClaims);
      conflictClaims = List.copyOf(conflictClaims);
    }
  }

  /**
   * A shown conflict of one of the outlet's sentences with another outlet's in a shared story: the detector's kind
   * and slot, the values (its own first), confidence and reason, the pair's lexical score and embedding
   * similarity, and both sentences ("articleId:start:end").
   */
  public record ConflictClaim(String story, String kind, String slot, List<String> values, double confidence,
                              double pairScore, double similarity, String reason, String ref, String text,
                              String otherOutlet, String otherRef, String otherText) {
    public ConflictClaim {
      values = List.copyOf(values);
    }
  }

  /**
   * Voices quoted by party ({@link PartyVoices}): its quotations whose speaker's party the article states, by
   * party, the Republican share of the Democratic and Republican ones (NaN where there are none), the distinct
   * speakers by party, and the first quotations as evidence. Counts are exact; evidence is bounded.
   */
  public record Voices(int quotes, int democratic, int republican, int independent, double republicanShare,
                       int democraticVoices, int republicanVoices, List<PartyQuote> evidence) {
    public Voices {
      evidence = List.copyOf(evidence);
    }
  }

  /** A quotation ("articleId:start:end") of a speaker whose party (D, R, I) the article states. */
  public record PartyQuote(String party, String name, String ref) {}

  /** A sentence of the outlet's ("articleId:start:end") that no other outlet of the story states. */
  public record UniqueClaim(String story, String ref, String text) {}

  /**
   * A consensus claim of a story the outlet covers (its articles there) that it does not state: the other
   * outlets' sentences ("articleId:start:end") and which outlets state it.
   */
  public record OmittedClaim(String story, String text, List<String> refs, List<String> statedBy,
                             List<String> ownArticles) {
    public OmittedClaim {
      refs = List.copyOf(refs);
      statedBy = List.copyOf(statedBy);
      ownArticles = List.copyOf(ownArticles);
    }
  }

  /** An outlet this one rewrites, with how many of its articles. */
  public record Source(String outlet, int count) {}

  /**
   * A story that three or more outlets cover, in a month the outlet published in, that it does not cover; its
   * topic ({@link StoryTopics}) or null.
   */
  public record MissedStory(String story, String label, String from, int outlets, String topic) {
    public MissedStory(String story, String label, String from, int outlets) {
      this(story, label, from, outlets, null);
    }
  }

  /**
   * The shared stories of its months by topic ({@link StoryTopics}): {@code known} false where the store's input gave
   * no topics (nothing is said then); {@code withoutTopic}: shared stories none of whose articles has one.
   */
  public record Topics(boolean known, int withoutTopic, List<TopicGap> rows) {
    public Topics {
      rows = List.copyOf(rows);
    }
  }

  /** A topic's shared stories in its months, those it left out, and the first of them as evidence. */
  public record TopicGap(String topic, int leftOut, int shared, List<MissedStory> examples) {
    public TopicGap {
      examples = List.copyOf(examples);
    }
  }

  /**
   * One month's figures. Shares are of the month's articles (originated, rewrote) or of its shared stories
   * (coverage; conflicts: the share of its shared stories compared for conflicts in which it is party to one); NaN
   * where the month has none.
   */
  public record Month(String month, int articles, int stories, double loadedPer100Words, double originatedShare,
                      double rewroteShare, int sharedStories, int sharedCovered, double sharedCoverage,
                      double uniqueShare, double omittedShare, int partyQuotes, double republicanShare,
                      int conflicts, double conflictShare) {}

  /** Figures for which the months of every outlet give a corpus median. */
  public static final List<String> MONTHLY_FIGURES = List.of("articles", "loadedPer100Words", "originatedShare",
      "rewroteShare", "sharedCoverage", "uniqueShare", "omittedShare", "republicanShare", "conflictShare");

  /** The value of one of {@link #MONTHLY_FIGURES} in a month. */
  public static double figure(Month m, String name) {
    return switch (name) {
      case "articles" -> m.articles();
      case "loadedPer100Words" -> m.loadedPer100Words();
      case "originatedShare" -> m.originatedShare();
      case "rewroteShare" -> m.rewroteShare();
      case "sharedCoverage" -> m.sharedCoverage();
      case "uniqueShare" -> m.uniqueShare();
      case "omittedShare" -> m.omittedShare();
      case "republicanShare" -> m.republicanShare();
      case "conflictShare" -> m.conflictShare();
      default -> throw new IllegalArgumentException("no monthly figure '" + name + "'");
    };
  }
}
