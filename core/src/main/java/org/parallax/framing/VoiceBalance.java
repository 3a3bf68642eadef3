package org.parallax.framing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.model.Quote;
import org.parallax.model.Voices;

/**
 * Share of an article's quotes by the speaker's side: whose voices the outlet lets speak. A quote whose speaker is
 * named but whose side no article states counts as "unknown"; one with no speaker at all (a quoted phrase, a
 * readout's wording) as "unattributed", so that the two gaps are not confused.
 */
public final class VoiceBalance {
  public Voices of(List<Quote> quotes) {
    Map<String, Double> counts = new TreeMap<>();
    for (Quote q : quotes) {
      String key = q.speaker() == null ? "unattributed" : q.side() == null ? "unknown" : q.side();
      counts.merge(key, 1.0, Double::sum);
    }
    int n = quotes.size();
    counts.replaceAll((k, v) -> Math.round(1000.0 * v / n) / 1000.0);
    return new Voices(n, counts);
  }
}
