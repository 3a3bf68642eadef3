package org.parallax.framing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.ParallaxException;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Span;

/**
 * Finds loaded and name-calling language with a bundled lexicon (our own list, see loaded-terms.txt) plus two
 * patterns: "so-called X" and scare quotes (a short phrase in single quotes). A lexicon heuristic: it sees words,
 * not intent, and its precision and recall are measured on the PTC corpus in BENCHMARKS.md. Text inside direct
 * quotations is skipped: a speaker's words are not the outlet's framing.
 */
public final class LoadedLanguageDetector {
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
  private static final Pattern SO_CALLED = Pattern.compile("(?i)\\bso-called\\s+(‘|')?[\\p{L}-]+(’|')?");
  private static final Pattern SCARE_QUOTES = Pattern.compile("(?<![\\p{L}])[‘'](\\p{L}[\\p{L} -]{2,30}\\p{L})[’'](?![\\p{L}])");
  /** {@link #SCARE_QUOTES} without its look-behind, which {@link #scareQuotes} checks itself. */
  private static final Pattern SCARE_QUOTED = Pattern.compile("[‘'](\\p{L}[\\p{L} -]{2,30}\\p{L})[’'](?![\\p{L}])");

  private record Entry(String[] words, boolean prefix, String category) {}

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final List<Entry> prefixSingles = new ArrayList<>();
  /**
   * Entries whose first word is a prefix, by its first {@link #STEM} letters (shorter prefixes under ""): a word is
   * checked against those of its own stem only. Scanning every entry for every word cost most of {@code detect}.
   */
  private final Map<String, List<Entry>> prefixByStem = new HashMap<>();
  private static final int STEM = 3;

