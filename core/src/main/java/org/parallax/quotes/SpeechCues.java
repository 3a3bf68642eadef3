package org.parallax.quotes;

import static org.parallax.quotes.Names.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;

/**
 * Speech cues inside one sentence: the speech verbs, and the noun phrase each points at ("X said", "said X",
 * "according to X", "the statement from X"). Split out of {@link PatternQuoteAttributor}, which keeps what needs the
 * whole article (people, pronouns, continuations, the sentence before) and stays readable alone.
 */
final class SpeechCues {
  private final SideGazetteer sides;

  SpeechCues(SideGazetteer sides) {
    this.sides = sides;
  }

  private boolean isPersonName(String name) {
    return Names.isPersonName(name, sides);
  }

  static final Set<String> SPEECH = Set.of(
      "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states", "wrote", "writes",
      "tweeted", "posted", "declared", "insisted", "insists", "argued", "argues", "claimed", "claims", "asked",
      "asks", "replied", "replies", "remarked", "cautioned", "warned", "warns", "stressed", "stresses", "noted",
      "notes", "explained", "explains", "continued", "announced", "acknowledged", "admitted", "conceded",
      "complained", "urged", "urges", "predicted", "concluded", "commented", "responded", "chuckled", "laughed",
      "joked", "recalled", "observed", "emphasised", "emphasized", "vowed", "promised", "suggested", "reiterated",
      "reiterates", "confirmed", "denied", "maintained", "described", "describing", "saying", "telling", "adding",
      "writing", "calling", "called", "according", "accused", "insisting", "warning", "demanded", "voiced",
      "expressed", "greeted", "replying", "read", "reads", "shouted", "screamed", "testified", "pledged", "asking",
      "boasted", "sings", "sang", "quipped", "mocked", "scoffed", "countered", "lamented", "contended", "contends",
      "charged", "retorted", "mused", "wondered", "proclaimed", "tweets", "predicts", "explaining", "arguing",
      "noting", "recounted", "thundered", "snapped", "bragged", "fumed", "answered", "responds", "affirmed",
      "asserted", "asserts", "opined", "texted", "emailed");

  /** Speech verbs the POS model sometimes tags as nouns or adjectives, but which are verbs in a news cue. */
  static final Set<String> ALWAYS_VERB = Set.of("said", "says", "told", "added", "warned", "insisted",
      "argued", "asked", "tweeted", "declared", "stressed", "explained", "replied", "recalled", "demanded", "urged",
      "cautioned", "boasted", "quipped", "wrote", "sings", "asking", "saying", "adding", "insisting", "warning");

