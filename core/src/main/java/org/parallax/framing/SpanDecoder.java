package org.parallax.framing;

import java.util.ArrayList;
import java.util.List;

/**
 * Word probabilities → spans: a run of words whose probability of being loaded reaches the threshold is one span;
 * two runs with at most {@code gap} words between them are one span (PTC's spans are phrases, and the tagger's
 * probability often dips on a function word inside one, as in "enemy of the people").
 */
final class SpanDecoder {
  private SpanDecoder() {}

  /** Spans as [first word, last word], inclusive, in order. */
  static List<int[]> decode(double[] loaded, double threshold, int gap) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < loaded.length; i++) {
      if (loaded[i] < threshold) {
        continue;
      }
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && i - last[1] - 1 <= gap) {
        last[1] = i;
      } else {
        out.add(new int[] {i, i});
      }
    }
    return out;
  }
}
