package org.parallax.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.LoadedLanguage;
import org.parallax.model.LoadedTerm;
import org.parallax.model.Span;

class LoadedLanguageDetectorTest {
  private final LoadedLanguageDetector detector = new LoadedLanguageDetector();

  @Test
  void findsLexiconTermsPhrasesAndPatternsWithSpans() {
    String body = "The puppet regime conjured up the so-called threat while greedy bosses slammed the workers.";
    LoadedLanguage l = detector.detect(body, List.of());
    for (LoadedTerm t : l.spans()) {
      assertEquals(t.text(), body.substring(t.start(), t.end()));
    }
    assertTrue(l.terms().contains("puppet regime"), l.terms().toString());
    assertTrue(l.terms().contains("so-called threat"), l.terms().toString());
    assertTrue(l.terms().contains("slammed"), l.terms().toString());
    assertTrue(l.terms().contains("greedy"), l.terms().toString());
    assertTrue(l.score() > 20, "terms per 100 words: " + l.score());
  }

  @Test
  void neutralTextNamesAndQuotationsScoreZero() {
    String body = "The New England Patriots won on Sunday. “These greedy bosses must go,” a striker said.";
    int quoteStart = body.indexOf('“');
    LoadedLanguage l = detector.detect(body, List.of(new Span(quoteStart, body.indexOf('”') + 1)));
    assertEquals(0, l.spans().size(), l.spans().toString());
    assertEquals(0.0, l.score());
  }

  /** Random text over the characters the word scan and the scare-quote scan treat specially. */
  private static String noise(java.util.Random r, int n) {
    String[] parts = {"a", "B", "é", "\uD835\uDC00", "'", "\u2019", "\u2018", "-", " ", "\n", "7", ".", "so-called",
        "SO-CALLED", "word", "radical", "'deal'", "\u2018plan\u2019"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(parts[r.nextInt(parts.length)]);
    }
    return sb.toString();
  }

  @Test
  void theWordScanFindsTheSpansOfTheWordPattern() {
    java.util.regex.Pattern word = java.util.regex.Pattern.compile("[\\p{L}][\\p{L}'\u2019-]*");
    java.util.Random r = new java.util.Random(16);
    for (int k = 0; k < 2000; k++) {
      String text = noise(r, 1 + r.nextInt(40));
      List<String> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher m = word.matcher(text);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      assertEquals(expected, LoadedLanguageDetector.words(text).stream().map(w -> w[0] + "-" + w[1]).toList(), text);
    }
  }

  @Test
  void scareQuotesAreThoseOfThePatternWithItsLookBehind() {
    java.util.regex.Pattern scare = java.util.regex.Pattern.compile(
        "(?<![\\p{L}])[\u2018'](\\p{L}[\\p{L} -]{2,30}\\p{L})[\u2019'](?![\\p{L}])");
    java.util.Random r = new java.util.Random(61);
    int seen = 0;
    for (int k = 0; k < 2000; k++) {
      String text = noise(r, 1 + r.nextInt(30));
      List<String> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher m = scare.matcher(text);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      assertEquals(expected, LoadedLanguageDetector.scareQuotes(text, List.of()).stream()
          .map(t -> t.start() + "-" + t.end()).toList(), text);
      seen += expected.size();
    }
    assertTrue(seen > 100, "scare quotes in the samples: " + seen);
  }
}