  /** Words after a speech verb that tell when, not who: "said Friday", "said Thursday morning". */
  static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week",
      "month", "year", "recently", "earlier", "later", "last", "this", "next", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december", "in", "on", "at",
      "during", "after", "before", "while", "when");

  /** Verbs that also take their subject after them: "…,” said Pavlo Klimkin. */
  static final Set<String> INVERTIBLE = Set.of("said", "says", "added", "adds", "asked", "wrote", "writes",
      "continued", "explained", "noted", "recalled", "warned", "replied", "declared", "insisted", "stated",
      "tweeted", "cautioned", "argued", "observed", "remarked", "commented", "concluded", "conceded",
      "acknowledged", "laughed", "chuckled", "joked", "reads", "read");

  static final Set<String> DOCUMENTS = Set.of("statement", "report", "readout", "communique", "release",
      "document", "transcript", "memo", "letter", "post", "tweet");

  static final Set<String> ADVERB_SKIP = Set.of("also", "later", "then", "again", "once", "previously",
      "recently", "earlier", "further", "separately", "publicly", "repeatedly", "bluntly", "simply", "only");

  /** A speaker phrase found in the text: the words, the name inside it (if any), and the pattern used. */
  record Attribution(String phrase, String name, String cue) {}

  Attribution fromCue(List<Token> t, Span quote, List<Span> quotes) {
    List<int[]> cues = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (inAny(tok.span(), quotes)) {
        continue;
      }
      String w = tok.text().toLowerCase(Locale.ROOT);
      boolean according = w.equals("according") && i + 1 < t.size() && t.get(i + 1).text().equals("to");
      if (!(SPEECH.contains(w) && (tok.isVerb() || according || ALWAYS_VERB.contains(w)))) {
        continue;
      }
      int d = tok.span().start() >= quote.end() ? tok.span().start() - quote.end()
          : quote.start() - tok.span().end();
      if (d >= 0) {
        cues.add(new int[] {i, d});
      }
    }
    cues.sort((x, y) -> x[1] - y[1]);
    for (int[] cue : cues) {
      int at = cue[0];
      String verb = t.get(at).text().toLowerCase(Locale.ROOT);
      if (verb.equals("according")) {
        int[] np = npRight(t, at + 2, quotes);
        if (np != null) {
          return attribution(t, np, "according to X");
        }
        continue;
      }
      int[] left = npLeft(t, at - 1, quotes);
      if (left != null) {
        if (isNameToken(t, left[1] - 1) && !hasComma(t, left)) {
          // "In a Bloomberg interview Trump declared": the head of a phrase before its verb is its last name
          int k = left[1] - 1;
          while (k > left[0] && isNameToken(t, k - 1)) {
            k--;
          }
          left = new int[] {k, left[1]};
        }
        return attribution(t, left, "X " + verb);
      }
      if (INVERTIBLE.contains(verb) && t.get(at).span().start() >= quote.end()) {
        // "“…,” said X" only: in "Trump says voter fraud “would be…”" the phrase after the verb is its object
        int[] right = npRight(t, at + 1, quotes);
        if (right != null) {
          return attribution(t, right, verb + " X");
        }
      }
    }
    return null;
  }

  /** The subject of the nearest earlier speech verb ("The Kremlin said in a statement…"), for "the statement read". */
  Attribution previousSpeaker(List<Sentence> sentences, int index, List<Span> quotes) {
    for (int k = index - 1; k >= Math.max(0, index - 2); k--) {
      List<Token> t = sentences.get(k).tokens();
      for (int i = 0; i < t.size(); i++) {
        String w = t.get(i).text().toLowerCase(Locale.ROOT);
        if (SPEECH.contains(w) && t.get(i).isVerb() && !inAny(t.get(i).span(), quotes)) {
          int[] left = npLeft(t, i - 1, quotes);
          if (left != null) {
            return attribution(t, left, "X " + w + " (previous sentence)");
          }
        }
      }
    }
    return null;
  }

  Attribution attribution(List<Token> t, int[] np, String cue) {
    String head = t.get(np[1] - 1).text().toLowerCase(Locale.ROOT);
    int after = np[1];
    if (DOCUMENTS.contains(head) && after + 1 < t.size()
        && t.get(after).text().matches("(?i)from|by|of")) {
      int k = after + 1;
      while (k < t.size() && (isNpToken(t.get(k)))) {
        k++;
      }
      if (k > after + 1 && hasHead(t, after + 1, k)) {
        np = new int[] {after + 1, k};
      }
    }
    StringBuilder phrase = new StringBuilder();
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = np[0]; i < np[1]; i++) {
      Token tok = t.get(i);
      if (phrase.length() > 0 && !tok.text().equals(",") && !tok.text().startsWith("'")
          && !tok.text().startsWith("’")) {
        phrase.append(' ');
      }
      phrase.append(tok.text());
      if (isNameToken(t, i)) {
        if (run.length() > 0) {
          run.append(' ');
        }
        run.append(tok.text());
      } else if (run.length() > 0) {
        runs.add(unpossessive(run.toString()));
        run.setLength(0);
      }
    }
    if (run.length() > 0) {
      runs.add(unpossessive(run.toString()));
    }
    String name = pickName(runs);
    return new Attribution(phrase.toString().replace(" ,", ","), name, cue);
  }

  /**
   * The speaker's name among the name runs of a phrase: the first full person name ("Maria Okafor" in "Maria
   * Okafor, general secretary of the Eastbridge Dockers' Union"), else the first single name that is no place or body.
   */
  String pickName(List<String> runs) {
    for (String r : runs) {
      String n = stripRolePrefix(r);
      if (isPersonName(n)) {
        return n;
      }
    }
    for (String r : runs) {
      String n = stripRolePrefix(r);
      if (!n.isEmpty() && !n.contains(" ") && !sides.isPlaceOrBody(n) && !BODY_WORDS.contains(n)) {
        return n;
      }
    }
    return null;
  }

  /** Noun phrase ending at {@code end} (inclusive) going left, with an appositive ("the adviser, Jake Sullivan,"). */
  int[] npLeft(List<Token> t, int end, List<Span> quotes) {
    int i = end;
    while (i >= 0 && ADVERB_SKIP.contains(t.get(i).text().toLowerCase(Locale.ROOT))) {
      i--;
    }
    int label = PartyLabels.startBefore(t, i);
    if (label > 0 && isNameToken(t, label - 1)) {
      // "Rep. Gwen Moore (D-Wis.) said", "Mitch McConnell, R-Ky., said": the label is a role, the name precedes it
      int start = label - 1;
      while (start > 0 && isNameToken(t, start - 1)) {
        start--;
      }
      return new int[] {start, label};
    }
    if (i > 0 && t.get(i).text().equals(",")) {
      int k = i - 1;
      while (k >= 0 && !t.get(k).text().equals(",") && i - k < 15 && !inAny(t.get(k).span(), quotes)) {
        k--;
      }
      if (k > 0 && t.get(k).text().equals(",") && k < i - 1) {
        boolean described = t.get(k + 1).pos().equals("DET") || t.get(k + 1).pos().equals("NUM");
        int labelled = PartyLabels.startBefore(t, k - 1);
        if (described && labelled > 0 && isNameToken(t, labelled - 1)) {
          // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
          int start = labelled - 1;
          while (start > 0 && isNameToken(t, start - 1)) {
            start--;
          }
          return new int[] {start, i};
        }
        if ((containsRole(t, k + 1, i) || described) && isNameToken(t, k - 1)) {
          // "Tomas Lindqvist, a spokesman for Halvorsen Shipping, told reporters"
          int start = k - 1;
          while (start > 0 && isNameToken(t, start - 1)) {
            start--;
          }
          return new int[] {start, i};
        }
        boolean allName = true;
        for (int x = k + 1; x < i; x++) {
          allName &= isNameToken(t, x);
        }
        if (allName) {
          // "the national security adviser, Jake Sullivan, said"
          int j = k - 1;
          while (j >= 0 && isNpToken(t.get(j)) && !inAny(t.get(j).span(), quotes)) {
            j--;
          }
          if (j < k - 1 && containsRole(t, j + 1, k)) {
            return new int[] {j + 1, i};
          }
          return new int[] {k + 1, i};
        }
      }
    }
    if (i >= 0 && t.get(i).text().equals(",")) {
      // "Trump, who has shown unusual respect for Putin, said": skip the relative clause to its antecedent.
      for (int k = i - 1; k >= Math.max(1, i - 25); k--) {
        String w = t.get(k).text().toLowerCase(Locale.ROOT);
        if ((w.equals("who") || w.equals("which")) && t.get(k - 1).text().equals(",")) {
          i = k - 2;
          break;
        }
      }
    }
    int stop = i;
    while (i >= 0 && isNpToken(t.get(i)) && !inAny(t.get(i).span(), quotes)) {
      i--;
    }
    if (i == stop) {
      return null;
    }
    int from = i + 1;
    // A relative clause or comma before the phrase is not part of it; a leading preposition never is.
    return hasHead(t, from, stop + 1) ? new int[] {from, stop + 1} : null;
  }

  /** Noun phrase starting at {@code start} going right, with a trailing appositive (", the former minister,"). */
  int[] npRight(List<Token> t, int start, List<Span> quotes) {
    int i = start;
    while (i < t.size() && ADVERB_SKIP.contains(t.get(i).text().toLowerCase(Locale.ROOT))) {
      i++;
    }
    int from = i;
    if (from < t.size() && TIME_WORDS.contains(t.get(from).text().toLowerCase(Locale.ROOT))) {
      return null; // "said Friday", "said in a statement": when or where, not who
    }
    while (i < t.size() && isNpToken(t.get(i)) && !inAny(t.get(i).span(), quotes)) {
      i++;
    }
    if (i == from || !hasHead(t, from, i)) {
      return null;
    }
    int end = i;
    if (i + 1 < t.size() && t.get(i).text().equals(",")) {
      int j = i + 1;
      while (j < t.size() && (isNpToken(t.get(j)) || t.get(j).text().equalsIgnoreCase("of")
          || t.get(j).text().equalsIgnoreCase("for")) && !inAny(t.get(j).span(), quotes)) {
        j++;
      }
      if (j > i + 1 && containsRole(t, i + 1, j)) {
        end = j;
      }
    }
    return new int[] {from, end};
  }

  static boolean isNpToken(Token tok) {
    String p = tok.pos();
    String w = tok.text();
    if (p.equals("PRON")) {
      return PRONOUNS.contains(w.toLowerCase(Locale.ROOT));
    }
    if (p.equals("DET") && (w.equalsIgnoreCase("that") || w.equalsIgnoreCase("which"))) {
      return false;
    }
    return p.equals("PROPN") || p.equals("NOUN") || p.equals("ADJ") || p.equals("DET") || p.equals("NUM") || w.equals("'s") || w.equals("’s") || w.equals("-") || (p.equals("PART")
        && w.endsWith("s"));
  }

  static boolean hasHead(List<Token> t, int from, int to) {
    if (to - from >= 2 && t.get(from).pos().equals("DET") && t.get(to - 1).pos().equals("ADJ")) {
      return true; // "the embassy/ADJ": a tagging slip on a noun
    }
    for (int i = from; i < to; i++) {
      String p = t.get(i).pos();
      if (p.equals("PROPN") || p.equals("NOUN") || isNameToken(t, i) || (p.equals("PRON")
          && PRONOUNS.contains(t.get(i).text().toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasComma(List<Token> t, int[] np) {
    for (int i = np[0]; i < np[1]; i++) {
      if (t.get(i).text().equals(",")) {
        return true;
      }
    }
    return false;
  }
}
