package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.model.ArticleReport;
import org.parallax.model.Quote;
import org.parallax.model.Report;
import org.parallax.model.Speaker;
import org.parallax.testing.TestModels;

/** Speakers and sides on the seed story in ../shared/seeds (skipped where that folder is absent). */
class SeedVoicesTest {
  private static Report report;

  @BeforeAll
  static void analyse() {
    Path seeds = TestModels.shared("seeds");
    assumeTrue(Files.isDirectory(seeds), "../shared/seeds not present");
    report = TestModels.parallax().analyze(List.of(seeds));
  }

  @Test
  void everyOutletsUnknownShareIsSmall() {
    for (ArticleReport a : report.articles()) {
      double unknown = a.voices().bySide().getOrDefault("unknown", 0.0);
      assertTrue(unknown <= 0.15, a.id() + ": " + a.voices());
    }
  }

  @Test
  void onePersonHasOneNameAndOneSideAcrossTheStory() {
    Map<String, String> sideBySpeaker = new HashMap<>();
    for (Quote q : report.quotes()) {
      if (q.speaker() != null) {
        String before = sideBySpeaker.putIfAbsent(q.speaker(), String.valueOf(q.side()));
        if (before != null) {
          assertEquals(before, String.valueOf(q.side()), q.speaker() + " in " + q.article());
        }
      }
    }
    for (Speaker a : report.speakers()) {
      for (Speaker b : report.speakers()) {
        assertTrue(a == b || !b.name().endsWith(" " + a.name()) || !a.name().matches("\\p{Lu}\\p{L}+"),
            "one person under two names: " + a.name() + ", " + b.name());
      }
    }
  }

  @Test
  void aStatedSideCarriesItsEvidence() {
    assertTrue(report.speakers().stream().anyMatch(s -> s.side() != null), "some side is stated in the seeds");
    for (Speaker s : report.speakers()) {
      if (s.side() != null) {
        assertTrue(s.evidence() != null && s.evidenceArticle() != null, s.toString());
      }
      for (Quote q : report.quotes()) {
        if (s.name().equals(q.speaker())) {
          assertEquals(s.side(), q.side(), q.toString());
        }
      }
    }
  }
}
