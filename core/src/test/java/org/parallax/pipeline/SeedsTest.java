package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.model.ArticleReport;
import org.parallax.model.OutletIdentity;
import org.parallax.model.Quote;
import org.parallax.model.Report;
import org.parallax.model.Reuse;
import org.parallax.testing.TestModels;

/** The five real seed articles in ../shared/seeds (third-party text, read at test time); skipped where absent. */
class SeedsTest {
  private static Report report;

  @BeforeAll
  static void analyse() {
    Path seeds = TestModels.shared("seeds");
    Assumptions.assumeTrue(Files.isDirectory(seeds), "../shared/seeds is not present");
    report = TestModels.parallax().analyze(List.of(seeds));
  }

  private static ArticleReport article(String prefix) {
    return report.articles().stream().filter(a -> a.id().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static String speakerOf(String prefix, String quoteStart) {
    return report.quotes().stream().filter(q -> q.article().startsWith(prefix) && q.text().startsWith(quoteStart))
        .map(Quote::speaker).findFirst().orElse("(no such quote)");
  }

  @Test
  void noiseIsGone() {
    assertEquals(5, report.articles().size());
    assertFalse(article("001").body().contains("Photograph:"));
    assertFalse(article("001").body().contains("Leave A Reply"));
    assertFalse(article("002").body().contains("Back to top"));
    assertFalse(article("002").body().contains("| AP"));
    assertFalse(article("003").body().contains("Notify of"));
    assertFalse(article("003").body().contains("shit-show"), "the comment thread is removed");
    assertEquals("Putin and Biden face-to-face", article("000").title());
    assertEquals("EurAsian Times", article("004").outlet());
  }

  /** What a reader can name from each text, and nothing more (issue 16). */
  @Test
  void outletsAreNamedFromTheTextOrMarkedUnknown() {
    assertEquals("New Worker", article("000").outlet());
    assertEquals(OutletIdentity.Basis.BYLINE, article("000").outletIdentity().basis());
    assertEquals("by New Worker correspondent", article("000").outletIdentity().evidence());
    assertFalse(article("001").outletIdentity().known(), "001 names no outlet");
    assertTrue(article("001").outlet().startsWith("unknown"), article("001").outlet());
    assertEquals("news7g", article("002").outlet());
    assertEquals(OutletIdentity.Basis.FOOTER, article("002").outletIdentity().basis());
    assertFalse(article("003").outletIdentity().known(), "003 names only the outlet it was translated from");
    assertEquals("RBC", article("003").outletIdentity().original());
    assertEquals("Translated from RBC.RU", article("003").outletIdentity().originalEvidence());
    assertEquals(OutletIdentity.Basis.SOURCE_LINE, article("004").outletIdentity().basis());
    assertEquals("Source: EurAsian Times", article("004").outletIdentity().evidence());
    // The terminal report says where the translation comes from, not only "unknown".
    assertTrue(new org.parallax.report.TextReport().render(report).contains(
        "original source: RBC (“Translated from RBC.RU”)"));
  }

  @Test
  void speakersOfKeyQuotesAreRight() {
    assertEquals("Jake Sullivan", speakerOf("001", "The discussion between President Biden"));
    assertEquals("Dmitry Peskov", speakerOf("001", "Russia isn’t going to attack anyone"));
    assertEquals("Pavlo Klimkin", speakerOf("001", "They will stay"));
    assertEquals("Sergey Lavrov", speakerOf("001", "It looks like Kyiv"));
    assertEquals("Mitch McConnell", speakerOf("002", "The autocrats in Beijing"));
    assertEquals("Jen Psaki", speakerOf("002", "We have consulted"));
    assertEquals("Fyodor Lukyanov", speakerOf("002", "It’s about the basic principles"));
    assertEquals("Vladimir Putin", speakerOf("004", "I welcome you"));
    assertEquals("Victoria Nuland", speakerOf("004", "Our anticipation"));
    assertEquals("Yuri Ushakov", speakerOf("004", "Sanctions aren’t new"));
    assertEquals("Jake Sullivan", speakerOf("004", "The more Iran shows"));
  }

  @Test
  void theCommunistWeeklyIsTheMostLoaded() {
    ArticleReport top = report.articles().stream()
        .max(Comparator.comparingDouble(a -> a.loadedLanguage().score())).orElseThrow();
    assertTrue(top.id().startsWith("000"), top.id());
    assertTrue(top.loadedLanguage().terms().containsAll(List.of("puppet regime", "imperialist", "hawks")),
        top.loadedLanguage().terms().toString());
  }

  @Test
  void theTwoSpunCopiesAreEachOthersClosestRelatives() {
    Reuse top = report.reuse().get(0);
    assertEquals(List.of("002", "004"), List.of(top.a().substring(0, 3), top.b().substring(0, 3)));
    assertEquals("rewrite", top.kind());
  }

  @Test
  void theSharedCoreOfTheEventIsConsensusOfIndependentSources() {
    assertTrue(report.claims().stream().anyMatch(g -> g.status().label().equals("consensus")
        && g.independent() >= 3), "a claim of three or more independent outlets: " + report.claims());
    for (var g : report.claims()) {
      boolean both = g.articles().stream().filter(a -> a.startsWith("002") || a.startsWith("004")).count() == 2;
      if (both) {
        assertEquals(g.articles().size() - 1, g.independent(), "the spun pair counts once: " + g);
      }
    }
  }

  @Test
  void theSummaryUsesOriginalWordingAndCitesEverySource() {
    assertFalse(report.summary().isEmpty());
    for (var s : report.summary()) {
      assertTrue(s.articles().size() >= 2, s.toString());
      String from = report.claims().stream().flatMap(g -> g.evidence().stream())
          .filter(e -> e.sentence().equals(s.sentence())).map(e -> e.article()).findFirst().orElseThrow();
      assertFalse(from.startsWith("002") || from.startsWith("004"), "a spun rewrite's wording: " + s);
    }
  }
}
