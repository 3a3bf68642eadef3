package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.model.ArticleReport;
import org.parallax.model.ClaimGroup;
import org.parallax.model.ClaimStatus;
import org.parallax.model.Conflict;
import org.parallax.model.Quote;
import org.parallax.model.Report;
import org.parallax.model.Reuse;
import org.parallax.model.SummarySentence;
import org.parallax.testing.TestModels;

/**
 * End to end on examples/port-strike, whose ground truth we wrote: five outlets on one dock strike, with an agreed
 * fact, a contradicted number of strikers, an omission, a spun copy of the wire story that also misattributes a
 * quote, two slanted outlets and planted page noise.
 */
class ExampleCorpusTest {
  private static Report report;

  @BeforeAll
  static void analyse() {
    report = TestModels.parallax().analyze(List.of(TestModels.repoRoot().resolve("examples/port-strike")));
  }

  private static ArticleReport article(String id) {
    return report.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void allFiveArticlesAreReadWithMetadataAndNothingSkipped() {
    assertEquals(5, report.articles().size());
    assertTrue(report.skipped().isEmpty(), report.skipped().toString());
    assertEquals("The Harbour Ledger", article("harbour-ledger").outlet());
    assertEquals("2025-03-10", article("harbour-ledger").date());
    assertEquals("Free Market Herald", article("free-market-herald").outlet());
    assertEquals("Militant union bosses hold Eastbridge port hostage", article("free-market-herald").title());
    assertEquals("WireNow", article("wirenow-eastbridge").outlet());
  }

  @Test
  void plantedNoiseIsRemovedAndListed() {
    for (ArticleReport a : report.articles()) {
      for (String noise : List.of("Subscribe", "Sign up", "comments", "Solidarity from the rail depot",
          "Share on", "Back to top", "Related", "Photograph:", "Idle cranes", "All rights reserved")) {
        assertFalse(a.body().contains(noise), a.id() + " still contains " + noise);
      }
    }
    assertTrue(article("workers-voice").removed().stream().anyMatch(r -> r.text().contains("rail depot")));
    assertTrue(article("workers-voice").body().contains("“We will stay out until they listen,” she said."));
  }

  @Test
  void theAgreedFactsAreConsensusAndCopiesCountOnce() {
    List<ClaimGroup> consensus = report.claims().stream().filter(g -> g.status() == ClaimStatus.CONSENSUS).toList();
    assertTrue(consensus.stream().anyMatch(g -> g.text().contains("48-hour") && g.articles().size() == 5),
        "the strike itself is reported by all five: " + consensus);
    ClaimGroup ships = report.claims().stream().filter(g -> g.text().contains("anchor")).findFirst().orElseThrow();
    assertTrue(ships.articles().size() >= 3, ships.toString());
    assertTrue(ships.independent() < ships.articles().size(), "the wire copies state it, as one source: " + ships);
    assertFalse(ships.copies().isEmpty(), ships.toString());
  }

  @Test
  void theMisattributedQuoteIsAnAttributionConflict() {
    Conflict c = report.conflicts().stream().filter(x -> x.kind().equals("attribution")).findFirst()
        .orElseThrow(() -> new AssertionError(report.conflicts().toString()));
    assertTrue(c.shown(), c.toString());
    assertEquals("speaker", c.slot());
    assertTrue(c.values().containsAll(List.of("Priya Raman", "Tomas Lindqvist")), c.toString());
  }

  @Test
  void theOmissionIsListedForTheOutletThatLeavesItOut() {
    ClaimGroup strike = report.claims().stream().filter(g -> g.text().contains("48-hour")).findFirst().orElseThrow();
    ClaimGroup talks = report.claims().stream().filter(g -> g.text().contains("Thursday")).findFirst().orElseThrow();
    assertFalse(talks.articles().contains("workers-voice"));
    assertTrue(report.coverage().stream().filter(c -> c.article().equals("workers-voice")).findFirst().orElseThrow()
        .omitted().stream().noneMatch(id -> id.equals(strike.id())), "it reports the strike");
    assertTrue(report.claims().stream().anyMatch(g -> g.status() == ClaimStatus.UNIQUE
        && g.articles().equals(List.of("workers-voice")) && g.text().contains("record profits")));
  }

  @Test
  void quotesHaveTheirSpeakersRolesAndSides() {
    for (Quote q : report.quotes()) {
      assertNotNull(q.speaker(), "every quote in the examples is attributed: " + q);
      if (q.text().startsWith("Our members")) {
        assertEquals("Maria Okafor", q.speaker());
        assertEquals("Eastbridge Dockers' Union", q.side());
      }
      if (q.text().startsWith("Every day")) {
        assertEquals("Priya Raman", q.speaker());
      }
      if (q.text().startsWith("We will stay out")) {
        assertEquals("Maria Okafor", q.speaker(), "pronoun and continuation: " + q);
      }
      if (q.text().startsWith("The offer on the table") && !q.article().startsWith("newsbuzz")) {
        assertEquals("Tomas Lindqvist", q.speaker());
        assertEquals("Halvorsen Shipping", q.side());
      }
    }
  }

  @Test
  void theSpunCopyIsRecognisedAsARewriteOfTheWireStoryWithDirection() {
    Reuse closest = report.reuse().stream()
        .filter(r -> r.a().equals("newsbuzz24-eastbridge") || r.b().equals("newsbuzz24-eastbridge"))
        .filter(r -> !r.a().equals("harbour-ledger") && !r.b().equals("harbour-ledger"))
        .max(Comparator.comparingDouble(Reuse::similarity)).orElseThrow();
    assertTrue(List.of(closest.a(), closest.b()).contains("wirenow-eastbridge"), closest.toString());
    assertEquals("rewrite", closest.kind());
    assertEquals("wirenow-eastbridge", closest.source());
    assertFalse(closest.passages().isEmpty());
  }

  @Test
  void theSlantedOutletsScoreHighestOnLoadedLanguage() {
    List<String> ranked = report.articles().stream()
        .sorted(Comparator.comparingDouble((ArticleReport a) -> a.loadedLanguage().score()).reversed())
        .map(ArticleReport::id).toList();
    assertEquals(List.of("workers-voice", "free-market-herald"), ranked.subList(0, 2));
    assertEquals(0.0, article("wirenow-eastbridge").loadedLanguage().score());
    assertTrue(article("workers-voice").loadedLanguage().terms().contains("fat cats"));
  }

  @Test
  void summaryIsConsensusFirstNeutralAndCited() {
    assertFalse(report.summary().isEmpty());
    SummarySentence first = report.summary().get(0);
    assertTrue(first.sentence().contains("48-hour"), first.toString());
    for (SummarySentence s : report.summary()) {
      assertTrue(s.articles().size() >= 2, s.toString());
      assertFalse(s.sentence().contains("1,200"), "the contested number of strikers is no summary fact: " + s);
      assertFalse(s.sentence().contains("“"), s.toString());
      for (String loaded : List.of("greedy", "fat cats", "militant", "radical", "hostage", "scab")) {
        assertFalse(s.sentence().toLowerCase().contains(loaded), s.toString());
      }
    }
  }
}
