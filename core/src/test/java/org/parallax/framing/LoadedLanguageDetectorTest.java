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
}
