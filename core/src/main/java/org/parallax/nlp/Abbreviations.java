package org.parallax.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Rejoins sentences that OpenNLP's model splits after a news abbreviation: a title before a name ("Rep.", "Sen.",
 * "Gov.", "Gen.", "Lt. Col."), which never ends a sentence, and a state or month abbreviation ("Calif.", "Fla.",
 * "Sept.") or a party label ("R-Texas."), which ends one only when the next part starts a new sentence (capital
 * letter after it and not a closing bracket, comma or lower-case word).
 */
final class Abbreviations {
  /** Titles that always precede a name. */
  private static final Set<String> TITLES = Set.of("rep", "reps", "sen", "sens", "gov", "gen", "lt", "col", "sgt",
      "capt", "cmdr", "adm", "maj", "cpl", "pvt", "dr", "mr", "mrs", "ms", "prof", "rev", "atty", "supt", "gens",
      "pres", "hon", "sec", "amb", "insp", "det", "fr", "msgr", "brig", "ft", "mt", "no", "nos", "vs", "v");
  /** Abbreviations that may end a sentence, so they join only a continuation. */
  private static final Set<String> OTHERS = Set.of("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
      "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
      "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "jan", "feb", "aug", "sept", "oct",
      "nov", "dec", "inc", "corp", "co", "ltd", "jr", "sr", "st", "u.s", "d.c", "n.y", "n.j", "n.c", "s.c", "n.h",
      "n.m", "n.d", "s.d", "w.va", "r.i", "approx", "est", "dept", "univ", "assn", "bros");

  private Abbreviations() {}

  /** Sentence spans of {@code para}, with wrong splits after abbreviations undone. */
  static List<int[]> rejoin(String para, Span[] spans) {
    List<int[]> out = new ArrayList<>(spans.length);
    for (Span s : spans) {
      if (!out.isEmpty()) {
        int[] prev = out.get(out.size() - 1);
        if (joins(para, prev[1], s.getStart())) {
          prev[1] = s.getEnd();
          continue;
        }
      }
      out.add(new int[] {s.getStart(), s.getEnd()});
    }
    return out;
  }

  private static boolean joins(String para, int prevEnd, int nextStart) {
    if (prevEnd >= 3 && para.charAt(prevEnd - 1) == ')' && para.charAt(prevEnd - 2) == '.') {
      prevEnd--; // "(D-Calif.)" followed by "said"
    }
    if (prevEnd < 2 || para.charAt(prevEnd - 1) != '.' || nextStart >= para.length()) {
      return false;
    }
    int w = prevEnd - 1;
    while (w > 0 && !Character.isWhitespace(para.charAt(w - 1)) && para.charAt(w - 1) != '(') {
      w--;
    }
    String word = para.substring(w, prevEnd - 1).toLowerCase(java.util.Locale.ROOT);
    int dash = word.lastIndexOf('-');
    String party = dash > 0 && dash <= 2 ? word.substring(dash + 1) : null; // "(D-Calif." → "calif"
    if (TITLES.contains(word)) {
      return true;
    }
    if (!OTHERS.contains(word) && (party == null || !OTHERS.contains(party))) {
      return false;
    }
    char next = para.charAt(nextStart);
    return Character.isLowerCase(next) || next == ')' || next == ',' || next == ';' || Character.isDigit(next)
        || party != null;
  }
}
