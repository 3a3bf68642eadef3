package org.parallax.quotes;

import static org.parallax.quotes.Names.*;
import static org.parallax.quotes.StatedRoles.byName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parallax.model.Quote;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;
import org.parallax.quotes.StatedRoles.Person;

/**
 * Attributes direct quotes to speakers with the patterns of news prose: "X said", "said X", "according to X",
 * "X told reporters", an appositive or preceding role ("Kremlin spokesman Dmitry Peskov", "Jake Sullivan, the US
 * national security adviser"), pronouns and role nouns ("he", "the spokesman") resolved to the last fitting named
 * speaker, quotes that continue a previous attributed quote, and partial quotes credited to the sentence subject.
 */
public final class PatternQuoteAttributor {
  private static final Set<String> SPEECH = Set.of(
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
  private static final Set<String> ALWAYS_VERB = Set.of("said", "says", "told", "added", "warned", "insisted",
      "argued", "asked", "tweeted", "declared", "stressed", "explained", "replied", "recalled", "demanded", "urged",
      "cautioned", "boasted", "quipped", "wrote", "sings", "asking", "saying", "adding", "insisting", "warning");
  /** Words after a speech verb that tell when, not who: "said Friday", "said Thursday morning". */
  private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week",
      "month", "year", "recently", "earlier", "later", "last", "this", "next", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december", "in", "on", "at",
      "during", "after", "before", "while", "when");
  /** Verbs that also take their subject after them: "…,” said Pavlo Klimkin. */
  private static final Set<String> INVERTIBLE = Set.of("said", "says", "added", "adds", "asked", "wrote", "writes",
      "continued", "explained", "noted", "recalled", "warned", "replied", "declared", "insisted", "stated",
      "tweeted", "cautioned", "argued", "observed", "remarked", "commented", "concluded", "conceded",
      "acknowledged", "laughed", "chuckled", "joked", "reads", "read");
  private static final Set<String> DOCUMENTS = Set.of("statement", "report", "readout", "communique", "release",
      "document", "transcript", "memo", "letter", "post", "tweet");
  private static final Set<String> ADVERB_SKIP = Set.of("also", "later", "then", "again", "once", "previously",
      "recently", "earlier", "further", "separately", "publicly", "repeatedly", "bluntly", "simply", "only");

  private final SideGazetteer sides;
  private final StatedRoles roles;

  public PatternQuoteAttributor(SideGazetteer sides) {
    this.sides = sides;
    this.roles = new StatedRoles(sides);
  }

  private boolean isPersonName(String name) {
    return Names.isPersonName(name, sides);
  }