  public LoadedLanguageDetector() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        LoadedLanguageDetector.class.getResourceAsStream("loaded-terms.txt"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("\t");
        String term = kv[0].strip().toLowerCase(Locale.ROOT);
        boolean prefix = term.endsWith("*");
        if (prefix) {
          term = term.substring(0, term.length() - 1);
        }
        String[] words = term.split(" ");
        Entry e = new Entry(words, prefix, kv.length > 1 ? kv[1].strip() : "loaded");
        if (words.length == 1 && prefix) {
          prefixSingles.add(e);
        } else {
          byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(e);
        }
      }
    } catch (IOException | NullPointerException e) {
      throw new ParallaxException("cannot read bundled loaded-terms.txt", e);
    }
    prefixSingles.sort((a, b) -> b.words[0].length() - a.words[0].length());
    java.util.stream.Stream.concat(byFirstWord.values().stream().flatMap(List::stream), prefixSingles.stream())
        .filter(x -> x.prefix).forEach(x -> prefixByStem.computeIfAbsent(
            x.words[0].length() < STEM ? "" : x.words[0].substring(0, STEM), k -> new ArrayList<>()).add(x));
  }

  /** Loaded terms of {@code body}, skipping the given quotation spans; score is terms per 100 words. */
  public LoadedLanguage detect(String body, List<Span> quotations) {
    List<int[]> words = words(body);
    List<LoadedTerm> found = new ArrayList<>();
    String lower = body.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < words.size()) {
      int[] w = words.get(i);
      if (inside(w[0], quotations)) {
        i++;
        continue;
      }
      String word = lower.substring(w[0], w[1]).replace('’', '\'');
      int matched = properNoun(body, w[0]) ? 0 : matchAt(lower, words, i, word);
      if (matched > 0) {
        int end = words.get(i + matched - 1)[1];
        found.add(new LoadedTerm(w[0], end, body.substring(w[0], end), category(lower, words, i, word)));
        i += matched;
      } else {
        i++;
      }
    }
    if (lower.contains("so-called")) { // the pattern's literal, checked first: a scan of every article costs
      addPattern(body, SO_CALLED, "name-calling", quotations, found);
    }
    found.addAll(scareQuotes(body, quotations));
    found.sort((a, b) -> a.start() - b.start());
    List<LoadedTerm> merged = new ArrayList<>();
    for (LoadedTerm t : found) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).end() > t.start()) {
        LoadedTerm prev = merged.remove(merged.size() - 1);
        int end = Math.max(prev.end(), t.end());
        merged.add(new LoadedTerm(prev.start(), end, body.substring(prev.start(), end), prev.category()));
      } else {
        merged.add(t);
      }
    }
    TreeSet<String> terms = new TreeSet<>();
    for (LoadedTerm t : merged) {
      terms.add(t.text().toLowerCase(Locale.ROOT));
    }
    double score = words.isEmpty() ? 0 : Math.round(1000.0 * merged.size() / words.size()) / 10.0;
    return new LoadedLanguage(score, new ArrayList<>(terms), merged);
  }

  /** A capitalised word inside a sentence is a name ("New England Patriots"), not the outlet's wording. */
  private static boolean properNoun(String body, int start) {
    if (!Character.isUpperCase(body.charAt(start))) {
      return false;
    }
    int k = start - 1;
    while (k >= 0 && (body.charAt(k) == ' ' || body.charAt(k) == '“' || body.charAt(k) == '"'
        || body.charAt(k) == '‘' || body.charAt(k) == '(')) {
      k--;
    }
    return k >= 0 && ".!?:\n".indexOf(body.charAt(k)) < 0;
  }

  private int matchAt(String lower, List<int[]> words, int i, String word) {
    List<Entry> candidates = byFirstWord.get(word);
    int best = 0;
    if (candidates != null) {
      for (Entry e : candidates) {
        if (matches(e, lower, words, i)) {
          best = Math.max(best, e.words.length);
        }
      }
    }
    // the short prefixes, then those of the word's stem (looked up once: this runs for every word)
    List<Entry> shortPrefixes = prefixByStem.getOrDefault("", List.of());
    List<Entry> stem = word.length() < STEM ? List.of() : prefixByStem.getOrDefault(word.substring(0, STEM), List.of());
    for (int pass = 0; pass < 2 && best == 0; pass++) {
      for (Entry e : pass == 0 ? shortPrefixes : stem) {
        if (e.words.length > 1 && word.startsWith(e.words[0]) && matches(e, lower, words, i)) {
          best = Math.max(best, e.words.length);
        }
      }
    }
    if (best == 0) {
      for (int pass = 0; pass < 2; pass++) {
        for (Entry e : pass == 0 ? shortPrefixes : stem) {
          if (e.words.length == 1 && word.startsWith(e.words[0])) {
            return 1;
          }
        }
      }
    }
    return best;
  }

  private static boolean matches(Entry e, String lower, List<int[]> words, int i) {
    if (i + e.words.length > words.size()) {
      return false;
    }
    for (int k = 0; k < e.words.length; k++) {
      int[] w = words.get(i + k);
      String actual = lower.substring(w[0], w[1]).replace('’', '\'');
      boolean last = k == e.words.length - 1;
      boolean ok = last && e.prefix ? actual.startsWith(e.words[k]) : actual.equals(e.words[k])
          || (k == 0 && e.prefix && actual.startsWith(e.words[k]));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private String category(String lower, List<int[]> words, int i, String word) {
    List<Entry> candidates = byFirstWord.get(word);
    if (candidates != null) {
      for (Entry e : candidates) {
        if (matches(e, lower, words, i)) {
          return e.category;
        }
      }
    }
    for (Entry e : prefixSingles) {
      if (word.startsWith(e.words[0])) {
        return e.category;
      }
    }
    return "loaded";
  }

  private static void addPattern(String body, Pattern p, String category, List<Span> quotations,
                                 List<LoadedTerm> out) {
    Matcher m = p.matcher(body);
    while (m.find()) {
      if (!inside(m.start(), quotations)) {
        out.add(new LoadedTerm(m.start(), m.end(), m.group(), category));
      }
    }
  }

  /**
   * The spans of {@link #WORD} in {@code body}, found by a scan of code points rather than the regex (same
   * spans: a letter, then letters, apostrophes and hyphens): the regex cost more than the lexicon lookups.
   */
  static List<int[]> words(String body) {
    List<int[]> words = new ArrayList<>();
    int n = body.length();
    int i = 0;
    while (i < n) {
      int c = body.codePointAt(i);
      if (!Character.isLetter(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      i += Character.charCount(c);
      while (i < n) {
        int d = body.codePointAt(i);
        if (!Character.isLetter(d) && d != '\'' && d != '’' && d != '-') {
          break;
        }
        i += Character.charCount(d);
      }
      words.add(new int[] {start, i});
    }
    return words;
  }

  /**
   * {@link #SCARE_QUOTES} tried only where an opening mark stands after no letter (the pattern's look-behind),
   * rather than at every position of the body; matches and their order are the pattern's.
   */
  static List<LoadedTerm> scareQuotes(String body, List<Span> quotations) {
    List<LoadedTerm> out = new ArrayList<>();
    Matcher m = SCARE_QUOTED.matcher(body).useTransparentBounds(true).useAnchoringBounds(false);
    int n = body.length();
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      if ((c == '‘' || c == '\'') && (i == 0 || !Character.isLetter(body.charAt(i - 1)))) {
        m.region(i, n);
        if (m.lookingAt()) {
          if (!inside(i, quotations)) {
            out.add(new LoadedTerm(i, m.end(), m.group(), "loaded"));
          }
          i = m.end();
          continue;
        }
      }
      i++;
    }
    return out;
  }

  private static boolean inside(int offset, List<Span> spans) {
    for (Span s : spans) {
      if (s.start() <= offset && offset < s.end()) {
        return true;
      }
    }
    return false;
  }
}
