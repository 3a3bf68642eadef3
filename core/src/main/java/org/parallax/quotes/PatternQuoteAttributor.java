package org.parallax.quotes;

import static org.parallax.quotes.Names.*;
import static org.parallax.quotes.SpeechCues.*;
import static org.parallax.quotes.StatedRoles.byName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parallax.model.Quote;
import org.parallax.model.Sentence;
import org.parallax.model.Span;
import org.parallax.model.Token;
import org.parallax.quotes.SpeechCues.Attribution;
import org.parallax.quotes.StatedRoles.Person;

/**
 * Attributes direct quotes to speakers with the patterns of news prose: "X said", "said X", "according to X",
 * "X told reporters", an appositive or preceding role ("Kremlin spokesman Dmitry Peskov", "Jake Sullivan, the US
 * national security adviser"), pronouns and role nouns ("he", "the spokesman") resolved to the last fitting named
 * speaker, quotes that continue a previous attributed quote, and partial quotes credited to the sentence subject.
 */
public final class PatternQuoteAttributor {
  private final SideGazetteer sides;
  /** Quotations attributed per article: attribution compares every token with every quote span. */
  private final int maxQuotes;
  private final StatedRoles roles;
  private final SpeechCues cues;

  public PatternQuoteAttributor(SideGazetteer sides) {
    this(sides, Integer.MAX_VALUE);
  }

  /** Attributes only the first {@code maxQuotes} quotations of an article, in reading order. */
  public PatternQuoteAttributor(SideGazetteer sides, int maxQuotes) {
    this.sides = sides;
    this.maxQuotes = maxQuotes;
    this.roles = new StatedRoles(sides);
    this.cues = new SpeechCues(sides);
  }

  private boolean isPersonName(String name) {
    return Names.isPersonName(name, sides);
  }

  public List<Quote> attribute(String articleId, String body, List<Sentence> sentences) {
    List<Span> outers = QuoteSpans.find(body);
    if (outers.size() > maxQuotes) {
      outers = List.copyOf(outers.subList(0, maxQuotes));
    }
    Map<String, Person> people = roles.inferSides(roles.learnPeople(sentences, outers), sentences);
    List<Occurrence> occurrences = occurrences(sentences, outers, people);
    List<Quote> out = new ArrayList<>();
    Quote previous = null;
    for (Span outer : outers) {
      org.parallax.Interrupts.check();
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
        Attribution before = cues.previousSpeaker(sentences, first, outers);
        if (before != null) {
          a = new Attribution(before.phrase(), before.name(), a.cue() + ", statement of " + before.phrase());
        }
      }
      if (a == null && last + 1 < sentences.size() && startsWithSpeech(sentences.get(last + 1))
          && sentences.get(last + 1).paragraph() == sentences.get(last).paragraph()) {
        // "…,” Mitch McConnell, R-Ky., | said Tuesday.": the sentence splitter broke after an abbreviation
        List<Token> joined = new ArrayList<>(sentences.get(last).tokens());
        joined.addAll(sentences.get(last + 1).tokens());
        a = cues.fromCue(joined, outer, outers);
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
            : resolve(a.phrase(), a.name(), people, occurrences, outer.start());
        if (p == null && a.cue().equals("pronoun-previous-quote")) {
          p = new Person(a.name(), previous.role(), outer.start(), previous.side());
        }
        speaker = p == null ? null : p.name();
        role = p == null ? null : p.role();
        side = firstNonNull(p == null ? null : p.side(), sides.sideOf(role), speaker == null ? null : sides.sideOf(speaker),
            sides.sideOf(a.phrase()));
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
        cue = a.cue();
      }
      Quote q = new Quote(articleId, inner, first, text, speaker, role, side, speaker == null ? "unattributed" : cue);
      out.add(q);
      if (speaker != null) {
        previous = q;
      }
    }
    return out;
  }

  private Attribution fromCue(Sentence s, Span quote, List<Span> quotes, Map<String, Person> people) {
    return cues.fromCue(s.tokens(), quote, quotes);
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
      org.parallax.Interrupts.check();
      List<Token> t = s.tokens();
      int i = 0;
      while (i < t.size()) {
        if (!isNameToken(t, i) || inAny(t.get(i).span(), quotes)) {
          i++;
          continue;
        }
        int j = nameRunEnd(t, i);
        String run = nameRun(t, i, j);
        String name = stripRolePrefix(unpossessive(run));
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
