package org.parallax.reuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReuseDetectorTest {
  @Test
  void orderPreservingChainIgnoresSentencesMatchedOutOfOrder() {
    // Matches 0→2, 1→5, 2→3, 3→7, 4 unmatched, 5→9: the copy's order is 2,3,7,9 (or 2,5,7,9).
    List<Integer> chain = ReuseDetector.longestIncreasing(new int[] {2, 5, 3, 7, -1, 9});
    assertEquals(4, chain.size());
  }

  @Test
  void containmentOfShingles() {
    var a = ReuseDetector.shingles("the quick brown fox jumps over the lazy dog today");
    var b = ReuseDetector.shingles("yesterday the quick brown fox jumps over the lazy dog");
    assertEquals(1.0, ReuseDetector.containment(a, b), 0.2);
    assertEquals(0.0, ReuseDetector.containment(a, ReuseDetector.shingles("nothing in common here at all")));
  }
}
