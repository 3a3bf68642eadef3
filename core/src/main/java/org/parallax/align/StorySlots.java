package org.parallax.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Evidence;

/**
 * Conflicts found from a slot whose wording names the thing it measures, so that two sentences need not align as a
 * whole: outlets that word a story differently rarely share a sentence, but they do share "N of the M seats", a
 * "between $A and $B" disclosure range, a "N-page" document, a "N-M vote" or the year of a named law. Two articles'
 * mentions of a slot are compared only when each is the other's closest mention of it (by shared names and context
 * words, no tie), neither article also states the other's value anywhere, and the two sentences share the slot's
 * agent (a proper name) or its context words.
 * The rules and what they found when read are in BENCHMARKS.md (issue 13).
 */
final class StorySlots {
  private static final String NUM = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|"
      + "eight|nine|ten|eleven|twelve)";
  /** "156 seats of the 338", "157 of 338 seats", "10 out of the 538 electors". */
  private static final Pattern SHARE_OF = Pattern.compile("(?i)\\b" + NUM + "\\s+(?:([a-z]+)\\s+)?(?:out\\s+)?of"
      + "\\s+(?:the\\s+|its\\s+|all\\s+)?" + NUM + "(?:\\s+([a-z]+))?");
  /** "between $628,000 and $1.72 million", "from $1 million to $5 million". */
  private static final Pattern RANGE = Pattern.compile("(?i)\\b(?:between|from)\\s+(roughly\\s+|about\\s+|around\\s+"
      + "|approximately\\s+|an estimated\\s+)?\\$\\s?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(thousand|million|billion))?"
      + "\\s+(?:and|to)\\s+\\$\\s?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(thousand|million|billion))?");
  /** A measure as a compound modifier: "a 47-page indictment", "a 21.5-million-square-foot campus". */
  private static final Pattern MEASURE = Pattern.compile("(?i)\\b" + NUM + "(?:[- ](thousand|million|billion))?-"
      + "(page|square-foot|square-mile|acre|count|story|mile)\\b");
  /** "a 52-48 vote", "voted 5-4": a tally, with a vote word in the sentence. */
  private static final Pattern TALLY = Pattern.compile("(?<![\\d,.$-])(\\d{1,3})\\s?[-–]\\s?(\\d{1,3})(?![\\d%-])");
  private static final Pattern VOTE = Pattern.compile("(?i)\\b(vote[sd]?|voting|ruling|tally|margin)\\b");
  /** The year of a named law: "a law dating back to 1995", "a law passed by Congress in 1998", "the 1996 act". */
  private static final Pattern LAW_YEAR = Pattern.compile("(?i)\\b(law|act|treaty|statute)\\s+(?:that\\s+was\\s+)?"
      + "(?:dating\\s+(?:back\\s+)?to|passed\\s+(?:by\\s+[A-Z][a-z]+\\s+)?in|enacted\\s+in|signed\\s+in|of|from)"
      + "\\s+((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)\\s+(law|act|treaty|statute)\\b");
  /**
   * The year of a one-time event of a named agent: "founded in 1995", "was born in 1961", "joined the firm in 2004".
   * Events that recur (elected, won, visited, met) are left out: two years there are often two events.
   */
  private static final Pattern EVENT_YEAR = Pattern.compile("(?i)\\b(founded|born|died|established|enacted|"
      + "married|retired|joined|hired|launched|opened|built|created|incorporated|emigrated|immigrated|graduated)"
      + "\\s+(?:[a-z]+\\s+){0,3}?in\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern APPROX = Pattern.compile("(?i)\\b(about|around|roughly|some|approximately|nearly|"
      + "almost|more than|over|at least|fewer than|less than|up to|under|as many as|an estimated|estimated)\\s*$");
  private static final Pattern FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern CAPITALIZED = Pattern.compile("\\b\\p{Lu}[\\p{L}’']{2,}");
  private static final Set<String> NOT_NAMES = Set.of("the", "but", "and", "for", "with", "after", "before", "when",
      "while", "this", "that", "these", "those", "last", "first", "new", "its", "his", "her", "their", "our", "mrs",
      "however", "in", "on", "as", "at", "since", "then", "there", "what", "why", "how", "some", "many", "more",
      "according", "senate", "house", "congress", "president", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday");
  private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
      Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
      Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
      Map.entry("eleven", 11.0), Map.entry("twelve", 12.0));
  private static final Map<String, Double> SCALE = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9);

