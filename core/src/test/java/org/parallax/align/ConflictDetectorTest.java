package org.parallax.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.config.ParallaxConfig;
import org.parallax.model.Claim;
import org.parallax.model.Conflict;
import org.parallax.model.Quantity;
import org.parallax.model.Span;
import org.parallax.testing.TestModels;

class ConflictDetectorTest {
  private final ParallaxConfig cfg = ParallaxConfig.defaults();

  private static Claim claim(String article, int i, String text, String credit, String side, boolean negated,
                             Quantity... numbers) {
    return new Claim(article, i, new Span(0, text.length()), text, List.of(numbers), credit, side, negated);
  }

  private List<Conflict> detect(List<Claim> claims) {
    ClaimVectors v = new ClaimVectors(claims, TestModels.embedder());
    ClaimAligner.Alignment al = new ClaimAligner(cfg.claimSimilarity(), cfg.consensusShare()).align(claims, v, 2);
    return new ConflictDetector(cfg.topicSimilarity(), cfg.negationSimilarity(), cfg.numberTolerance())
        .detect(claims, v, al, List.of());
  }

  @Test
  void sameClaimCreditedToSourcesOfDifferentSides() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "According to the ministry, the bridge will reopen to traffic on Friday.", "ministry",
            "Government", false),
        claim("b", 0, "The bridge will reopen to traffic on Friday, the contractor said.", "contractor",
            "Calder Builders", false)));
    assertEquals(1, c.size(), c.toString());
    assertEquals("attribution", c.get(0).kind());
  }

  @Test
  void sameSideCreditIsNoConflict() {
    assertTrue(detect(List.of(
        claim("a", 0, "According to the ministry, the bridge will reopen to traffic on Friday.", "ministry",
            "Government", false),
        claim("b", 0, "The bridge will reopen to traffic on Friday, the minister said.", "minister",
            "Government", false))).isEmpty());
  }

  @Test
  void affirmedAndNegatedVersionsOfOneStatementConflict() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "The two leaders met alone without any aides in the room.", null, null, true),
        claim("b", 0, "The two leaders met alone with their aides in the room.", null, null, false)));
    assertTrue(c.stream().anyMatch(x -> x.kind().equals("negation")), c.toString());
  }

  @Test
  void agreeingNumbersWithinToleranceAreNoConflict() {
    List<Conflict> c = detect(List.of(
        claim("a", 0, "About 1,200 workers walked out on Monday.", null, null, false,
            new Quantity(1200, "worker", "1,200 workers", false)),
        claim("b", 0, "Roughly 1,180 workers walked out on Monday.", null, null, false,
            new Quantity(1180, "worker", "1,180 workers", false)),
        claim("c", 0, "Some 800 workers walked out on Monday.", null, null, false,
            new Quantity(800, "worker", "800 workers", false))));
    Conflict n = c.stream().filter(x -> x.kind().equals("number")).findFirst().orElseThrow();
    assertTrue(n.reason().contains("800"), n.reason());
    assertEquals(3, n.statements().size(), "800 conflicts with both others: " + n);
  }
}
