package org.parallax.outlets;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parallax.align.Words;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Quantity;

/**
 * Which of the conflict detector's shown conflicts the outlet profiles keep: a stricter subset, since a profile
 * counts them for a reader who sees no story around them. Read on all of AllSides (BENCHMARKS.md, "Conflicts it is
 * party to"), the detector's verdicts on the pairs the lexical pass finds were mostly wrong in four ways, and each
 * rule below removes one (the examples here are made up, in the shape of what was read):
 * <ul>
 *   <li>a negation (a "status" conflict): none is kept. The one read sat in a clause only one sentence had ("the
 *       mayor, who is not running again, opened the bridge" against "the mayor opened the bridge"), and lexical
 *       pairs cannot tell which predicate a "not" belongs to;</li>
 *   <li>a day or an outcome between sentences the lexical triangulation does not link as one claim
 *       ({@link StoryClaims.Params#link}): two statements of one person on two days;</li>
 *   <li>a figure counted relative to something the other sentence need not share: "12 other senators" (and the one
 *       named: 13), "two more", "another five", "an additional 200 miles", "three days later", "8 years ago"; or
 *       approximate after it ("6 feet or more");</li>
 *   <li>figures of two different scopes: the words next to the two figures (three either side, the figure and
 *       its counted noun aside) share no content word ("one country expelled about 20 diplomats" against "more than
 *       100 diplomats were sent home by the allies together"), the rule the detector applies to two days.</li>
 * </ul>
 */
final class ConflictSubset {
  private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(other|more|additional|another|extra|further|"
      + "fewer|less|new)\\b");
  /** After a figure: approximate ("6 feet or more"). */
  private static final Pattern AFTER = Pattern.compile("(?i)^\\W*(or more|or less|or so|or fewer|plus|and up|"
      + "at least|at most)\\b");
  /** After a duration: counted from an event ("three days later", "8 years ago"). */
  private static final Pattern SINCE = Pattern.compile("(?i)^\\W*(later|earlier|ago|before|after|prior|since)\\b");
  private static final Pattern DURATION = Pattern.compile("(?i)(second|minute|hour|day|week|month|year|decade)s?");
  private static final int WINDOW = 3;

  private ConflictSubset() {}

  /**
   * Whether the profiles keep a shown conflict of {@code a} and {@code b}, whose lexical score is {@code score}.
   *
   * @param link the score from which the lexical triangulation links two sentences as one claim
   */
  static boolean keep(Conflict c, Claim a, Claim b, double score, double link) {
    return switch (c.kind()) {
      case "status" -> false;
      case "fact" -> score >= link;
      case "quantity" -> quantity(c, a, b);
      default -> false; // attribution and story slots need the whole story: not looked for here
    };
  }

  private static boolean quantity(Conflict c, Claim a, Claim b) {
    boolean aFirst = c.statements().get(0).article().equals(a.article());
    Claim first = aFirst ? a : b;
    Claim second = aFirst ? b : a;
    Quantity qa = find(first, c.values().get(0));
    Quantity qb = find(second, c.values().get(1));
    if (qa == null || qb == null || relative(first.text(), qa) || relative(second.text(), qb)) {
      return false;
    }
    Set<String> na = neighbours(first.text(), qa);
    na.retainAll(neighbours(second.text(), qb));
    return !na.isEmpty();
  }

  private static Quantity find(Claim c, String text) {
    for (Quantity q : c.numbers()) {
      if (q.text().equals(text)) {
        return q;
      }
    }
    return null;
  }

  /** The figure is counted from something else: a relative word in or just before it, or a word after its noun. */
  static boolean relative(String sentence, Quantity q) {
    // Checked in order: a relative word in or before the figure, then what follows the figure or its noun.
    int at = sentence.indexOf(q.text());
    if (at < 0) {
      return true; // cannot place it: not kept
    }
    String before = lastWords(sentence.substring(0, at), 2);
    if (RELATIVE.matcher(q.text()).find() || RELATIVE.matcher(before).find()) {
      return true;
    }
    // Right after the figure's text ("6 feet or more", "three days later"), or after its counted noun when the
    // text stops before it ("12 other senators").
    String rest = sentence.substring(at + q.text().length());
    if (after(rest, q)) {
      return true;
    }
    String stem = q.unit().length() > 3 ? q.unit().substring(0, 3) : q.unit();
    if (q.text().toLowerCase(Locale.ROOT).contains(stem)) {
      return false;
    }
    int end = rest.toLowerCase(Locale.ROOT).indexOf(stem);
    if (end < 0 || end > 40) {
      return false;
    }
    while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
      end++;
    }
    return after(rest.substring(end), q);
  }

  private static boolean after(String rest, Quantity q) {
    return AFTER.matcher(rest).find() || DURATION.matcher(q.unit()).matches() && SINCE.matcher(rest).find();
  }

  /** Content words within {@link #WINDOW} words either side of the figure, the figure's words and its noun aside. */
  static Set<String> neighbours(String sentence, Quantity q) {
    int at = sentence.indexOf(q.text());
    Set<String> own = Words.content(q.text());
    own.addAll(Words.content(q.unit()));
    Set<String> out = new HashSet<>();
    if (at < 0) {
      return out;
    }
    List<String> before = List.of(lastWords(sentence.substring(0, at), WINDOW).split("\\s+"));
    String after = sentence.substring(at + q.text().length()).strip();
    String[] next = after.split("\\s+", WINDOW + 2);
    StringBuilder words = new StringBuilder(String.join(" ", before));
    for (int i = 0; i < Math.min(WINDOW + 1, next.length); i++) {
      words.append(' ').append(next[i]); // one more after it: the first is usually its noun
    }
    out.addAll(Words.content(words.toString()));
    out.removeAll(own);
    // The noun's plural or singular: Words cuts stems, but "senator"/"senators" may still differ by one letter.
    out.removeIf(w -> w.startsWith(q.unit().length() > 4 ? q.unit().substring(0, 4) : q.unit()));
    return out;
  }

  private static String lastWords(String s, int n) {
    String[] w = s.strip().split("\\s+");
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, w.length - n); i < w.length; i++) {
      out.append(w[i]).append(' ');
    }
    return out.toString().strip();
  }
}
