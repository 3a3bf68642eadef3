package org.parallax.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanDecoderTest {
  @Test
  void runsAboveTheThresholdAreSpansAndShortGapsJoinThem() {
    double[] p = {0.1, 0.8, 0.3, 0.9, 0.1, 0.1, 0.1, 0.7};
    List<int[]> none = SpanDecoder.decode(p, 0.5, 0);
    assertEquals(3, none.size());
    List<int[]> one = SpanDecoder.decode(p, 0.5, 1);
    assertEquals(2, one.size());
    assertArrayEquals(new int[] {1, 3}, one.get(0));
    assertArrayEquals(new int[] {7, 7}, one.get(1));
    assertEquals(1, SpanDecoder.decode(p, 0.5, 3).size());
    assertEquals(0, SpanDecoder.decode(p, 0.95, 3).size());
  }
}