  public List<Quote> attribute(String articleId, String body, List<Sentence> sentences) {
    List<Span> outers = QuoteSpans.find(body);
    Map<String, Person> people = roles.inferSides(roles.learnPeople(sentences, outers), sentences);
    List<Occurrence> occurrences = occurrences(sentences, outers, people);
    List<Quote> out = new ArrayList<>();
    Quote previous = null;
    for (Span outer : outers) {
      Span inner = QuoteSpans.inner(body, outer);
      String text = body.substring(inner.start(), inner.end());
      if (words(text) < 2 || isTitle(text)) {
        continue; // one-word quotes are scare quotes, "Face the Nation" a title: framing or names, not speech
      }
      int first = sentenceAt(sentences, outer.start());
      int last = sentenceAt(sentences, Math.max(outer.start(), outer.end() - 1));
      if (first < 0) {
        continue;
      }
      if (last < first) {
        last = first;
      }
      Attribution a = null;
      for (int s = first; s <= last && a == null; s++) {
        a = fromCue(sentences.get(s), outer, outers, people);
      }
      if (a != null && PRONOUNS.contains(a.phrase().toLowerCase(Locale.ROOT)) && previous != null
          && previous.speaker() != null && isPersonName(previous.speaker())
          && (first - previous.sentence() <= 1
          || (first - previous.sentence() <= 3 && !personIn(occurrences, first - 1)))) {
        // "“…,” he added, “…”": the pronoun continues the quote just before, unless someone else was named since.
        a = new Attribution(a.phrase(), previous.speaker(), "pronoun-previous-quote");
      }
      if (a != null && a.name() == null && DOCUMENTS.contains(lastWord(a.phrase()).toLowerCase(Locale.ROOT))) {
        Attribution before = previousSpeaker(sentences, first, outers);
        if (before != null) {
          a = new Attribution(before.phrase(), before.name(), a.cue() + ", statement of " + before.phrase());
        }
      }
      if (a == null && last + 1 < sentences.size() && startsWithSpeech(sentences.get(last + 1))
          && sentences.get(last + 1).paragraph() == sentences.get(last).paragraph()) {
        // "…,” Mitch McConnell, R-Ky., | said Tuesday.": the sentence splitter broke after an abbreviation
        List<Token> joined = new ArrayList<>(sentences.get(last).tokens());
        joined.addAll(sentences.get(last + 1).tokens());
        a = fromCue(joined, outer, outers);
      }
      if (a == null && last + 1 < sentences.size() && endsSentence(outer, sentences.get(last))) {
        // "“…”. Sullivan said" is rare; "“…” he said." in the next sentence is common after multi-sentence quotes.
        Sentence next = sentences.get(last + 1);
        if (next.paragraph() == sentences.get(last).paragraph() && (next.wordCount() <= 6 || speechNear(next))) {
          a = fromCue(next, outer, outers, people);
        }
      }
      if (a == null) {
        a = dashCredit(body, outer);
      }
      if (a == null && opensSentence(sentences.get(first), outer)) {
        a = previousSubject(occurrences, sentences, first, previous);
      }
      if (a == null && opensSentence(sentences.get(first), outer)) {
        a = continuation(previous, sentences, first, outer);
      }
      if (a == null) {
        a = sentenceSubject(sentences.get(first), outer, people);
      }
      String speaker = null;
      String role = null;
      String side = null;
      String cue = "unattributed";
      if (a != null) {
        Person p = a.cue().equals("pronoun-previous-quote") ? people.get(a.name())
            : resolve(a.phrase, a.name, people, occurrences, outer.start());
        if (p == null && a.cue().equals("pronoun-previous-quote")) {
          p = new Person(a.name(), previous.role(), outer.start(), previous.side());
        }
        speaker = p == null ? null : p.name();
        role = p == null ? null : p.role();
        side = firstNonNull(p == null ? null : p.side(), sides.sideOf(role), speaker == null ? null : sides.sideOf(speaker),
            sides.sideOf(a.phrase));
        if (role != null && role.equals(speaker)) {
          role = null;
        }
        if (side == null && speaker != null && Character.isLowerCase(speaker.charAt(0))) {
          String[] near = nearestSided(sentences, first, lastWord(speaker).toLowerCase(Locale.ROOT), outers);
          if (near != null) {
            role = near[0];
            side = near[1];
          }
        }
        cue = a.cue;
      }
      Quote q = new Quote(articleId, inner, first, text, speaker, role, side, speaker == null ? "unattributed" : cue);
      out.add(q);
      if (speaker != null) {
        previous = q;
      }
    }
    return out;
  }

  /** A speaker phrase found in the text: the words, the name inside it (if any), and the pattern used. */
  private record Attribution(String phrase, String name, String cue) {}

  private Attribution fromCue(Sentence s, Span quote, List<Span> quotes, Map<String, Person> people) {
    return fromCue(s.tokens(), quote, quotes);
  }

