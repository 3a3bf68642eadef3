package org.parallax.pipeline;

import java.util.List;
import java.util.Locale;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Article;
import org.parallax.model.Claim;
import org.parallax.model.Sentence;
import org.parallax.model.Skipped;
import org.parallax.nlp.Annotator;
import org.parallax.quotes.QuoteSpans;

/**
 * The per-article work limits of {@link ParallaxConfig} applied between stages, each with its note in
 * {@code skipped}: an article over a limit is analysed on its first part, never silently.
 */
final class WorkLimits {
  private WorkLimits() {}

  /**
   * The article as far as its kept sentences reach: when the sentence limit cut it, the body ends with the last
   * kept sentence, so quotes and framing look at the same part as claims.
   */
  static Article sentencesCut(Article a, Annotator.Annotation an, ParallaxConfig config, String where,
                              List<Skipped> notes) {
    if (an.longCut() > 0) {
      notes.add(new Skipped(where, count(an.longCut()) + " sentence" + (an.longCut() == 1 ? " is" : "s are")
          + " longer than the " + count(config.maxSentenceChars()) + " characters of maxSentenceChars: cut into "
          + "pieces at spaces (analysed)"));
    }
    if (!an.truncated() || an.sentences().isEmpty()) {
      return a;
    }
    List<Sentence> kept = an.sentences();
    int end = kept.get(kept.size() - 1).span().end();
    notes.add(new Skipped(where, "article has more than " + count(config.maxSentences()) + " sentences "
        + "(maxSentences): only the first " + count(kept.size()) + ", its first " + count(end) + " of "
        + count(a.body().length()) + " characters, were analysed"));
    return new Article(a.id(), a.path(), a.outlet(), a.url(), a.title(), a.date(), a.byline(), a.language(),
        a.body().substring(0, end), a.removed(), a.identity());
  }

  /** Notes an article with more quotations than are attributed. */
  static void quotesCut(String body, ParallaxConfig config, String where, List<Skipped> notes) {
    int n = QuoteSpans.find(body).size();
    if (n > config.maxQuotesPerArticle()) {
      notes.add(new Skipped(where, "article has " + count(n) + " quotations, over the "
          + count(config.maxQuotesPerArticle()) + " of maxQuotesPerArticle: only the first "
          + count(config.maxQuotesPerArticle()) + " were attributed"));
    }
  }

  /** The claims up to the limit (the extractor finds one more, to tell a cut list from a full one). */
  static List<Claim> claimsCut(List<Claim> claims, ParallaxConfig config, String where, List<Skipped> notes) {
    if (claims.size() <= config.maxClaimsPerArticle()) {
      return claims;
    }
    notes.add(new Skipped(where, "article has more than " + count(config.maxClaimsPerArticle()) + " claim "
        + "sentences (maxClaimsPerArticle): only the first " + count(config.maxClaimsPerArticle())
        + " are compared across articles"));
    return List.copyOf(claims.subList(0, config.maxClaimsPerArticle()));
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
