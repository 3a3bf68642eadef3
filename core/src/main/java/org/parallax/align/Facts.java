package org.parallax.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;

/**
 * Slot comparisons of two paired claims other than figures: the weekday of the event, an outcome against its
 * opposite, and a main predicate negated in one wording only. Each applies only when the rest of the two sentences
 * says the same (their content words overlap strongly), so that the differing slot is about the same event.
 */
final class Facts {
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
  private static final Pattern TIME = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
      + "January|February|March|April|June|July|August|September|October|November|December|yesterday|today|"
      + "tomorrow|last (?:week|month|year)|next (?:week|month|year)|(?:19|20)\\d\\d)\\b");
  private static final Pattern NEGATION = Pattern.compile("\\b(not|never|no longer)\\b|n[’']t\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REPEATED = Pattern.compile(
      "\\b(again|second|third|in a row|another|once more|follow-up|previous|earlier|later|also|each|every|both)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("[\"“”]");
  /** Outcomes and their opposites, as word forms: the first group of a row against the second. */
  private static final String[][] OPPOSITES = {
      {"passed|approved|adopted", "rejected|defeated|voted down|failed to pass|blocked"},
      {"won|wins|victory", "lost|loses|defeat"},
      {"convicted|found guilty", "acquitted|found not guilty"},
      {"resigned|stepped down|quit", "was fired|was ousted|was dismissed|was removed"},
      {"upheld", "overturned|struck down|reversed"},
      {"rose|increased|grew|climbed", "fell|decreased|declined|dropped"},
      {"confirmed", "denied"},
      {"accepted", "rejected|declined"},
      {"alive", "dead|killed"},
  };
  private static final List<Pattern[]> OUTCOMES = new ArrayList<>();

  static {
    for (String[] row : OPPOSITES) {
      OUTCOMES.add(new Pattern[] {Pattern.compile("\\b(" + row[0] + ")\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\b(" + row[1] + ")\\b", Pattern.CASE_INSENSITIVE)});
    }
  }

  private Facts() {}

  static Conflict compare(Claim a, Claim b, double similarity, double overlap, double negationSimilarity) {
    Conflict c = weekday(a, b, similarity, overlap);
    if (c == null) {
      c = outcome(a, b, similarity, overlap);
    }
    return c != null ? c : negation(a, b, similarity, overlap, negationSimilarity);
  }

  /**
   * A cheap necessary condition of a day or an outcome conflict (the negation aside): each names one weekday and
   * not the same, or one states an outcome the other states the opposite of. For callers that compare many pairs
   * and want to skip the rest of the comparison.
   */
  static boolean dayOrOutcomeMayDiffer(String a, String b) {
    List<String> da = all(WEEKDAY, a);
    List<String> db = all(WEEKDAY, b);
    if (da.size() == 1 && db.size() == 1 && !da.get(0).equals(db.get(0))) {
      return true;
    }
    for (Pattern[] row : OUTCOMES) {
      if (row[0].matcher(a).find() && row[1].matcher(b).find() || row[1].matcher(a).find() && row[0].matcher(b)
          .find()) {
        return true;
      }
    }
    return false;
  }

  /** Both sentences name a time, and not the same one: figures or events of different moments. */
  static boolean differentTime(String a, String b) {
    List<String> ta = all(TIME, a);
    List<String> tb = all(TIME, b);
    return !ta.isEmpty() && !tb.isEmpty() && ta.stream().noneMatch(tb::contains);
  }

  private static Conflict weekday(Claim a, Claim b, double similarity, double overlap) {
    List<String> da = all(WEEKDAY, a.text());
    List<String> db = all(WEEKDAY, b.text());
    if (da.size() != 1 || db.size() != 1 || da.get(0).equals(db.get(0)) || REPEATED.matcher(a.text()).find()
        || REPEATED.matcher(b.text()).find()) {
      return null; // "again on Tuesday", "for the second day in a row": an event that happens on both days
    }
    double rest = Words.overlap(Words.without(a.text(), da.get(0)), Words.without(b.text(), db.get(0)));
    if (rest < 0.6 || similarity < 0.7 || !sameNeighbours(a.text(), da.get(0), b.text(), db.get(0))) {
      return null;
    }
    return conflict(a, b, "fact", "day", da.get(0), db.get(0), 0.3 + 0.5 * rest,
        "the same event on a different day");
  }

  /**
   * The two days date the same verb or noun: a word next to the day (three words either side) is shared. Read on 112
   * unannotated stories, every day pair without one dated two events of one sentence ("invited on Tuesday to a
   * briefing Wednesday", "said on Sunday" against "spoke on Friday").
   */
  static boolean sameNeighbours(String a, String dayA, String b, String dayB) {
    Set<String> na = Words.content(window(a, dayA));
    na.retainAll(Words.content(window(b, dayB)));
    return !na.isEmpty();
  }

  private static String window(String s, String day) {
    String[] w = s.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (w[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(day)) {
        for (int k = Math.max(0, i - 3); k <= Math.min(w.length - 1, i + 3); k++) {
          if (k != i) {
            out.append(w[k]).append(' ');
          }
        }
      }
    }
    return out.toString();
  }

  private static Conflict outcome(Claim a, Claim b, double similarity, double overlap) {
    for (Pattern[] row : OUTCOMES) {
      String ya = first(row[0], a.text());
      String na = first(row[1], a.text());
      String yb = first(row[0], b.text());
      String nb = first(row[1], b.text());
      boolean flip = ya != null && na == null && nb != null && yb == null
          || na != null && ya == null && yb != null && nb == null;
      if (!flip || overlap < 0.6 || similarity < 0.7 || negated(a.text()) != negated(b.text())) {
        continue;
      }
      String va = ya != null ? ya : na;
      String vb = yb != null ? yb : nb;
      double rest = Words.overlap(Words.without(a.text(), va), Words.without(b.text(), vb));
      return conflict(a, b, "fact", "outcome", va, vb, 0.2 + 0.5 * rest, "one outcome against its opposite");
    }
    return null;
  }

  private static Conflict negation(Claim a, Claim b, double similarity, double overlap, double threshold) {
    boolean na = negated(a.text());
    boolean nb = negated(b.text());
    if (na == nb || overlap < 0.75 || similarity < threshold || !sameLength(a.text(), b.text())
        || QUOTED.matcher(a.text()).find() || QUOTED.matcher(b.text()).find()) {
      return null; // a negation in a clause the other lacks, or in a quotation cut differently, says nothing
    }
    Claim neg = na ? a : b;
    Claim pos = na ? b : a;
    return conflict(pos, neg, "status", "negation", "affirmed", "negated", 0.2 + 0.4 * overlap,
        "one states it, the other states its negation");
  }

  /** Content-word sets of similar size: neither sentence adds a clause of its own. */
  static boolean sameLength(String a, String b) {
    int x = Words.content(a).size();
    int y = Words.content(b).size();
    return Math.min(x, y) >= 0.8 * Math.max(x, y);
  }

  static boolean negated(String text) {
    return NEGATION.matcher(text).find();
  }

  private static Conflict conflict(Claim a, Claim b, String kind, String slot, String va, String vb, double conf,
                                   String why) {
    return new Conflict(ConflictDetector.ConflictText.clip(a.text()), kind, slot, List.of(va, vb),
        ConflictDetector.round(Math.min(0.9, conf)), why + ": " + a.article() + " “" + va + "”, " + b.article()
        + " “" + vb + "”", List.of(Evidence.of(a), Evidence.of(b)));
  }

  private static List<String> all(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static String first(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
  }
}
