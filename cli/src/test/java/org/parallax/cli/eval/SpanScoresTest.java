package org.parallax.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.model.LoadedTerm;

class SpanScoresTest {
  @Test
  void strictNeedsNestingAndHalfTheLength() {
    assertTrue(SpanScores.strictMatch(10, 20, 10, 20));
    assertTrue(SpanScores.strictMatch(10, 15, 10, 20)); // inside, exactly half
    assertFalse(SpanScores.strictMatch(10, 14, 10, 20)); // inside, under half
    assertTrue(SpanScores.strictMatch(5, 20, 8, 18)); // contains
    assertFalse(SpanScores.strictMatch(15, 25, 10, 20)); // overlaps, neither inside the other
  }

  @Test
  void overlapAndStrictCountDifferently() {
    SpanScores s = new SpanScores();
    s.add(List.of(new PtcCorpus.Gold(0, 10, "loaded"), new PtcCorpus.Gold(50, 60, "name-calling")),
        List.of(new LoadedTerm(0, 3, "x", "loaded"), new LoadedTerm(52, 60, "y", "loaded"),
            new LoadedTerm(80, 90, "z", "loaded")));
    // overlap: 2 of 3 predictions right, no gold missed
    assertEquals(2 * (2 / 3.0) / (2 / 3.0 + 1), s.overlapF1(), 1e-9);
    // strict: only (52,60) inside (50,60) at 8/10; 1 of 3 predictions, 1 of 2 gold
    assertEquals(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5), s.strictF1(), 1e-9);
  }
}
