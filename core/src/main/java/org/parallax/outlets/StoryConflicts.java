package org.parallax.outlets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.parallax.align.ClaimPairs;
import org.parallax.align.ConflictDetector;
import org.parallax.align.Embedder;
import org.parallax.claims.ClaimExtractor;
import org.parallax.claims.NumberExtractor;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;
import org.parallax.nlp.Annotator;
import org.parallax.nlp.NlpModels;

/**
 * The conflicts an outlet is party to in a shared story, for the outlet profiles: {@code analyze}'s conflict
 * detector ({@link ConflictDetector}: figures of one counted thing, the day of an event, an outcome against its
 * opposite, a negated statement) run only on the sentence pairs the lexical triangulation ({@link StoryClaims})
 * already pairs across outlets, and only its conflicts at the confidence a story's report shows in red
 * ({@link Conflict#shown()}), of the stricter kinds {@link ConflictSubset} keeps; "possible" ones are dropped. A
 * documented subset of what a story's report shows: pairs come from lexical mutual best matches (not embedding
 * ones); attribution conflicts (who said a quotation: corpus mode attributes no quotes) and story-slot conflicts
 * (their rule that neither article states the other's value anywhere needs the whole articles) are not looked for.
 *
 * <p>Cost, bounded so that the claims pass stays cheap: a pair is considered only when its two sentences are each
 * other's best lexical match in the two articles at {@link #PAIR_SCORE} or more and share
 * {@link StoryClaims.Params#minCommon} content words, at most {@link #MAX_PAIRS} pairs per story (the highest
 * scored), each sentence at most {@link #MAX_CHARS} characters. Only pairs that could yield a kept conflict go on:
 * a day or an outcome only between sentences linked as one claim that name days or outcomes, a figure only where
 * each sentence states a number the other does not, with words in common near them ({@link #nearFigures}); only
 * the latter are tokenised and tagged (the detector's figures need the noun they count). The detector then runs
 * with the highest similarity a pair could have, which bounds every threshold and confidence from above, and only
 * pairs that would still be kept are embedded (MiniLM, once for the whole pass) and compared again with their real
 * similarity. Not thread-safe (one annotator): one instance per thread.
 */
public final class StoryConflicts {
  /** Lexical score from which two mutually best sentences of two outlets are compared slot by slot. */
  static final double PAIR_SCORE = 0.35;
  /** Pairs compared per story at most. */
  static final int MAX_PAIRS = 40;
  /** Characters of a sentence tagged at most (a longer one is not compared: a run-on, or a list). */
  static final int MAX_CHARS = 600;
  private static final Pattern PERCENT = Pattern.compile("%|percent");
  private static final Pattern NUMBER = Pattern.compile("(?i)\\d[\\d,.]*|\\b(one|two|three|four|five|six|seven|"
      + "eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|dozen)\\b");

  /** A sentence of a pair: where it is, its outlet, and the quotations of its article that overlap it. */
  public record Side(StoryClaims.Cited cited, String outlet, List<Span> quotes) {}

  /** Two sentences of two outlets the lexical triangulation pairs, and their lexical score. */
  public record Candidate(Side a, Side b, double score) {}

  /** A pair that could yield a shown conflict, its two statements as the detector reads them. */
  public record Prepared(Candidate pair, Claim a, Claim b) {}

  /** A shown conflict between two sentences of two outlets, the pair's lexical score and embedding similarity. */
  public record Found(Conflict conflict, Side a, Side b, double score, double similarity) {}

  private final Annotator annotator;
  private final NumberExtractor numbers = new NumberExtractor();
  private final ConflictDetector detector;
  private final double link;

  /** @param link the lexical triangulation's link score ({@link StoryClaims.Params#link}): see ConflictSubset */
  public StoryConflicts(NlpModels models, double link) {
    this.annotator = new Annotator(models);
    this.link = link;
    ParallaxConfig c = ParallaxConfig.defaults();
    this.detector = new ConflictDetector(c.topicSimilarity(), c.claimAgreement(), c.negationSimilarity(),
        c.numberTolerance());
  }

  /** Whether a pair at this lexical score is compared (the cheap test, before any tagging). */
  static boolean pairs(double score) {
    return score >= PAIR_SCORE;
  }

  /** The quotations of a body that overlap the sentence, for marking its figures as a speaker's. */
  static List<Span> quotesOver(List<Span> quotations, StoryClaims.Cited c) {
    List<Span> out = new ArrayList<>();
    for (Span q : quotations) {
      if (q.start() < c.end() && c.start() < q.end()) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * The pairs of a story that could yield a shown conflict: each compared with the highest similarity it could
   * have (1), which bounds the detector's every threshold and confidence from above.
   */
  public List<Prepared> prepare(List<Candidate> candidates) {
    List<Prepared> out = new ArrayList<>();
    for (Candidate p : candidates) {
      Side a = p.a();
      Side b = p.b();
      if (a.cited().text().length() > MAX_CHARS || b.cited().text().length() > MAX_CHARS) {
        continue;
      }
      // What could be kept (ConflictSubset): a day or an outcome only between linked sentences that name days or
      // outcomes, a figure only where each states one the other does not, with words in common near them.
      // Anything else is neither tagged nor compared.
      boolean linked = p.score() >= link
          && ConflictDetector.dayOrOutcomeMayDiffer(a.cited().text(), b.cited().text());
      boolean counted = eachStatesAnother(numbers(a.cited().text()), numbers(b.cited().text()))
          && nearFigures(a.cited().text(), b.cited().text());
      if (!linked && !counted) {
        continue;
      }
      Sentence sa = counted ? tag(a.cited()) : null;
      Sentence sb = counted ? tag(b.cited()) : null;
      Claim ca = claim(a, sa);
      Claim cb = claim(b, sb);
      if (shown(ca, cb, 1.0, p.score()).isEmpty()) {
        continue;
      }
      // Only a statement the report would take as a claim (declarative, with a verb) is compared there.
      sa = sa == null ? tag(a.cited()) : sa;
      sb = sb == null ? tag(b.cited()) : sb;
      if (sa != null && sb != null && ClaimExtractor.isClaim(sa) && ClaimExtractor.isClaim(sb)) {
        out.add(new Prepared(p, claim(a, sa), claim(b, sb)));
      }
    }
    return out;
  }

  /**
   * The number words and figures of a sentence ("1,500" as "1500"). The detector's figures can differ only where
   * each sentence states one the other does not (it drops a pair where one repeats the other's figure), so only
   * such pairs are tagged.
   */
  static java.util.Set<String> numbers(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.regex.Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(java.util.Locale.ROOT).replace(",", "").replaceAll("\\.$", ""));
    }
    return out;
  }

