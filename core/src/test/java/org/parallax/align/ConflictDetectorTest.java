package org.parallax.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Quantity;
import org.parallax.model.Quote;
import org.parallax.model.Span;
import org.parallax.testing.TestModels;

class ConflictDetectorTest {
  private final ParallaxConfig cfg = ParallaxConfig.defaults();

  private static Claim claim(String article, int i, String text, Quantity... numbers) {
    return new Claim(article, i, new Span(0, text.length()), text, List.of(numbers), null, null, false);
  }

  private List<Conflict> detect(List<Claim> claims, List<Quote> quotes) {
    ClaimVectors v = new ClaimVectors(claims, TestModels.embedder());
    return new ConflictDetector(cfg.topicSimilarity(), cfg.claimAgreement(), cfg.negationSimilarity(),
        cfg.numberTolerance())
        .detect(claims, v, quotes);
  }

  private static Quote quote(String article, String text, String speaker, String side, String cue) {
    return new Quote(article, new Span(0, text.length()), 0, text, speaker, null, side, cue);
  }

  @Test
  void differentFiguresForTheSameCountInTheSameStatementConflict() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "The explosion at the chemical plant in Texas killed 12 workers on Monday.",
            new Quantity(12, "worker", "12 workers", false)),
        claim("b", 0, "The explosion at the chemical plant in Texas killed 14 workers on Monday.",
            new Quantity(14, "worker", "14 workers", false))), List.of());
    assertEquals(1, c.size(), c.toString());
    Conflict q = c.get(0);
    assertEquals("quantity", q.kind());
    assertEquals("workers", q.slot());
    assertEquals(List.of("12 workers", "14 workers"), q.values());
    assertTrue(q.shown(), "a near-identical statement with another figure is shown: " + q);
  }

  @Test
  void approximateAndRoundFiguresThatAllowEachOtherAgree() {
    assertTrue(detect(List.of(
        claim("a", 0, "About 300 workers walked out of the Eastbridge port on Monday morning.",
            new Quantity(300, "worker", "300 workers", false)),
        claim("b", 0, "Exactly 312 workers walked out of the Eastbridge port on Monday morning.",
            new Quantity(312, "worker", "312 workers", false))), List.of()).isEmpty());
    assertTrue(detect(List.of(
        claim("a", 0, "Fifteen local jurisdictions in the state have adopted the new voting rules.",
            new Quantity(15, "jurisdiction", "Fifteen local jurisdictions", false)),
        claim("b", 0, "More than a dozen local jurisdictions in the state have adopted the new voting rules.",
            new Quantity(12, "jurisdiction", "dozen local jurisdictions", false))), List.of()).isEmpty());
  }

  @Test
  void figuresOfDifferentSentencesOrTimesAreNoConflict() {
    assertTrue(detect(List.of(
        claim("a", 0, "The vaccine trial enrolled 1,077 people across three continents last year.",
            new Quantity(1077, "people", "1,077 people", false)),
        claim("b", 0, "The pandemic has killed 600,000 people in the United States so far.",
            new Quantity(600000, "people", "600,000 people", false))), List.of()).isEmpty());
    assertTrue(detect(List.of(
        claim("a", 0, "The company had 5,000 employees in March before the layoffs began.",
            new Quantity(5000, "employee", "5,000 employees", false)),
        claim("b", 0, "The company had 3,000 employees in June before the layoffs began.",
            new Quantity(3000, "employee", "3,000 employees", false))), List.of()).isEmpty());
  }

  @Test
  void theSameEventOnAnotherWeekdayIsAFactConflict() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "The Senate passed the infrastructure bill on Tuesday after a long debate."),
        claim("b", 0, "The Senate passed the infrastructure bill on Wednesday after a long debate.")), List.of());
    assertEquals(1, c.size(), c.toString());
    assertEquals("fact", c.get(0).kind());
    assertEquals("day", c.get(0).slot());
    // Two days that date two different things of the sentence (the invitation, the briefing) are no conflict.
    assertTrue(detect(List.of(
        claim("a", 0, "The governor has invited county leaders to a flood briefing Wednesday at the state capitol."),
        claim("b", 0, "The governor on Tuesday invited county leaders to a flood briefing at the state capitol.")),
        List.of()).isEmpty());
  }

  @Test
  void aGoalIsNoContradictionOfThePresentFigure() {
    assertTrue(detect(List.of(
        claim("a", 0, "Currently about 20% of the city's buses run on electricity.",
            new Quantity(20, "percent", "20%", false)),
        claim("b", 0, "The city would like 90% of its buses to run on electricity.",
            new Quantity(90, "percent", "90%", false))), List.of()).isEmpty());
  }

  @Test
  void slotsThatNameWhatTheyMeasureConflictAcrossTheStoryWithoutAligning() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "The Greens took 41 seats of the 120 in the regional parliament."),
        claim("a", 1, "Officials said the count in the northern district would finish overnight."),
        claim("b", 0, "With most ballots counted, Greens leader Anna Holm's party had won 43 of 120 seats.")),
        List.of());
    assertEquals(1, c.size(), c.toString());
    assertEquals("share", c.get(0).slot());
    assertTrue(c.get(0).shown(), c.toString());
    // Another party's count of the same whole, or an article that also states the other value, is no conflict.
    assertTrue(detect(List.of(
        claim("a", 0, "The Greens took 41 seats of the 120 in the regional parliament."),
        claim("b", 0, "The rival Farmers Union won 43 of 120 seats, its best result.")), List.of()).isEmpty());
    assertTrue(detect(List.of(
        claim("a", 0, "The Greens took 41 seats of the 120 in the regional parliament, up from 39 of 120 seats."),
        claim("b", 0, "Greens leader Anna Holm's party had won 39 of 120 seats in the last vote.")),
        List.of()).isEmpty());
  }

  @Test
  void disclosureRangesDifferBeyondTheirRoundingButApproximateOnesAgree() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "Filings show Senator Vale sold between $412,000 and $1.31 million in shares in May."),
        claim("b", 0, "Vale, who sits on the banking panel, dumped between $398,017 and $1.14 million of stock."),
        claim("c", 0, "Records indicate that Vale sold between roughly $400,000 and $1.3 million in stock.")),
        List.of());
    assertEquals(1, c.size(), c.toString());
    assertEquals("range", c.get(0).slot());
    assertEquals(List.of("$412,000 and $1.31 million", "$398,017 and $1.14 million"), c.get(0).values());
  }

  @Test
  void theYearOfANamedLawOrTheSizeOfADocumentDiffer() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "The ministry said the closure followed a law dating back to 1987 on coastal protection."),
        claim("b", 0, "Officials said the closure, ordered under a law passed by parliament in 1991, is final.")),
        List.of());
    assertEquals(1, c.size(), c.toString());
    assertEquals("fact", c.get(0).kind());
    List<Conflict> e = detect(List.of(
        claim("a", 0, "Marta Ruiz joined the city orchestra in 2004 after a decade abroad."),
        claim("b", 0, "Violinist Marta Ruiz joined the ensemble in 2006, its first foreign-trained member.")),
        List.of());
    assertEquals(1, e.size(), e.toString());
    assertEquals("event year", e.get(0).slot());
    // A recurring event ("elected") may happen in both years: no conflict.
    assertTrue(detect(List.of(
        claim("a", 0, "Marta Ruiz was elected in 2004 to lead the musicians' union."),
        claim("b", 0, "Marta Ruiz was elected in 2006 to lead the musicians' union.")), List.of()).isEmpty());
    List<Conflict> d = detect(List.of(
        claim("a", 0, "The 212-page audit of the Harlow transit agency was released on Friday."),
        claim("b", 0, "Auditors published a 221-page report on the Harlow transit agency's finances.")), List.of());
    assertEquals(1, d.size(), d.toString());
    assertEquals(List.of("212-page", "221-page"), d.get(0).values());
  }

  @Test
  void theSameWordsCreditedToTwoResolvedSpeakersConflictButUnresolvedOrSameSideOnesDoNot() {
    String words = "We will not accept anyone's red lines on this question";
    List<Conflict> c = detect(List.of(), List.of(
        quote("a", words, "Joe Biden", "United States", "X said"),
        quote("b", words, "Vladimir Putin", "Russia", "said X")));
    assertEquals(1, c.size(), c.toString());
    assertEquals("attribution", c.get(0).kind());
    assertEquals(List.of("Joe Biden", "Vladimir Putin"), c.get(0).values());
    assertTrue(detect(List.of(), List.of(
        quote("a", words, "Donald Trump", null, "X said"),
        quote("b", words, "Trump Donald John TrumpTrump", null, "X said"))).isEmpty(), "one person");
    assertTrue(detect(List.of(), List.of(
        quote("a", words, "Joe Biden", "United States", "X said"),
        quote("b", words, "Jen Psaki", "United States", "X said"))).isEmpty(), "one side");
    assertTrue(detect(List.of(), List.of(
        quote("a", words, "Joe Biden", "United States", "X said"),
        quote("b", words, "Vladimir Putin", "Russia", "pronoun-previous-quote"))).isEmpty(), "unresolved");
  }
}
