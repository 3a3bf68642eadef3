package org.parallax.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whose voices an article quotes: the share of its quotes by the speaker's side ("unknown" when none is stated,
 * "unattributed" when the quote has no speaker),
 * largest share first, then by name.
 */
public record Voices(int quotes, Map<String, Double> bySide) {
  public Voices {
    // A fixed order, not Map.copyOf's: its iteration order changes from one JVM to the next, and reports written
    // by two runs (or by the CLI and the Spark job) must be identical byte for byte.
    Map<String, Double> ordered = new LinkedHashMap<>();
    bySide.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    bySide = Collections.unmodifiableMap(ordered);
  }
}
