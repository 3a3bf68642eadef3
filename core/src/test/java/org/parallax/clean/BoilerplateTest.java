package org.parallax.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Article;

class BoilerplateTest {
  static final String BIO = "Jo Smith is a senior writer at the Gazette and the author of three books on rivers.";

  private static Article article(String id, String outlet, String body) {
    return new Article(id, null, outlet, null, null, null, null, "en", body, List.of());
  }

  private static String story(int n) {
    return "Story number " + n + " tells of event " + (char) ('A' + n) + " in the valley of Calder on day " + n
        + ". Officials said the work on project " + (char) ('K' + n) + " would continue.";
  }

  @Test
  void aBlockAnOutletPrintsInSeveralStoriesIsRemovedWithItsReasonAndExcludedFromCopying() {
    Boilerplate b = new Boilerplate(1 << 10, 2, 3);
    int gazette = 42;
    for (int n = 0; n < 3; n++) {
      Article a = article("a" + n, "Gazette", story(n) + "\n\n" + BIO);
      Boilerplate.Verdict v = b.judge(a, gazette, TextBlocks.of(a.body()));
      if (n < 2) {
        assertFalse(v.any(), "seen in " + n + " stories: not yet boilerplate");
      }
      b.learn(gazette, n, TextBlocks.of(a.body()));
    }
    Article next = article("a9", "Gazette", story(9) + "\n\n" + BIO);
    Boilerplate.Verdict v = b.judge(next, gazette, TextBlocks.of(next.body()));
    assertTrue(v.any());
    assertEquals(story(9), v.cleaned().body());
    assertEquals(BIO, v.cleaned().removed().get(0).text());
    assertTrue(v.cleaned().removed().get(0).reason().startsWith("boilerplate"));
    assertFalse(v.copyText().contains("senior writer"));
    assertEquals(v.cleaned(), Boilerplate.withoutParagraphs(next, v.dropped()),
        "a cluster worker rebuilds the same article from the verdict");
    // another outlet printing the same words has learned nothing
    Article other = article("o", "Herald", story(9) + "\n\n" + BIO);
    assertFalse(b.judge(other, 7, TextBlocks.of(other.body())).any());
  }

  @Test
  void anOutletsVersionsOfOneStoryDoNotMakeEachOtherBoilerplate() {
    Boilerplate b = new Boilerplate(1 << 10, 2, 3);
    Article a = article("v", "Gazette", story(1) + "\n\n" + BIO);
    for (int n = 0; n < 5; n++) {
      b.learn(42, 1234, TextBlocks.of(a.body())); // five versions, one story
    }
    Boilerplate.Verdict v = b.judge(a, 42, TextBlocks.of(a.body()));
    assertFalse(v.any());
    assertSame(a, v.cleaned());
  }

  @Test
  void aBlockSeenInTwoStoriesIsLeftInTheBodyButNotUsedAsEvidence() {
    Boilerplate b = new Boilerplate(1 << 10, 2, 3);
    for (int n = 0; n < 2; n++) {
      b.learn(42, n, TextBlocks.of(story(n) + " " + BIO));
    }
    Article a = article("x", "Gazette", story(5) + " " + BIO);
    Boilerplate.Verdict v = b.judge(a, 42, TextBlocks.of(a.body()));
    assertTrue(v.any());
    assertEquals(a.body(), v.cleaned().body());
    assertFalse(v.copyText().contains("senior writer"));
    assertTrue(v.copyText().contains("valley of Calder"));
  }

  @Test
  void theTableSurvivesASaveAndStaysBounded(@TempDir Path dir) throws Exception {
    Boilerplate b = new Boilerplate(1 << 6, 2, 3);
    for (int n = 0; n < 200; n++) { // far more distinct blocks than slots: the once-seen are forgotten
      b.learn(42, n, TextBlocks.of(story(n)));
      b.learn(42, n, TextBlocks.of(BIO));
    }
    assertTrue(b.count(42, TextBlocks.of(BIO).keys()[0]) >= 2);
    b.save(dir.resolve("b.bin"));
    Boilerplate c = new Boilerplate(1 << 6, 2, 3);
    c.load(dir.resolve("b.bin"));
    assertEquals(b.count(42, TextBlocks.of(BIO).keys()[0]), c.count(42, TextBlocks.of(BIO).keys()[0]));
    Article a = article("y", "Gazette", story(500) + "\n\n" + BIO);
    assertNotSame(a, c.judge(a, 42, TextBlocks.of(a.body())).cleaned());
  }

  @Test
  void aLongQuotationIsNotRemovedThoughItRecurs() {
    Boilerplate b = new Boilerplate(1 << 10, 2, 3);
    String quote = "Others note, \u201CThe transcript shows the president pressing a foreign leader for a favour in "
        + "plain words.\u201D";
    for (int n = 0; n < 3; n++) {
      b.learn(42, n, TextBlocks.of(story(n) + "\n\n" + quote));
    }
    Article a = article("q", "Gazette", story(7) + "\n\n" + quote);
    Boilerplate.Verdict v = b.judge(a, 42, TextBlocks.of(a.body()));
    assertTrue(v.any(), "still no evidence of copying");
    assertEquals(a.body(), v.cleaned().body());
    assertTrue(Boilerplate.quotesAtLength(quote, 0, quote.length()));
    String shortQuote = "\u201CThe 360\u201D shows you the day's stories.";
    assertFalse(Boilerplate.quotesAtLength(shortQuote, 0, shortQuote.length()));
  }

  @Test
  void blocksIgnoreDigitsAndShortFragments() {
    TextBlocks one = TextBlocks.of("Hide Caption 3 of 19 Photos: the candidates on the trail.");
    TextBlocks two = TextBlocks.of("Hide Caption 7 of 24 Photos: the candidates on the trail.");
    assertEquals(one.keys()[0], two.keys()[0]);
    assertEquals(0, TextBlocks.of("Read more.").keys()[0]);
  }
}