  /** One statement of a slot: its key (what is measured), its value as intervals, its words for the reader. */
  record Mention(Claim claim, String slot, String key, List<double[]> values, String text, Set<String> agent) {}

  private StorySlots() {}

  static List<Conflict> detect(List<Claim> claims) {
    Map<String, Map<String, List<Mention>>> byKey = new HashMap<>(); // key -> article -> mentions
    for (Claim c : claims) {
      for (Mention m : mentions(c)) {
        byKey.computeIfAbsent(m.key(), k -> new java.util.LinkedHashMap<>())
            .computeIfAbsent(c.article(), k -> new ArrayList<>()).add(m);
      }
    }
    List<Conflict> out = new ArrayList<>();
    for (Map<String, List<Mention>> perArticle : byKey.values()) {
      List<List<Mention>> arts = new ArrayList<>(perArticle.values());
      for (int i = 0; i < arts.size(); i++) {
        for (int j = i + 1; j < arts.size(); j++) {
          for (Mention a : arts.get(i)) {
            Mention b = best(a, arts.get(j));
            if (b == null || best(b, arts.get(i)) != a || states(arts.get(j), a) || states(arts.get(i), b)) {
              continue; // not each other's closest statement, or an article also states the other's value
            }
            Conflict c = compare(a, b);
            if (c != null) {
              out.add(c);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The mention of another article closest to {@code a} by shared names and context words; null on a tie, where
   * the wording does not tell which of two measured things {@code a} is.
   */
  private static Mention best(Mention a, List<Mention> others) {
    Mention best = null;
    int top = -1;
    boolean tie = false;
    for (Mention b : others) {
      int score = shared(a.agent(), b.agent()) * 2 + shared(context(a), context(b));
      if (score > top) {
        best = b;
        top = score;
        tie = false;
      } else if (score == top) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static Set<String> context(Mention m) {
    return Words.content(Words.without(m.claim().text(), m.text()));
  }

  private static int shared(Set<String> a, Set<String> b) {
    return (int) a.stream().filter(b::contains).count();
  }

  /** Some mention of the article gives this value: it does not contradict it. */
  private static boolean states(List<Mention> ms, Mention a) {
    return ms.stream().anyMatch(m -> overlaps(m.values(), a.values()));
  }

  private static Conflict compare(Mention a, Mention b) {
    if (overlaps(a.values(), b.values()) || repeats(a, b) || repeats(b, a)) {
      return null;
    }
    boolean agent = a.agent().stream().anyMatch(b.agent()::contains);
    Set<String> ca = Words.content(Words.without(a.claim().text(), a.text()));
    Set<String> cb = Words.content(Words.without(b.claim().text(), b.text()));
    ca.retainAll(cb);
    double confidence;
    String why;
    switch (a.slot()) {
      case "share" -> {
        if (!agent) {
          return null;
        }
        confidence = 0.7;
        why = "a different count of the same whole";
      }
      case "range" -> {
        if (!agent) {
          return null;
        }
        confidence = 0.7;
        why = "a different range for the same sum";
      }
      case "vote" -> {
        if (ca.size() < 2) {
          return null;
        }
        confidence = 0.65;
        why = "a different tally for the same vote";
      }
      case "event year" -> {
        if (!agent) {
          return null; // whose founding, birth or hiring: the names before the verb must be one
        }
        confidence = 0.62;
        why = "a different year for the same event (" + a.key().substring(a.key().indexOf('|') + 1) + ")";
      }
      case "measure" -> {
        if (!agent && ca.size() < 2) {
          return null;
        }
        confidence = 0.62;
        why = "a different size for the same " + a.key().substring(a.key().indexOf('|') + 1);
      }
      default -> { // law year: the law is named; the two sentences must share some context too
        if (ca.isEmpty()) {
          return null;
        }
        confidence = 0.62;
        why = "a different " + a.slot() + " for the same " + a.key().substring(a.key().indexOf('|') + 1);
      }
    }
    String kind = a.slot().endsWith("year") ? "fact" : "quantity";
    return new Conflict(ConflictDetector.ConflictText.clip(a.claim().text()), kind, a.slot(),
        List.of(a.text(), b.text()), confidence, why + ": " + a.claim().article() + " “" + a.text() + "”, "
            + b.claim().article() + " “" + b.text() + "”", List.of(Evidence.of(a.claim()), Evidence.of(b.claim())));
  }

  /** The other sentence also gives this value: "156 of 338, up from 155" is no contradiction of "155". */
  private static boolean repeats(Mention a, Mention b) {
    for (Mention m : mentions(b.claim())) {
      if (m != null && m.key().equals(a.key()) && overlaps(m.values(), a.values()) && !m.text().equals(b.text())) {
        return true;
      }
    }
    Matcher d = FIGURE.matcher(a.text().replace(",", ""));
    String rest = Words.without(b.claim().text(), b.text()).replace(",", "");
    while (d.find()) {
      if (d.group().length() >= 2 && Pattern.compile("(?<![\\d.])" + Pattern.quote(d.group()) + "(?![\\d]|\\.\\d)")
          .matcher(rest).find()) {
        return true;
      }
    }
    return false;
  }

  static List<Mention> mentions(Claim c) {
    String s = c.text();
    List<Mention> out = new ArrayList<>();
    Matcher m = SHARE_OF.matcher(s);
    while (m.find()) {
      Double n = value(m.group(1));
      Double whole = value(m.group(3));
      String thing = m.group(2) != null && !m.group(2).equalsIgnoreCase("out") ? m.group(2) : m.group(4);
      if (n == null || whole == null || thing == null || n >= whole || whole < 3 || year(n) || year(whole)
          || approximate(s, m.start()) || quoted(s, m.start()) || !thing.matches("(?i)[a-z]{3,}")
          || thing.equalsIgnoreCase("the")) {
        continue;
      }
      String unit = org.parallax.align.Words.content(thing).isEmpty() ? null : singular(thing);
      if (unit == null) {
        continue;
      }
      String said = m.group(4) != null && thing.equals(m.group(4)) ? m.group() : s.substring(m.start(), m.end(3));
      out.add(new Mention(c, "share", "share|" + fmt(whole) + " " + unit, List.of(new double[] {n, n}), said,
          agent(s, m.start())));
    }
    m = RANGE.matcher(s);
    while (m.find()) {
      if (quoted(s, m.start())) {
        continue;
      }
      boolean approx = m.group(1) != null || approximate(s, m.start());
      double hiScale = m.group(5) == null ? 1 : SCALE.get(m.group(5).toLowerCase(Locale.ROOT));
      double lo = number(m.group(2));
      double loScale = m.group(3) != null ? SCALE.get(m.group(3).toLowerCase(Locale.ROOT))
          : lo < 1000 && hiScale > 1 ? hiScale : 1;
      double hi = number(m.group(4));
      out.add(new Mention(c, "range", "range|$", List.of(interval(m.group(2), lo * loScale, loScale, approx),
          interval(m.group(4), hi * hiScale, hiScale, approx)), m.group().replaceFirst("(?i)^(between|from)\\s+", ""),
          names(s)));
    }
    m = MEASURE.matcher(s);
    while (m.find()) {
      Double v = value(m.group(1));
      if (v == null || quoted(s, m.start()) || approximate(s, m.start())) {
        continue;
      }
      double scale = m.group(2) == null ? 1 : SCALE.get(m.group(2).toLowerCase(Locale.ROOT));
      String unit = m.group(3).toLowerCase(Locale.ROOT);
      out.add(new Mention(c, "measure", "measure|" + unit, List.of(interval(m.group(1), v * scale, scale, false)),
          m.group(), names(s)));
    }
    if (VOTE.matcher(s).find()) {
      m = TALLY.matcher(s);
      while (m.find()) {
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        if (x + y < 3 || quoted(s, m.start())) {
          continue;
        }
        double hi = Math.max(x, y);
        double lo = Math.min(x, y);
        out.add(new Mention(c, "vote", "vote|tally", List.of(new double[] {hi, hi}, new double[] {lo, lo}),
            m.group(), names(s)));
      }
    }
    m = EVENT_YEAR.matcher(s);
    while (m.find()) {
      if (quoted(s, m.start())) {
        continue;
      }
      double y = Double.parseDouble(m.group(2));
      String verb = m.group(1).toLowerCase(Locale.ROOT);
      out.add(new Mention(c, "event year", "year|" + verb, List.of(new double[] {y, y}), m.group(),
          agent(s, m.start())));
    }
    m = LAW_YEAR.matcher(s);
    while (m.find()) {
      String thing = (m.group(1) != null ? m.group(1) : m.group(4)).toLowerCase(Locale.ROOT);
      if (thing.equals("act") && m.group(1) != null && Character.isLowerCase(s.charAt(m.start()))
          || quoted(s, m.start())) {
        continue; // "the act of 1995" is a law only when named so; a lower-case "act of" is any deed
      }
      double y = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(3));
      out.add(new Mention(c, "law year", "year|" + thing, List.of(new double[] {y, y}), m.group(), names(s)));
    }
    return out;
  }

  private static boolean overlaps(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i)[0] > b.get(i)[1] || b.get(i)[0] > a.get(i)[1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values a written figure stands for: "$628,000" 627,500–628,500; "$1.7 million" 1.65–1.75 million; an
   * approximate one ("roughly") ±20%.
   */
  private static double[] interval(String written, double v, double scale, boolean approx) {
    if (approx) {
      return new double[] {v * 0.8, v * 1.2};
    }
    String digits = written.replace(",", "");
    int dot = digits.indexOf('.');
    double step;
    if (dot >= 0) {
      step = Math.pow(10, -(digits.length() - dot - 1)) * scale;
    } else {
      step = scale;
      String d = digits;
      while (d.length() > 1 && d.endsWith("0")) {
        d = d.substring(0, d.length() - 1);
        step *= 10;
      }
      if (step == 1) {
        step = 0;
      }
    }
    return new double[] {v - step / 2, v + step / 2};
  }

  /** Proper names of the sentence (lower-cased, cut to five letters): who or what the slot is about. */
  private static Set<String> names(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = CAPITALIZED.matcher(s);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replaceAll("[’']s?$", "");
      if (!NOT_NAMES.contains(w)) {
        w = w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w;
        out.add(w.length() > 5 ? w.substring(0, 5) : w);
      }
    }
    return out;
  }

  /** The names of the clause before a count: "Trudeau’s Liberal Party had won 157 of 338". */
  private static Set<String> agent(String s, int at) {
    String before = s.substring(Math.max(0, at - 80), at);
    int cut = Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')), before.lastIndexOf(':'));
    return names(before.substring(cut + 1));
  }

  private static boolean approximate(String s, int at) {
    return APPROX.matcher(s.substring(Math.max(0, at - 20), at)).find();
  }

  /** Inside a quotation: a speaker's figure, not the outlet's statement. */
  private static boolean quoted(String s, int at) {
    String before = s.substring(0, at);
    long open = before.chars().filter(ch -> ch == '“').count();
    long close = before.chars().filter(ch -> ch == '”').count();
    long straight = before.chars().filter(ch -> ch == '"').count();
    return open > close || straight % 2 == 1;
  }

  private static boolean year(double v) {
    return v >= 1900 && v <= 2100;
  }

  private static Double value(String w) {
    Double word = WORDS.get(w.toLowerCase(Locale.ROOT));
    return word != null ? word : number(w);
  }

  private static double number(String w) {
    return Double.parseDouble(w.replace(",", ""));
  }

  private static String fmt(double v) {
    return v == Math.floor(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String singular(String noun) {
    String n = noun.toLowerCase(Locale.ROOT);
    return n.endsWith("s") && !n.endsWith("ss") && n.length() > 3 ? n.substring(0, n.length() - 1) : n;
  }
}