  static boolean eachStatesAnother(java.util.Set<String> a, java.util.Set<String> b) {
    return !a.isEmpty() && !b.isEmpty() && !a.containsAll(b) && !b.containsAll(a);
  }

  /**
   * Whether the words near a number of one sentence and near a number of the other share two content words (the
   * counted noun, which the detector needs both to state, and a neighbour, which {@link ConflictSubset} needs; one
   * for a percentage, whose noun may be its sign): a window wider than {@link ConflictSubset#neighbours}' (four
   * words before a number, ten after, which covers a figure's adjectives, its noun and the words after them).
   */
  static boolean nearFigures(String a, String b) {
    java.util.Set<String> wa = nearNumbers(a);
    wa.retainAll(nearNumbers(b));
    // Two: the counted noun, which both must share, and a neighbour; a percentage's noun may be its "%" sign.
    return wa.size() >= (PERCENT.matcher(a).find() || PERCENT.matcher(b).find() ? 1 : 2);
  }

  private static java.util.Set<String> nearNumbers(String text) {
    String[] w = text.split("\\s+");
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i < w.length; i++) {
      if (NUMBER.matcher(w[i]).find()) {
        for (int k = Math.max(0, i - 4); k <= Math.min(w.length - 1, i + 10); k++) {
          if (k != i) {
            out.addAll(org.parallax.align.Words.content(w[k]));
          }
        }
      }
    }
    return out;
  }

  /** The texts to embed for these prepared pairs. */
  public static List<String> texts(Collection<Prepared> prepared) {
    List<String> out = new ArrayList<>();
    for (Prepared p : prepared) {
      out.add(p.a().text());
      out.add(p.b().text());
    }
    return out;
  }

  /** The shown conflicts of prepared pairs, each compared with the embedding similarity of its two sentences. */
  public List<Found> detect(List<Prepared> prepared, Map<String, float[]> vectors) {
    List<Found> out = new ArrayList<>();
    for (Prepared p : prepared) {
      float[] va = vectors.get(p.a().text());
      float[] vb = vectors.get(p.b().text());
      if (va == null || vb == null) {
        continue;
      }
      double sim = p.a().text().equals(p.b().text()) ? 1.0 : Embedder.cosine(va, vb);
      for (Conflict c : shown(p.a(), p.b(), sim, p.pair().score())) {
        boolean aFirst = c.statements().get(0).article().equals(p.a().article());
        out.add(aFirst ? new Found(c, p.pair().a(), p.pair().b(), p.pair().score(), sim)
            : new Found(c, p.pair().b(), p.pair().a(), p.pair().score(), sim));
      }
    }
    return out;
  }

  /** Embeds the texts (distinct) in one call. */
  public static Map<String, float[]> embed(Embedder embedder, List<String> texts) {
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
    Map<String, float[]> out = new HashMap<>();
    if (distinct.isEmpty()) {
      return out;
    }
    float[][] v = embedder.embed(distinct);
    for (int i = 0; i < distinct.size(); i++) {
      out.put(distinct.get(i), v[i]);
    }
    return out;
  }

  /** The detector's shown conflicts of the pair that the profiles keep ({@link ConflictSubset}). */
  private List<Conflict> shown(Claim a, Claim b, double similarity, double score) {
    return detector.detect(List.of(new ClaimPairs.Pair(a, b, similarity)), List.of()).stream()
        .filter(c -> c.shown() && ConflictSubset.keep(c, a, b, score, link)).toList();
  }

  /** The sentence's tokens and tags, in body offsets; null when it holds no token. */
  private Sentence tag(StoryClaims.Cited c) {
    Sentence s = annotator.sentence(c.text(), 0, c.text().length());
    if (s == null) {
      return null;
    }
    List<Token> tokens = new ArrayList<>(s.tokens().size());
    for (Token t : s.tokens()) {
      tokens.add(new Token(t.text(), new Span(c.start() + t.span().start(), c.start() + t.span().end()), t.pos()));
    }
    return new Sentence(0, 0, new Span(c.start(), c.end()), c.text(), tokens);
  }

  /** The statement as the detector reads it; its figures only where it was tagged. */
  private Claim claim(Side side, Sentence tagged) {
    StoryClaims.Cited c = side.cited();
    return new Claim(c.article(), 0, new Span(c.start(), c.end()), c.text().strip(),
        tagged == null ? List.of() : numbers.extract(tagged, side.quotes()), null, null, false);
  }
}
