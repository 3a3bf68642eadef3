package org.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parallax.model.Quantity;
import org.parallax.model.Sentence;
import org.parallax.model.Token;

/**
 * Numbers with the noun they count: "70,000 troops", "185 miles", "two hours", "4.5%", "2 million barrels".
 * Years, dates, clock times and vague amounts ("tens of thousands") are left out: they are not comparable quantities.
 */
public final class NumberExtractor {
  private static final Map<String, Double> WORDS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
      Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
      Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
      Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("thirteen", 13.0),
      Map.entry("fifteen", 15.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0),
      Map.entry("fifty", 50.0), Map.entry("hundred", 100.0), Map.entry("dozen", 12.0));
  private static final Map<String, Double> SCALE = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
      "trillion", 1e12, "m", 1e6, "bn", 1e9, "k", 1e3);
  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec");
  private static final Set<String> SKIP_UNITS = Set.of("of", "the", "a", "and", "or", "to", "in", "on", "at");

  public List<Quantity> extract(Sentence s) {
    return extract(s, List.of());
  }

  /** Numbers of a sentence; those inside one of {@code quotations} (body spans) are marked quoted. */
  public List<Quantity> extract(Sentence s, List<org.parallax.model.Span> quotations) {
    List<Quantity> out = new ArrayList<>();
    List<Token> t = s.tokens();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      String w = tok.text().toLowerCase(Locale.ROOT);
      Double value = parse(w);
      if (value == null || (!tok.pos().equals("NUM") && !WORDS.containsKey(w) && !w.matches("[\\d.,]+%?"))) {
        continue;
      }
      int at = tok.span().start() - s.span().start();
      if (at > 0 && (s.text().charAt(at - 1) == '-' || Character.isLetterOrDigit(s.text().charAt(at - 1)))) {
        continue; // the end of "Thirty-two" or "COVID-19", not a count of its own
      }
      if (i > 0 && MONTHS.contains(t.get(i - 1).text().toLowerCase(Locale.ROOT))) {
        continue; // "December 7"
      }
      if (i + 1 < t.size() && MONTHS.contains(t.get(i + 1).text().toLowerCase(Locale.ROOT))) {
        continue; // "7 December"
      }
      if (w.contains(":") || (i > 0 && t.get(i - 1).text().equalsIgnoreCase("of") && i > 1
          && t.get(i - 2).text().equalsIgnoreCase("tens"))) {
        continue;
      }
      int j = i + 1;
      if (j < t.size()) {
        Double scale = SCALE.get(t.get(j).text().toLowerCase(Locale.ROOT));
        if (scale != null) {
          value *= scale;
          j++;
        }
      }
      String unit = null;
      if (w.endsWith("%")) {
        unit = "percent";
      } else if (j < t.size() && t.get(j).text().matches("(?i)%|percent|per")) {
        unit = "percent";
      } else {
        int k = j;
        while (k < t.size() && k < j + 3 && (t.get(k).pos().equals("ADJ") || t.get(k).text().equals("-")
            || t.get(k).pos().equals("PROPN"))) {
          k++;
        }
        if (k < t.size() && t.get(k).pos().equals("NOUN")
            && !SKIP_UNITS.contains(t.get(k).text().toLowerCase(Locale.ROOT))) {
          unit = singular(t.get(k).text().toLowerCase(Locale.ROOT));
        }
      }
      boolean yearLike = value >= 1900 && value <= 2100 && value == Math.floor(value) && w.matches("\\d{4}");
      if (unit == null || (yearLike && !unit.equals("year"))) {
        continue;
      }
      boolean quoted = false;
      for (org.parallax.model.Span q : quotations) {
        quoted |= q.start() <= tok.span().start() && tok.span().end() <= q.end();
      }
      out.add(new Quantity(value, unit, s.text().substring(tok.span().start() - s.span().start(),
          Math.min(s.text().length(), t.get(Math.min(t.size() - 1, j)).span().end() - s.span().start())), quoted));
    }
    return out;
  }

  static Double parse(String w) {
    Double word = WORDS.get(w);
    if (word != null) {
      return word;
    }
    String digits = w.replace(",", "").replace("%", "");
    if (!digits.matches("\\d+(\\.\\d+)?")) {
      return null;
    }
    try {
      return Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String singular(String noun) {
    if (noun.equals("people") || noun.equals("news") || noun.endsWith("ss") || noun.endsWith("us")
        || noun.endsWith("is")) {
      return noun;
    }
    if (noun.endsWith("ies") && noun.length() > 4) {
      return noun.substring(0, noun.length() - 3) + "y";
    }
    // "taxes", "witnesses", "churches": the -es belongs to the plural; "doses", "cases": only the -s does.
    if (noun.endsWith("xes") || noun.endsWith("sses") || noun.endsWith("ches") || noun.endsWith("shes")
        || noun.endsWith("zzes")) {
      return noun.substring(0, noun.length() - 2);
    }
    if (noun.endsWith("s") && noun.length() > 3) {
      return noun.substring(0, noun.length() - 1);
    }
    return noun;
  }
}
