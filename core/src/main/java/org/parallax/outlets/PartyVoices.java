package org.parallax.outlets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.quotes.QuoteSpans;

/**
 * Voices by party for an outlet's profile, a cheap heuristic on the raw body (no tokens, tags or models; corpus
 * mode runs it on every article while preparing it). It finds (1) the people whose party the article states: "Mitch
 * McConnell (R-Ky.)", "Mitch McConnell, R-Ky.,", "Republican Sen. Ted Cruz", "Joe Manchin, a Democrat"; and (2) the
 * quotations with a speaker cue next to a name: "…,” Cruz said", "…,” said Sen. Ted Cruz", "Cruz said: “…”". A
 * quotation is a party voice when its speaker is a stated-party person of the same article, matched by surname, so
 * the party stated once carries to the person's later quotes. A surname two parties share in one article is
 * dropped. Precision first: pronoun speakers ("he said"), unnamed speakers and quotes of fewer than
 * {@link #MIN_QUOTE_WORDS} words are not counted. Word lists: {@code party-voices.tsv}. Thread-safe.
 */
public final class PartyVoices {
  /** A quotation shorter than this (in words) is a scare quote or a title, not a voice. */
  static final int MIN_QUOTE_WORDS = 4;
  /** How far from a quotation a cue is looked for, within its paragraph. */
  private static final int WINDOW = 160;
  /**
   * Characters a word of a name has at most: the scans for a name stop there, so a body of one endless "word" with
   * many labels in it costs linear time, not quadratic.
   */
  private static final int LONGEST_WORD = 40;
  private static final String WORD = "[A-Z][\\p{L}'’\\-]*\\.?";
  private static final String LABEL = "\\(([RDI])(?:-[A-Z][A-Za-z. ]{0,14})?\\)|,\\s([RDI])-[A-Z][A-Za-z. ]{0,14},";
  private static final Pattern WORD_P = Pattern.compile(WORD);
  private static final Pattern LABEL_END = Pattern.compile("(?:" + LABEL + ")\\s?$");
  private static final Pattern LABEL_AT = Pattern.compile(LABEL);
  private static final Pattern PARTY_A = Pattern.compile(",\\s(?:a|the)\\s(?:[a-z\\-]+\\s){0,2}?"
      + "(Democrat|Republican|Democratic|GOP)\\b(?![\\-’'])");

  private final Set<String> titles = new HashSet<>();
  private final Set<String> notNames = new HashSet<>();
  private final Map<String, Character> parties = new HashMap<>();
  private final Pattern cueAfterVerb;
  private final Pattern cueAfterName;
  private final Pattern speechVerb;

  /** One quotation of a stated-party speaker: the party (D, R or I), the name as the article states it, the span. */
  public record Voice(char party, String name, int start, int end) implements java.io.Serializable {}