  private Attribution fromCue(List<Token> t, Span quote, List<Span> quotes) {
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
  private Attribution previousSpeaker(List<Sentence> sentences, int index, List<Span> quotes) {
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

  private Attribution attribution(List<Token> t, int[] np, String cue) {
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
  private String pickName(List<String> runs) {
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
  private int[] npLeft(List<Token> t, int end, List<Span> quotes) {
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
  private int[] npRight(List<Token> t, int start, List<Span> quotes) {
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

  private static boolean isNpToken(Token tok) {
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

  private static boolean hasHead(List<Token> t, int from, int to) {
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

  /** Turns a found phrase into a named speaker: pronouns and role nouns go back to the last fitting person. */
  private Person resolve(String phrase, String name, Map<String, Person> people, List<Occurrence> occurrences,
                         int position) {
    if (name != null) {
      Person p = byName(name, people);
      String phraseRole = roleOfPhrase(phrase, name);
      if (p != null) {
        return new Person(p.name(), firstNonNull(phraseRole, p.role()), position,
            firstNonNull(sides.sideOf(phraseRole), p.side()));
      }
      return new Person(name, phraseRole, position);
    }
    String lower = phrase.toLowerCase(Locale.ROOT).strip();
    if (PRONOUNS.contains(lower)) {
      return subjectBefore(occurrences, position);
    }
    String bare = phrase.replaceFirst("^(?i)(the|a|an|this|that)\\s+", "").strip();
    String head = lastWord(bare).toLowerCase(Locale.ROOT);
    if (ROLE_NOUNS.contains(head) && phrase.matches("(?i)^(the|this|his|her)\\s.*")) {
      Person p = lastPerson(occurrences, position, head, sides.sideOf(bare));
      if (p != null) {
        return new Person(p.name(), p.role(), position, p.side());
      }
    }
    if (bare.isEmpty() || PRONOUNS.contains(bare.toLowerCase(Locale.ROOT))
        || bare.matches("(?i)(it|they|we|i|you|who|which|that|this)")) {
      return null;
    }
    return new Person(bare, ROLE_NOUNS.contains(head) ? bare : null, position);
  }

  private static String roleOfPhrase(String phrase, String name) {
    String rest = phrase.replace(name, " ").replaceAll("\\s*,\\s*", " ").replaceAll("\\s+", " ").strip();
    rest = rest.replaceFirst("^(?i)(the|a|an)\\s+", "").replaceFirst("(?i)\\s+(the|a|an)$", "");
    for (String w : rest.split(" ")) {
      if (ROLE_NOUNS.contains(w.toLowerCase(Locale.ROOT))) {
        return rest.replaceFirst("(?i)^(the|a|an)\\s+", "");
      }
    }
    return null;
  }

  /** A mention of a known person at a body offset, in a sentence. */
  private record Occurrence(int offset, int sentence, Person person) {}

  private List<Occurrence> occurrences(List<Sentence> sentences, List<Span> quotes, Map<String, Person> people) {
    List<Occurrence> out = new ArrayList<>();
    for (Sentence s : sentences) {
      List<Token> t = s.tokens();
      int i = 0;
      while (i < t.size()) {
        if (!isNameToken(t, i) || inAny(t.get(i).span(), quotes)) {
          i++;
          continue;
        }
        int j = i;
        StringBuilder run = new StringBuilder();
        while (j < t.size() && isNameToken(t, j)) {
          run.append(j > i ? " " : "").append(t.get(j).text());
          j++;
          if (possessive(t.get(j - 1).text())) {
            break;
          }
        }
        String name = stripRolePrefix(unpossessive(run.toString()));
        Person p = name.isEmpty() ? null : byName(name, people);
        if (p != null) {
          out.add(new Occurrence(t.get(i).span().start(), s.index(), p));
        }
        i = j;
      }
    }
    return out;
  }

  private static boolean personIn(List<Occurrence> occurrences, int sentence) {
    for (Occurrence o : occurrences) {
      if (o.sentence() == sentence) {
        return true;
      }
    }
    return false;
  }

  /**
   * For "he"/"she": the first person named in the nearest sentence before the pronoun (subjects come first in news
   * prose, so "Klimkin said it was unlikely that Putin…" then "“…,” he said" means Klimkin).
   */
  private static Person subjectBefore(List<Occurrence> occurrences, int position) {
    int sentence = -1;
    Person first = null;
    for (int i = occurrences.size() - 1; i >= 0; i--) {
      Occurrence o = occurrences.get(i);
      if (o.offset() >= position) {
        continue;
      }
      if (sentence >= 0 && o.sentence() != sentence) {
        break;
      }
      sentence = o.sentence();
      first = o.person();
    }
    return first;
  }

  /**
   * The most recently mentioned person before {@code position}; with a role head ("president") only people whose
   * role has it, and with a side ("Russian president") only people of that side.
   */
  private Person lastPerson(List<Occurrence> occurrences, int position, String roleHead, String side) {
    for (int i = occurrences.size() - 1; i >= 0; i--) {
      Occurrence o = occurrences.get(i);
      if (o.offset() >= position) {
        continue;
      }
      Person p = o.person();
      if (roleHead != null && (p.role() == null || !p.role().toLowerCase(Locale.ROOT).contains(roleHead))) {
        continue;
      }
      if (side != null && !side.equals(p.side()) && !side.equals(sides.sideOf(p.role()))) {
        continue;
      }
      return p;
    }
    return null;
  }

  /**
   * "On TV, Sen. Bernie Sanders identified young voters' exhaustion… | “The younger people are…”": a quote with no
   * cue that opens the sentence after one whose subject is a named person, other than the last quote's speaker,
   * is that person's.
   */
  private static Attribution previousSubject(List<Occurrence> occurrences, List<Sentence> sentences, int first,
                                             Quote previous) {
    if (first == 0 || sentences.get(first - 1).paragraph() != sentences.get(first).paragraph()) {
      return null;
    }
    Sentence before = sentences.get(first - 1);
    if (previous != null && previous.sentence() >= first - 1) {
      return null;
    }
    for (Occurrence o : occurrences) {
      if (o.sentence() == before.index()) {
        boolean subject = o.offset() - before.span().start() < 60;
        if (!subject || (previous != null && o.person().name().equals(previous.speaker()))) {
          return null;
        }
        return new Attribution(o.person().name(), o.person().name(), "previous sentence subject");
      }
    }
    return null;
  }

  /**
   * For an unnamed body or official ("the embassy said", "according to an official"): the nearest earlier phrase
   * that names the same head with a side ("The US embassy in Kyiv denied…", "Russian officials"), within ten
   * sentences. Returns the phrase and its side, or null.
   */
  private String[] nearestSided(List<Sentence> sentences, int index, String head, List<Span> quotes) {
    String singular = head.endsWith("s") ? head.substring(0, head.length() - 1) : head;
    for (int k = index; k >= Math.max(0, index - 10); k--) {
      List<Token> t = sentences.get(k).tokens();
      for (int i = t.size() - 1; i >= 1; i--) {
        String w = t.get(i).text().toLowerCase(Locale.ROOT);
        if (!(w.equals(singular) || w.equals(singular + "s")) || inAny(t.get(i).span(), quotes)) {
          continue;
        }
        for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
          String side = sides.sideOf(t.get(j).text());
          if (side != null) {
            return new String[] {t.get(j).text() + " " + t.get(i).text(), side};
          }
        }
      }
    }
    return null;
  }

  /** A quote with no cue of its own continues the previous attributed quote when it follows it directly. */
  private static Attribution continuation(Quote previous, List<Sentence> sentences, int first, Span outer) {
    if (previous == null) {
      return null;
    }
    Sentence s = sentences.get(first);
    boolean opensParagraph = outer.start() <= s.span().start() + 1 && (first == 0
        || sentences.get(first - 1).paragraph() != s.paragraph());
    boolean close = first - previous.sentence() <= 2;
    if ((opensParagraph && first - previous.sentence() <= 4) || close) {
      return new Attribution(previous.speaker(), previous.speaker(), "continuation");
    }
    return null;
  }

  /** A partial quote inside a sentence without a speech verb belongs to the sentence's subject, when named. */
  private Attribution sentenceSubject(Sentence s, Span outer, Map<String, Person> people) {
    List<Token> t = s.tokens();
    if (t.isEmpty() || outer.start() <= s.span().start() + 1) {
      return null;
    }
    int i = 0;
    for (int k = 0; k < Math.min(8, t.size()) && t.get(k).span().start() < outer.start(); k++) {
      if (t.get(k).text().equals(",")) {
        i = k + 1; // "Before the talks, Putin greeted…": the subject follows the opening phrase
        break;
      }
    }
    while (i < t.size() && (t.get(i).pos().equals("DET") || t.get(i).pos().equals("ADJ"))) {
      i++;
    }
    int from = i;
    while (i < t.size() && isNameToken(t, i)) {
      i++;
    }
    if (i == from || i >= t.size() || t.get(i).span().start() >= outer.start()) {
      return null;
    }
    String second = null;
    if (t.get(i).text().equals("and") && i + 1 < t.size() && isNameToken(t, i + 1)) {
      // "Putin and Biden agreed that cooperation is in an “unsatisfactory state”": both are the speaker
      int j = i + 1;
      while (j < t.size() && isNameToken(t, j)) {
        j++;
      }
      second = stripRolePrefix(s.text().substring(t.get(i + 1).span().start() - s.span().start(),
          t.get(j - 1).span().end() - s.span().start()));
      i = j;
      if (i >= t.size() || t.get(i).span().start() >= outer.start()) {
        return null;
      }
    }
    boolean verbNext = t.get(i).isVerb() || (i + 1 < t.size() && t.get(i + 1).isVerb());
    if (!verbNext) {
      return null;
    }
    String run = s.text().substring(t.get(from).span().start() - s.span().start(),
        t.get(i - 1).span().end() - s.span().start());
    if (second != null) {
      String first = stripRolePrefix(run.substring(0, run.indexOf(" and ")));
      return sides.isPlaceOrBody(first) || sides.isPlaceOrBody(second) ? null
          : new Attribution(run, first + " and " + second, "partial quote, sentence subject");
    }
    String name = stripRolePrefix(run);
    return new Attribution(run, sides.isPlaceOrBody(name) ? null : name, "partial quote, sentence subject");
  }

  private static final java.util.regex.Pattern DASH_CREDIT = java.util.regex.Pattern.compile(
      "\\G[\\s\u00a0,]*(?:[—―–]|--)[\\s\u00a0]*(\\p{Lu}[\\p{L}.'’-]*(?:[ \u00a0]+\\p{Lu}[\\p{L}.'’-]*){0,3})");

  /** "“…” ― Pamela Padilla": a reader's or source's name after a dash that follows the quote. */
  private Attribution dashCredit(String body, Span outer) {
    java.util.regex.Matcher m = DASH_CREDIT.matcher(body);
    if (outer.end() >= body.length() || !m.find(outer.end())) {
      return null;
    }
    String name = m.group(1).replace('\u00a0', ' ').strip();
    return isPersonName(name) ? new Attribution(name, name, "dash X") : null;
  }

  /** Every word capitalised, short, no sentence inside: a programme, book or law named in quotes. */
  private static boolean isTitle(String text) {
    String t = text.replaceAll("[,.:;!?]+$", "").strip();
    if (t.isEmpty() || t.length() > 60 || t.matches(".*[.!?;].*")) {
      return false;
    }
    for (String w : t.split("\\s+")) {
      if (!w.isEmpty() && !Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))
          && !w.matches("(?i)of|the|a|an|and|in|on|for|with|to|at|by|or|de|la|von|van")) {
        return false;
      }
    }
    return true;
  }

  /** "Trump said, looking out on the crowd.": a speech verb among the first words, after a short subject. */
  private static boolean speechNear(Sentence s) {
    List<Token> t = s.tokens();
    for (int i = 1; i < Math.min(5, t.size()); i++) {
      if (ALWAYS_VERB.contains(t.get(i).text())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasComma(List<Token> t, int[] np) {
    for (int i = np[0]; i < np[1]; i++) {
      if (t.get(i).text().equals(",")) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithSpeech(Sentence s) {
    return !s.tokens().isEmpty() && ALWAYS_VERB.contains(s.tokens().get(0).text());
  }

  private static boolean opensSentence(Sentence s, Span outer) {
    return outer.start() <= s.span().start() + 1;
  }

  private static boolean endsSentence(Span outer, Sentence last) {
    return outer.end() >= last.span().end() - 2;
  }

  private static int sentenceAt(List<Sentence> sentences, int offset) {
    for (Sentence s : sentences) {
      if (s.span().start() <= offset && offset < s.span().end()) {
        return s.index();
      }
    }
    for (Sentence s : sentences) {
      if (s.span().start() >= offset) {
        return s.index();
      }
    }
    return -1;
  }

  private static int words(String text) {
    int n = 0;
    for (String w : text.split("\\s+")) {
      if (!w.isBlank() && Character.isLetterOrDigit(w.charAt(0))) {
        n++;
      }
    }
    return n;
  }
}
