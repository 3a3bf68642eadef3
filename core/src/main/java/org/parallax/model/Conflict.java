package org.parallax.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Statements of different articles about the same thing that cannot all be true.
 *
 * @param topic      what the statements are about, in a few words
 * @param kind       {@code quantity}, {@code attribution}, {@code fact} or {@code status}
 * @param slot       what differs: the counted thing ("people killed"), "speaker", "day", "outcome", "denial"…
 * @param values     each side's value, in the order of {@code statements}
 * @param confidence how sure the comparison is, 0–1; below {@link #SHOWN} the conflict is only "possible"
 * @param reason     one line a reader can check against the evidence
 * @param statements the evidence sentences, one per side
 */
public record Conflict(String topic, String kind, String slot, List<String> values, double confidence, String reason,
                       List<Evidence> statements) {
  /** Confidence from which a conflict is shown as one (in red); below it, it is listed apart as possible. */
  public static final double SHOWN = 0.6;

  public Conflict {
    values = List.copyOf(values);
    statements = List.copyOf(statements);
  }

  @JsonIgnore
  public boolean shown() {
    return confidence >= SHOWN;
  }
}
