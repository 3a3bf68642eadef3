package org.parallax.model;

import java.util.Map;

/** Whose voices an article quotes: the share of its quotes by the speaker's side ("unknown" when none is stated). */
public record Voices(int quotes, Map<String, Double> bySide) {
  public Voices {
    bySide = Map.copyOf(bySide);
  }
}
