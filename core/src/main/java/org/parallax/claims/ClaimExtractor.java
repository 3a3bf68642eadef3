package org.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Claim;
import org.parallax.model.Quote;
import org.parallax.model.Sentence;
import org.parallax.model.Token;
import org.parallax.quotes.SideGazetteer;

/**
 * Picks the sentences of an article that state something checkable: declarative, with a verb, of at least six
 * words, not a question or a one-line fragment. Each keeps its numbers, whether it is negated, and the source it
 * credits (a quote's speaker, "according to X", "X said").
 */
public final class ClaimExtractor {
  private static final Set<String> NEGATIONS = Set.of("not", "n't", "no", "never", "without", "neither", "nor",
      "denied", "denies", "declined", "refused", "rejected");
  private static final Pattern ACCORDING = Pattern.compile(
      "(?:according to|said|says|claimed|stated|reported by)\\s+((?:the\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s?){1,5})");
  private static final Pattern SUBJECT_SAID = Pattern.compile(
      "(?:^|,\\s)((?:the\\s+|The\\s+)?(?:\\p{Lu}[\\p{L}.'’-]*\\s){1,4})(?:said|says|claimed|stated|reported)\\b");
  private final NumberExtractor numbers = new NumberExtractor();
  private final int maxClaims;
  private final SideGazetteer sides;

  public ClaimExtractor(int maxClaims, SideGazetteer sides) {
    this.maxClaims = maxClaims;
    this.sides = sides;
  }

  public List<Claim> extract(String articleId, List<Sentence> sentences, List<Quote> quotes) {
    List<Claim> out = new ArrayList<>();
    List<org.parallax.model.Span> quoteSpans = quotes.stream().map(Quote::span).toList();
    for (Sentence s : sentences) {
      org.parallax.Interrupts.check();
      if (out.size() >= maxClaims) {
        break;
      }
      if (!isClaim(s)) {
        continue;
      }
      String credit = credited(s, quotes);
      out.add(new Claim(articleId, s.index(), s.span(), s.text().strip(), numbers.extract(s, quoteSpans), credit,
          creditSide(credit, quotes), negated(s)));
    }
    return out;
  }

  public static boolean isClaim(Sentence s) {
    String text = s.text().strip();
    if (s.wordCount() < 6 || text.endsWith("?") || text.endsWith(":")) {
      return false;
    }
    for (Token t : s.tokens()) {
      if (t.isVerb()) {
        return true;
      }
    }
    return false;
  }

  /** The explicitly credited source: the speaker of a quote that is most of the sentence, or a reporting frame. */
  private static String credited(Sentence s, List<Quote> quotes) {
    for (Quote q : quotes) {
      if (q.sentence() == s.index() && q.speaker() != null && q.text().length() >= s.text().length() / 2) {
        return q.speaker();
      }
    }
    Matcher m = ACCORDING.matcher(s.text());
    if (m.find()) {
      return m.group(1).strip().replaceFirst("^(?i)the\\s+", "");
    }
    m = SUBJECT_SAID.matcher(s.text());
    if (m.find()) {
      return m.group(1).strip().replaceFirst("^(?i)the\\s+", "");
    }
    return null;
  }

  private String creditSide(String credit, List<Quote> quotes) {
    if (credit == null) {
      return null;
    }
    for (Quote q : quotes) {
      if (q.speaker() != null && q.side() != null && (q.speaker().equals(credit) || q.speaker().endsWith(" " + credit))) {
        return q.side();
      }
    }
    return sides.sideOf(credit);
  }

  private static boolean negated(Sentence s) {
    for (Token t : s.tokens()) {
      if (NEGATIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