  public PartyVoices() {
    List<String> verbs = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PartyVoices.class.getResourceAsStream("party-voices.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        switch (f[0]) {
          case "verb" -> verbs.add(f[1]);
          case "title" -> titles.add(f[1]);
          case "notname" -> notNames.add(f[1]);
          case "party" -> parties.put(f[1], f[2].charAt(0));
          default -> throw new IllegalStateException("party-voices.tsv: unknown kind '" + f[0] + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String verb = "(?:" + String.join("|", verbs) + ")";
    String name = "((?:" + WORD + "\\s){0,5}?" + WORD + ")";
    cueAfterVerb = Pattern.compile("^\\s*" + verb + "\\s((?:" + WORD + "\\s){0,5}" + WORD + ")\\s?(?:" + LABEL
        + ")?");
    cueAfterName = Pattern.compile("^\\s*" + name + "\\s?(?:" + LABEL + ")?\\s" + verb + "\\b");
    speechVerb = Pattern.compile("(?<=\\s)" + verb + "\\b");
  }

  /** The party voices of a body, in order of their quotations. */
  public List<Voice> find(String body) {
    Map<String, Object> stated = statedParties(body); // surname → Person, or AMBIGUOUS
    List<Voice> out = new ArrayList<>();
    for (Span outer : QuoteSpans.find(body)) {
      Span q = QuoteSpans.inner(body, outer);
      int end = q.end();
      while (end > q.start() && body.charAt(end - 1) == ',') {
        end--; // "…families,” Ortiz said": the comma is the cue's, not the speaker's
      }
      q = new Span(q.start(), end);
      if (words(body, q) < MIN_QUOTE_WORDS) {
        continue;
      }
      Voice v = speaker(body, outer, q, stated);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private static final Object AMBIGUOUS = new Object();

  private record Person(String name, char party) {}

  /**
   * The people whose party the body states, by surname. Each pattern is tried only where its first characters
   * are (a scan of the whole body per regex costs more than the rest of the heuristic together).
   */
  Map<String, Object> statedParties(String body) {
    Map<String, Object> out = new HashMap<>();
    Matcher label = LABEL_AT.matcher(body);
    Matcher partyA = PARTY_A.matcher(body);
    int n = body.length();
    for (int i = 0; i + 3 < n; i++) {
      char c = body.charAt(i);
      if (c == '(' && isParty(body.charAt(i + 1)) || c == ',' && body.charAt(i + 1) == ' '
          && isParty(body.charAt(i + 2)) && body.charAt(i + 3) == '-') {
        label.region(i, Math.min(n, i + 22));
        if (label.lookingAt()) { // "Name (R-Ky.)", "Name, R-Ky.,"
          String party = label.group(1) != null ? label.group(1) : label.group(2);
          String name = nameEndingAt(body, i > 0 && body.charAt(i - 1) == ' ' ? i - 1 : i, 1);
          if (name != null) {
            state(out, name, party.charAt(0));
          }
        }
      }
      if (c == ',' && body.charAt(i + 1) == ' ' && (body.charAt(i + 2) == 'a' || body.charAt(i + 2) == 't')) {
        partyA.region(i, Math.min(n, i + 60));
        if (partyA.lookingAt()) { // "Joe Manchin, a Democrat", "Liz Cheney, the Republican from Wyoming"
          String name = nameEndingAt(body, i, 1);
          if (name != null) {
            state(out, name, parties.get(partyA.group(1)));
          }
        }
      }
    }
    for (Map.Entry<String, Character> p : parties.entrySet()) {
      String word = p.getKey() + " ";
      for (int at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) {
        if (at > 0 && Character.isLetter(body.charAt(at - 1))) {
          continue;
        }
        String name = nameStartingAt(body, at + word.length(), true); // "Republican Sen. Ted Cruz"
        if (name != null && name.indexOf(' ') > 0) {
          state(out, name, p.getValue());
        }
      }
    }
    return out;
  }

  private static boolean isParty(char c) {
    return c == 'R' || c == 'D' || c == 'I';
  }

  private static void state(Map<String, Object> out, String name, char party) {
    String surname = surname(name);
    Object had = out.get(surname);
    if (had == null) {
      out.put(surname, new Person(name, party));
    } else if (had instanceof Person p && p.party() != party) {
      out.put(surname, AMBIGUOUS);
    }
  }

  private Voice speaker(String body, Span outer, Span q, Map<String, Object> stated) {
    int paraEnd = body.indexOf("\n\n", outer.end());
    int afterEnd = Math.min(paraEnd < 0 ? body.length() : paraEnd, outer.end() + WINDOW);
    String after = body.substring(outer.end(), afterEnd);
    Voice v = match(cueAfterName.matcher(after), stated, q, true);
    if (v == null) {
      v = match(cueAfterVerb.matcher(after), stated, q, false);
    }
    if (v == null) {
      int paraStart = body.lastIndexOf("\n\n", outer.start());
      int from = Math.max(paraStart < 0 ? 0 : paraStart, outer.start() - WINDOW);
      v = before(body.substring(from, outer.start()), stated, q);
    }
    return v;
  }

  /**
   * "Cruz said: “…”", "Sen. Ted Cruz (R-Texas) told reporters that “…”": the last speech verb of the text before
   * the quotation, at most 40 characters before it with no quotation mark, full stop or line between, and the name
   * right before the verb.
   */
  private Voice before(String window, Map<String, Object> stated, Span q) {
    Matcher vm = speechVerb.matcher(window);
    int at = -1;
    for (int from = Math.max(0, window.length() - 60); vm.find(from); from = vm.end()) {
      at = vm.start();
    }
    if (at < 1) {
      return null;
    }
    int verbEnd = window.indexOf(' ', at);
    String rest = window.substring(verbEnd < 0 ? window.length() : verbEnd);
    if (rest.length() > 40 || rest.chars().anyMatch(c -> c == '“' || c == '”' || c == '"' || c == '\n' || c == '.')) {
      return null;
    }
    String head = window.substring(0, at - 1);
    Matcher lm = LABEL_END.matcher(head.length() > 24 ? head.substring(head.length() - 24) : head);
    String label = null;
    int nameEnd = head.length();
    if (lm.find()) {
      label = lm.group(1) != null ? lm.group(1) : lm.group(2);
      nameEnd = head.length() - (lm.end() - lm.start());
      if (nameEnd > 0 && head.charAt(nameEnd - 1) == ' ') {
        nameEnd--;
      }
    }
    String name = nameEndingAt(head, nameEnd, 1);
    return voice(name, label, stated, q);
  }

  /** The voice a cue matched: its name's stated party (the label in the cue, else the article's statement). */
  private Voice match(Matcher m, Map<String, Object> stated, Span q, boolean nameEndsAtVerb) {
    if (!m.find()) {
      return null;
    }
    String name = nameEndsAtVerb ? lastName(m.group(1)) : firstName(m.group(1));
    if (name == null) {
      return null;
    }
    return voice(name, m.group(2) != null ? m.group(2) : m.group(3), stated, q);
  }

  private static Voice voice(String name, String label, Map<String, Object> stated, Span q) {
    if (name == null) {
      return null;
    }
    Object p = stated.get(surname(name));
    if (label != null) {
      return new Voice(label.charAt(0), p instanceof Person person ? person.name() : name, q.start(), q.end());
    }
    return p instanceof Person person ? new Voice(person.party(), person.name(), q.start(), q.end()) : null;
  }

  /** The name at the end of a run of capitalised words ("But Sen. Ted Cruz" → "Ted Cruz"), or null. */
  private String lastName(String run) {
    String[] w = words(run);
    int from = w.length;
    while (from > 0 && from > w.length - 3 && isNameWord(w[from - 1])) {
      from--;
    }
    return join(w, from, w.length);
  }

  /** The name at the start of a run, after its titles ("Sen. Ted Cruz Tuesday" → "Ted Cruz"), or null. */
  private String firstName(String run) {
    String[] w = words(run);
    int from = 0;
    while (from < w.length && titles.contains(w[from])) {
      from++;
    }
    int to = from;
    while (to < w.length && to < from + 3 && isNameWord(w[to])) {
      to++;
    }
    return join(w, from, to);
  }

  /** The name of capitalised words ending just before {@code end}, titles left out; null when none. */
  private String nameEndingAt(String body, int end, int minWords) {
    List<String> words = new ArrayList<>();
    int i = end;
    while (words.size() < 6) {
      int e = i;
      int s = e;
      while (s > 0 && e - s <= LONGEST_WORD && !Character.isWhitespace(body.charAt(s - 1))) {
        s--;
      }
      if (s == e || e - s > LONGEST_WORD) {
        break;
      }
      String w = body.substring(s, e);
      if (!WORD_P.matcher(w).matches()) {
        break;
      }
      words.add(0, w);
      if (s == 0 || body.charAt(s - 1) != ' ') {
        break;
      }
      i = s - 1;
    }
    String name = lastName(String.join(" ", words));
    return name != null && name.split(" ").length >= minWords ? name : null;
  }

  /** The name of capitalised words from {@code start}, titles skipped ("Sen. Ted Cruz"); null when none. */
  private String nameStartingAt(String body, int start, boolean titlesFirst) {
    List<String> words = new ArrayList<>();
    int i = start;
    while (words.size() < 7 && i < body.length()) {
      int e = i;
      while (e < body.length() && e - i <= LONGEST_WORD && !Character.isWhitespace(body.charAt(e))
          && body.charAt(e) != ',' && body.charAt(e) != '(' && body.charAt(e) != ')') {
        e++;
      }
      String w = body.substring(i, e);
      if (w.endsWith("’s") || w.endsWith("'s")) {
        words.add(w.substring(0, w.length() - 2));
        break;
      }
      if (!WORD_P.matcher(w).matches() && !(titlesFirst && titles.contains(w))) {
        break;
      }
      words.add(w);
      if (e >= body.length() || body.charAt(e) != ' ') {
        break;
      }
      i = e + 1;
    }
    return words.isEmpty() ? null : firstName(String.join(" ", words));
  }

  /** The words of a run, a full stop that ends a sentence ("said Ortiz.") taken off a word that is no title. */
  private String[] words(String run) {
    String[] w = run.split("\\s");
    for (int i = 0; i < w.length; i++) {
      if (w[i].length() > 2 && w[i].endsWith(".") && !titles.contains(w[i])) {
        w[i] = w[i].substring(0, w[i].length() - 1);
      }
    }
    return w;
  }

  private boolean isNameWord(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !titles.contains(w) && !notNames.contains(w)
        && !w.endsWith(".") && w.length() > 1 && !w.chars().allMatch(Character::isUpperCase);
  }

  private static String join(String[] w, int from, int to) {
    if (from >= to) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(k > from ? " " : "").append(w[k]);
    }
    return sb.toString();
  }

  static String surname(String name) {
    int sp = name.lastIndexOf(' ');
    return sp < 0 ? name : name.substring(sp + 1);
  }

  private static int words(String body, Span s) {
    int n = 0;
    boolean in = false;
    for (int i = s.start(); i < s.end(); i++) {
      boolean letter = Character.isLetter(body.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return n;
  }
}
