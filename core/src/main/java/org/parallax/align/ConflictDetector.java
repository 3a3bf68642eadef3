package org.parallax.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;
import org.parallax.model.Quantity;
import org.parallax.model.Quote;

/**
 * Contradictions between articles, found only between statements about the same thing: first the claims are paired
 * (each claim with its best partner in another article, both ways, sharing most content words), then the slots of a
 * pair are compared by type:
 * <ul>
 *   <li>quantity: the same counted thing, once in each sentence, neither quoted, with figures that differ beyond
 *       rounding and stated approximation ("about 300" and "312", "at least 15" and "more than a dozen" agree);</li>
 *   <li>fact: a different weekday, or one outcome and its opposite ("passed" / "rejected"), for the same event;</li>
 *   <li>status: the same statement with its main predicate negated in one article only;</li>
 *   <li>attribution: the same quoted words credited to different named people ({@link SpeakerConflicts}).</li>
 * </ul>
 * Each conflict carries the compared slot, each side's value and a confidence; the heuristics and their measured
 * precision are in BENCHMARKS.md. Precision comes first: anything uncertain is left out or marked "possible".
 */
public final class ConflictDetector {
  /** Share of the other content words two statements must have in common for their figures to be compared. */
  private static final double REST = 0.5;
  /** The same, for two statements the aligner already holds to be one claim (its agreement score). */
  private static final double ALIGNED_REST = 0.2;
  private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("\\d[\\d,.]*");
  private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern.compile(
      "[$€£]\\s?\\d[\\d,.]*(?:\\s(?:million|billion|trillion))?|\\d[\\d,.]*\\s?(?:%|percent)");
  /**
   * A figure set as a goal or forecast, or dated in a coming year: read on unannotated stories, "about 14% get it
   * now" against "would like 80% in 2025" was the false alarm this keeps out.
   */
  private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
      "(?i)\\b(would like|wants? to|aims? to|goal|target|plans? to|by (?:20[2-9]\\d)|in 20[2-9]\\d|expected to|"
      + "projected|forecast|estimates? that)\\b");
  private final double pairSimilarity;
  private final double claimAgreement;
  private final double negationSimilarity;
  private final double tolerance;

  /**
   * @param pairSimilarity embedding similarity from which two claims of different articles may be about the same thing
   * @param claimAgreement the aligner's agreement score from which two statements are one claim
   * @param negationSimilarity embedding similarity from which a sentence and its negation are the same statement
   * @param tolerance      relative difference below which two figures agree
   */
  public ConflictDetector(double pairSimilarity, double claimAgreement, double negationSimilarity,
                          double tolerance) {
    this.pairSimilarity = pairSimilarity;
    this.claimAgreement = claimAgreement;
    this.negationSimilarity = negationSimilarity;
    this.tolerance = tolerance;
  }

  /**
   * Whether two statements could differ in their day or outcome ({@link Facts}): false means neither comparison can
   * find a conflict between them, so a caller comparing many pairs for those alone may skip the pair.
   */
  public static boolean dayOrOutcomeMayDiffer(String a, String b) {
    return Facts.dayOrOutcomeMayDiffer(a, b);
  }

  public List<Conflict> detect(List<Claim> claims, ClaimVectors vectors, List<Quote> quotes) {
    return detect(ClaimPairs.mutualBest(claims, vectors, pairSimilarity), claims, quotes);
  }

  /** As above, with the mutual best matches already computed (at this detector's threshold or a lower one). */
  public List<Conflict> detect(List<ClaimPairs.Pair> pairs, List<Quote> quotes) {
    return detect(pairs, List.of(), quotes);
  }

  /**
   * As above, with every claim of the story too: slots that name what they measure ({@link StorySlots}) are compared
   * across the whole story, not only within aligned pairs.
   */
  public List<Conflict> detect(List<ClaimPairs.Pair> pairs, List<Claim> claims, List<Quote> quotes) {
    List<Conflict> out = new ArrayList<>();
    Map<String, Conflict> quantities = new LinkedHashMap<>();
    for (ClaimPairs.Pair p : ClaimPairs.atLeast(pairs, pairSimilarity)) {
      double overlap = Words.overlap(p.a().text(), p.b().text());
      quantity(p, quantities);
      if (overlap < 0.4) {
        continue; // a shared topic, not a shared statement
      }
      Conflict f = Facts.compare(p.a(), p.b(), p.similarity(), overlap, negationSimilarity);
      if (f != null) {
        out.add(f);
      }
    }
    out.addAll(0, quantities.values());
    for (Conflict c : StorySlots.detect(claims)) {
      if (out.stream().noneMatch(o -> o.statements().equals(c.statements()))) {
        out.add(c);
      }
    }
    out.addAll(SpeakerConflicts.detect(quotes));
    return out;
  }

  private void quantity(ClaimPairs.Pair p, Map<String, Conflict> out) {
    Claim a = p.a();
    Claim b = p.b();
    if (Facts.differentTime(a.text(), b.text()) || TARGET.matcher(a.text()).find() != TARGET.matcher(b.text())
        .find()) {
      return; // different time points carry different figures; so do a goal and a present state
    }
    for (Quantity qa : a.numbers()) {
      for (Quantity qb : b.numbers()) {
        if (!qa.unit().equals(qb.unit()) || qa.quoted() || qb.quoted() || count(a, qa.unit()) != 1
            || count(b, qb.unit()) != 1) {
          continue;
        }
        Approximation ra = Approximation.of(a.text(), qa, tolerance);
        Approximation rb = Approximation.of(b.text(), qb, tolerance);
        if (ra.overlaps(rb)) {
          continue;
        }
        // The rest of the two sentences must say the same: the figure is the one slot that differs, and any other
        // figures they both give agree (a second differing figure means another plan, group or period).
        double rest = Words.overlap(Words.without(a.text(), qa.text()), Words.without(b.text(), qb.text()));
        boolean aligned = ClaimAligner.agreement(a, b, p.similarity()) >= claimAgreement;
        if (rest < (aligned ? ALIGNED_REST : REST) || !otherFiguresAgree(a, qa, b, qb)) {
          continue;
        }
        double confidence = Math.min(0.95, 0.35 + 0.35 * rest + 0.3 * Math.max(0, p.similarity() - 0.6) / 0.4);
        String key = qa.unit() + "|" + a.article() + "|" + b.article();
        out.putIfAbsent(key, new Conflict(ConflictText.clip(a.text()), "quantity", Words.plural(qa.unit()),
            List.of(qa.text(), qb.text()), round(confidence),
            "different figures for the same " + qa.unit() + " count: " + a.article() + " says “" + qa.text() + "”, "
                + b.article() + " says “" + qb.text() + "”",
            List.of(Evidence.of(a), Evidence.of(b))));
      }
    }
  }

  /**
   * The two statements' other figures do not tell another situation apart: other counts of one same thing agree,
   * sums of money and percentages they both give share a value, and neither repeats the other's figure (the
   * other's "down from 223,000" makes 223,000 an earlier value, not a contradiction).
   */
  private boolean otherFiguresAgree(Claim a, Quantity qa, Claim b, Quantity qb) {
    for (Quantity x : a.numbers()) {
      for (Quantity y : b.numbers()) {
        if (x != qa && y != qb && x.unit().equals(y.unit()) && !Approximation.of(a.text(), x, tolerance).overlaps(
            Approximation.of(b.text(), y, tolerance))) {
          return false;
        }
      }
    }
    java.util.Set<String> all = ClaimAligner.figures(b.text());
    java.util.Set<String> allA = ClaimAligner.figures(a.text());
    if (all.contains(digits(qa.text())) || allA.contains(digits(qb.text()))) {
      return false;
    }
    java.util.Set<String> ma = money(Words.without(a.text(), qa.text()));
    java.util.Set<String> mb = money(Words.without(b.text(), qb.text()));
    return ma.isEmpty() || mb.isEmpty() || ma.stream().anyMatch(mb::contains);
  }

  private static String digits(String quantity) {
    java.util.regex.Matcher m = FIGURE.matcher(quantity);
    return m.find() ? m.group().replace(",", "").replaceAll("\\.$", "") : "";
  }

  private static java.util.Set<String> money(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    java.util.regex.Matcher m = MONEY.matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("[\\s,]", "").toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int count(Claim c, String unit) {
    return (int) c.numbers().stream().filter(q -> q.unit().equals(unit)).count();
  }

  static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  /** Helpers for the one-line explanations. */
  static final class ConflictText {
    private ConflictText() {}

    static String clip(String s) {
      return s.length() > 60 ? s.substring(0, 57).strip() + "…" : s;
    }
  }

  /** A stated figure as the interval it allows: "about 300", "more than a dozen", "at least 15", "312". */
  record Approximation(double low, double high) {
    static Approximation of(String sentence, Quantity q, double tolerance) {
      double v = q.value();
      String before = before(sentence, q.text());
      if (before.matches(".*\\b(more than|over|at least|upwards of|in excess of|above|exceeding)\\s*(a|an)?\\s*$")) {
        return new Approximation(v, Double.POSITIVE_INFINITY);
      }
      if (before.matches(".*\\b(less than|fewer than|under|up to|at most|as many as|nearly|almost|below|no more than)"
          + "\\s*(a|an)?\\s*$")) {
        return new Approximation(0, v);
      }
      if (before.matches(".*\\b(about|around|roughly|some|approximately|an estimated|estimated|close to|nearly|"
          + "almost|more or less|upward of|or so)\\s*(a|an)?\\s*$") || q.text().toLowerCase(Locale.ROOT)
          .matches("(dozen|hundred|thousand).*")) {
        return new Approximation(v * 0.8, v * 1.2);
      }
      double w = width(v, tolerance);
      return new Approximation(v - w / 2, v + w / 2);
    }

    boolean overlaps(Approximation o) {
      return low <= o.high && o.low <= high;
    }

    /**
     * The width a figure stands for: a whole number, the power of ten it is a multiple of ("300" may stand for 312,
     * "2 million" for 2.3 million, "157" only for 157); a fraction ("5.8%"), the relative tolerance.
     */
    private static double width(double v, double tolerance) {
      if (v != Math.floor(v)) {
        return Math.abs(v) * tolerance * 2;
      }
      double p = 1;
      while (p * 10 <= Math.abs(v) && v % (p * 10) == 0) {
        p *= 10;
      }
      return p == 1 ? 0 : p;
    }

    private static String before(String sentence, String quantity) {
      int at = sentence.indexOf(quantity);
      String s = at < 0 ? "" : sentence.substring(Math.max(0, at - 30), at);
      return s.toLowerCase(Locale.ROOT);
    }
  }
}
